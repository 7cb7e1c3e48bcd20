DROP INDEX "actions_overdue_idx";--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "withdrawn_by_account_id" uuid;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_withdrawn_by_account_id_accounts_id_fk" FOREIGN KEY ("withdrawn_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_overdue_idx" ON "actions" USING btree ("due_date") WHERE "actions"."state" <> 'completed' and "actions"."overdue_reminded_at" is null and "actions"."withdrawn_at" is null;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_withdrawn_check" CHECK (not ("actions"."state" = 'completed' and "actions"."withdrawn_at" is not null));