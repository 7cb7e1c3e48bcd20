CREATE TABLE "action_upload_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"required" boolean NOT NULL,
	"document_id" uuid,
	"delivered_at" timestamp with time zone,
	"delivered_by_name" text,
	CONSTRAINT "action_upload_items_position" UNIQUE("action_id","position")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"questionnaire_version_id" uuid,
	"title" text,
	"instruction" text,
	"due_date" date,
	"state" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"answer_authors" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"current_page_id" text,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by_account_id" uuid,
	"sent_by_name" text NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by_name" text,
	"document_id" uuid,
	"reminded_at" timestamp with time zone,
	"overdue_reminded_at" timestamp with time zone,
	CONSTRAINT "actions_kind_check" CHECK (("actions"."kind" = 'questionnaire') = ("actions"."questionnaire_version_id" is not null)
        and ("actions"."kind" = 'upload-request') = ("actions"."title" is not null)),
	CONSTRAINT "actions_completed_check" CHECK (("actions"."state" = 'completed') = ("actions"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "questionnaire_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid,
	"library_key" text,
	"copied_from_template_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "questionnaire_templates_library_key_unique" UNIQUE("library_key"),
	CONSTRAINT "questionnaire_templates_library_check" CHECK (("questionnaire_templates"."office_id" is null) = ("questionnaire_templates"."library_key" is not null))
);
--> statement-breakpoint
CREATE TABLE "questionnaire_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_account_id" uuid,
	"created_by_name" text,
	CONSTRAINT "questionnaire_versions_template_version" UNIQUE("template_id","version")
);
--> statement-breakpoint
ALTER TABLE "action_upload_items" ADD CONSTRAINT "action_upload_items_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_upload_items" ADD CONSTRAINT "action_upload_items_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_questionnaire_version_id_questionnaire_versions_id_fk" FOREIGN KEY ("questionnaire_version_id") REFERENCES "public"."questionnaire_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_sent_by_account_id_accounts_id_fk" FOREIGN KEY ("sent_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_templates" ADD CONSTRAINT "questionnaire_templates_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_templates" ADD CONSTRAINT "questionnaire_templates_copied_from_template_id_questionnaire_templates_id_fk" FOREIGN KEY ("copied_from_template_id") REFERENCES "public"."questionnaire_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_template_id_questionnaire_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."questionnaire_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_dossier_idx" ON "actions" USING btree ("dossier_id","sent_at");--> statement-breakpoint
CREATE INDEX "actions_client_idx" ON "actions" USING btree ("client_id","state");--> statement-breakpoint
CREATE INDEX "actions_overdue_idx" ON "actions" USING btree ("due_date") WHERE "actions"."state" <> 'completed' and "actions"."overdue_reminded_at" is null;--> statement-breakpoint
CREATE INDEX "questionnaire_templates_office_idx" ON "questionnaire_templates" USING btree ("office_id");