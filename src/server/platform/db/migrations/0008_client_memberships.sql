-- One login, several offices (ADR 0011): which office and client a client account acts for moves
-- from the account to its memberships. Every existing client account becomes a login with one
-- membership, with what its office saw of it (name, invitation, whether the person had come).
CREATE TABLE "client_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"is_main_account" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"joined_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "client_membership_id" uuid;--> statement-breakpoint
ALTER TABLE "client_memberships" ADD CONSTRAINT "client_memberships_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_memberships" ADD CONSTRAINT "client_memberships_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_memberships" ADD CONSTRAINT "client_memberships_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "client_memberships_account_client_idx" ON "client_memberships" USING btree ("account_id","client_id");--> statement-breakpoint
CREATE INDEX "client_memberships_client_idx" ON "client_memberships" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "client_memberships_office_idx" ON "client_memberships" USING btree ("office_id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_client_membership_id_client_memberships_id_fk" FOREIGN KEY ("client_membership_id") REFERENCES "public"."client_memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
INSERT INTO "client_memberships"
	("account_id", "office_id", "client_id", "is_main_account", "name", "invited_at", "joined_at", "revoked_at", "created_at")
SELECT "accounts"."id", "accounts"."office_id", "accounts"."client_id", "accounts"."is_main_account", "accounts"."name",
	coalesce("invitation"."created_at", "accounts"."created_at"),
	CASE WHEN "accounts"."status" <> 'invited'
		THEN coalesce("accounts"."profile_seen_at", "accounts"."password_changed_at", "accounts"."created_at") END,
	CASE WHEN "accounts"."status" = 'invited' THEN "invitation"."revoked_at" END,
	"accounts"."created_at"
FROM "accounts"
LEFT JOIN LATERAL (
	SELECT "account_tokens"."created_at", "account_tokens"."revoked_at" FROM "account_tokens"
	WHERE "account_tokens"."account_id" = "accounts"."id" AND "account_tokens"."purpose" = 'invitation'
	ORDER BY "account_tokens"."created_at" DESC, "account_tokens"."revoked_at" IS NULL DESC
	LIMIT 1
) AS "invitation" ON true
WHERE "accounts"."kind" = 'client' AND "accounts"."client_id" IS NOT NULL AND "accounts"."office_id" IS NOT NULL;--> statement-breakpoint
UPDATE "sessions" SET "client_membership_id" = "client_memberships"."id"
FROM "client_memberships"
WHERE "client_memberships"."account_id" = "sessions"."account_id" AND "sessions"."ended_at" IS NULL;--> statement-breakpoint
UPDATE "accounts" SET "office_id" = NULL WHERE "kind" = 'client';--> statement-breakpoint
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_client_id_clients_id_fk";
--> statement-breakpoint
DROP INDEX "accounts_client_idx";--> statement-breakpoint
ALTER TABLE "accounts" DROP COLUMN "client_id";--> statement-breakpoint
ALTER TABLE "accounts" DROP COLUMN "is_main_account";