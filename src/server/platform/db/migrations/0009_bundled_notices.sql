-- Bundled notices (ADR 0013): "something new waits" mails for clients and staff, at most one per
-- login per bundle window, in place of the batched "new documents" mail (whose per-document
-- record `document_notices` goes: a notice names no document any more).
CREATE TABLE "notice_recipients" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"round_job_at" timestamp with time zone,
	"last_notice_at" timestamp with time zone,
	"quiet_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"office_id" uuid NOT NULL,
	"client_membership_id" uuid,
	"dossier_id" uuid,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"mail_id" uuid
);
--> statement-breakpoint
DROP TABLE "document_notices" CASCADE;--> statement-breakpoint
ALTER TABLE "notice_recipients" ADD CONSTRAINT "notice_recipients_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_account_id_notice_recipients_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."notice_recipients"("account_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_client_membership_id_client_memberships_id_fk" FOREIGN KEY ("client_membership_id") REFERENCES "public"."client_memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notices_pending_idx" ON "notices" USING btree ("account_id") WHERE "notices"."settled_at" IS NULL;--> statement-breakpoint
CREATE INDEX "notices_settled_idx" ON "notices" USING btree ("settled_at");--> statement-breakpoint
-- The "new documents" mails still planned become pending notices of their login and office, told
-- by the new job at once (it checks the login, membership and preference as it runs).
INSERT INTO "notice_recipients" ("account_id", "round_job_at")
SELECT DISTINCT "client_memberships"."account_id", now()
FROM "jobs"
JOIN "client_memberships" ON "client_memberships"."account_id" = ("jobs"."payload"->>'accountId')::uuid
	AND ("jobs"."payload"->>'membershipId' IS NULL OR "client_memberships"."id" = ("jobs"."payload"->>'membershipId')::uuid)
WHERE "jobs"."name" = 'documents.announce-new' AND "jobs"."state" IN ('queued', 'active');--> statement-breakpoint
INSERT INTO "notices" ("account_id", "audience", "office_id", "client_membership_id", "kind", "created_at")
SELECT "client_memberships"."account_id", 'client', "client_memberships"."office_id", "client_memberships"."id", 'documents', min("jobs"."created_at")
FROM "jobs"
JOIN "client_memberships" ON "client_memberships"."account_id" = ("jobs"."payload"->>'accountId')::uuid
	AND ("jobs"."payload"->>'membershipId' IS NULL OR "client_memberships"."id" = ("jobs"."payload"->>'membershipId')::uuid)
WHERE "jobs"."name" = 'documents.announce-new' AND "jobs"."state" IN ('queued', 'active')
GROUP BY "client_memberships"."account_id", "client_memberships"."office_id", "client_memberships"."id";--> statement-breakpoint
INSERT INTO "jobs" ("name", "payload", "run_at", "max_attempts", "lock_ms", "singleton_key", "created_at")
SELECT 'notifications.send', jsonb_build_object('accountId', "account_id", 'round', "round"), "round_job_at", 10, 120000,
	'notifications.send:' || "account_id" || ':' || "round", now()
FROM "notice_recipients";--> statement-breakpoint
UPDATE "jobs" SET "state" = 'completed', "finished_at" = now(), "locked_until" = NULL,
	"last_error" = 'replaced by notifications.send (migration 0009)'
WHERE "name" = 'documents.announce-new' AND "state" IN ('queued', 'active');
