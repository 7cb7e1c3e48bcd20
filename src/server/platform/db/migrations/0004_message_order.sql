ALTER TABLE "mails" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD COLUMN "seq" bigserial NOT NULL;