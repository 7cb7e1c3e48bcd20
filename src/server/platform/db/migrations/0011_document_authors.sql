-- A document keeps who added it by name and kind, so that deleting a login (a company's extra
-- account) leaves what it added to the company: the link to the login becomes null, and the
-- login's read marks go with it.
ALTER TABLE "document_reads" DROP CONSTRAINT "document_reads_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_added_by_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "added_by_account_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "added_by_name" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "added_by_kind" text;--> statement-breakpoint
UPDATE "documents" SET "added_by_name" = "accounts"."name",
	"added_by_kind" = CASE WHEN "accounts"."kind" = 'client' THEN 'client' ELSE 'staff' END
FROM "accounts" WHERE "accounts"."id" = "documents"."added_by_account_id";--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "added_by_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "added_by_kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "document_reads" ADD CONSTRAINT "document_reads_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_added_by_account_id_accounts_id_fk" FOREIGN KEY ("added_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
