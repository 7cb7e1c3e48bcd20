CREATE TABLE "document_notices" (
	"document_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"noticed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "document_notices_document_id_account_id_pk" PRIMARY KEY("document_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "document_reads" (
	"document_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "document_reads_document_id_account_id_pk" PRIMARY KEY("document_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"blob_key" text NOT NULL,
	"scan_status" text NOT NULL,
	"scan_engine" text,
	"state" text NOT NULL,
	"published_at" timestamp with time zone,
	"added_by_account_id" uuid NOT NULL,
	"supplied_by_client_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_clients" (
	"dossier_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	CONSTRAINT "dossier_clients_dossier_id_client_id_pk" PRIMARY KEY("dossier_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"number" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'in-progress' NOT NULL,
	"custom_status_id" uuid,
	"handler_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossiers_custom_status_check" CHECK (("dossiers"."status" = 'custom') = ("dossiers"."custom_status_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "progress_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"done_on" date
);
--> statement-breakpoint
ALTER TABLE "document_notices" ADD CONSTRAINT "document_notices_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_notices" ADD CONSTRAINT "document_notices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reads" ADD CONSTRAINT "document_reads_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reads" ADD CONSTRAINT "document_reads_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_added_by_account_id_accounts_id_fk" FOREIGN KEY ("added_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_supplied_by_client_id_clients_id_fk" FOREIGN KEY ("supplied_by_client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_clients" ADD CONSTRAINT "dossier_clients_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_clients" ADD CONSTRAINT "dossier_clients_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_statuses" ADD CONSTRAINT "dossier_statuses_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_custom_status_id_dossier_statuses_id_fk" FOREIGN KEY ("custom_status_id") REFERENCES "public"."dossier_statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_handler_id_accounts_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_steps" ADD CONSTRAINT "progress_steps_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_dossier_idx" ON "documents" USING btree ("dossier_id","category");--> statement-breakpoint
CREATE INDEX "documents_office_idx" ON "documents" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "dossier_clients_client_idx" ON "dossier_clients" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_statuses_office_label_idx" ON "dossier_statuses" USING btree ("office_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_office_number_idx" ON "dossiers" USING btree ("office_id","number");--> statement-breakpoint
CREATE INDEX "dossiers_office_updated_idx" ON "dossiers" USING btree ("office_id","updated_at");--> statement-breakpoint
CREATE INDEX "progress_steps_dossier_idx" ON "progress_steps" USING btree ("dossier_id","position");