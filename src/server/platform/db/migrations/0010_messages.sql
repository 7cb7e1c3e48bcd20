-- Messages in a dossier (issue 12, ADR 0012): the messages, their attachments (documents of the
-- dossier) and who has read which. The inbox's partial indexes serve the office's clients'
-- messages newest first, all of them or those still open; a draft attachment (a document not yet
-- sent with its message) is found by age for the nightly sweep.
CREATE TABLE "message_attachments" (
	"message_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "message_attachments_message_id_document_id_pk" PRIMARY KEY("message_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "message_reads" (
	"message_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_reads_message_id_account_id_pk" PRIMARY KEY("message_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"sender" text NOT NULL,
	"client_id" uuid,
	"author_account_id" uuid,
	"author_name" text NOT NULL,
	"reply_to_message_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by_account_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_account_id" uuid,
	CONSTRAINT "messages_client_sender_check" CHECK ("messages"."sender" = 'office' or ("messages"."client_id" is not null and "messages"."withdrawn_at" is null)),
	CONSTRAINT "messages_handled_check" CHECK (("messages"."handled_at" is null) = ("messages"."handled_by_account_id" is null)),
	CONSTRAINT "messages_withdrawn_check" CHECK (("messages"."withdrawn_at" is null) = ("messages"."withdrawn_by_account_id" is null))
);
--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_reply_to_message_id_messages_id_fk" FOREIGN KEY ("reply_to_message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_handled_by_account_id_accounts_id_fk" FOREIGN KEY ("handled_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_withdrawn_by_account_id_accounts_id_fk" FOREIGN KEY ("withdrawn_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_attachments_document_idx" ON "message_attachments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "message_reads_account_idx" ON "message_reads" USING btree ("account_id","message_id");--> statement-breakpoint
CREATE INDEX "messages_dossier_idx" ON "messages" USING btree ("dossier_id","sent_at");--> statement-breakpoint
CREATE INDEX "messages_inbox_idx" ON "messages" USING btree ("office_id","sent_at","id") WHERE "messages"."sender" = 'client';--> statement-breakpoint
CREATE INDEX "messages_inbox_open_idx" ON "messages" USING btree ("office_id","sent_at","id") WHERE "messages"."sender" = 'client' and "messages"."handled_at" is null;--> statement-breakpoint
CREATE INDEX "documents_draft_attachments_idx" ON "documents" USING btree ("created_at") WHERE "documents"."state" = 'draft' and "documents"."category" in ('supplied', 'message');