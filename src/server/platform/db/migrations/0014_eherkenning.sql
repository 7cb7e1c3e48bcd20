CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"representative_id" text,
	"document_type" text NOT NULL,
	"expires_on" date NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"blob_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"signer_id" uuid,
	"purpose" text NOT NULL,
	"target" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_signers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"representative_id" text NOT NULL,
	"name" text NOT NULL,
	"authority" text NOT NULL,
	"email" text NOT NULL,
	"mobile" text,
	"link_token_hash" text NOT NULL,
	"link_sent_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"decline_reason" text,
	"replaced_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_signers_link_token_hash_unique" UNIQUE("link_token_hash")
);
--> statement-breakpoint
CREATE TABLE "identifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"appointment_at" timestamp with time zone,
	"appointment_place" text,
	"agent_account_id" uuid,
	"recorded_at" timestamp with time zone,
	"document_type" text,
	"document_number_sealed" text,
	"document_expires_on" date,
	"photo_matches" boolean,
	"place_of_check" text,
	"outcome" text,
	"notes" text,
	CONSTRAINT "identifications_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "means_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"state" text NOT NULL,
	"access_token_hash" text NOT NULL,
	"locale" text NOT NULL,
	"scope" jsonb,
	"level" text,
	"user_name" text,
	"user_email" text,
	"user_email_verified_at" timestamp with time zone,
	"user_mobile" text,
	"user_mobile_verified_at" timestamp with time zone,
	"company" jsonb,
	"kvk_number" text,
	"branch_number" text,
	"user_works_for_company" boolean,
	"submitted_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"rejection_reason" text,
	"means_id" uuid,
	"issued_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "means_applications_reference_unique" UNIQUE("reference"),
	CONSTRAINT "means_applications_access_token_hash_unique" UNIQUE("access_token_hash"),
	CONSTRAINT "means_applications_rejection_check" CHECK (("means_applications"."state" = 'rejected') = ("means_applications"."rejection_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "authorizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"means_id" uuid NOT NULL,
	"scope_kind" text NOT NULL,
	"service_id" uuid,
	"provider_id" uuid,
	"level" text NOT NULL,
	"kvk_number" text NOT NULL,
	"company_name" text NOT NULL,
	"rsin" text,
	"branch_number" text,
	"application_id" uuid,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"renewal_reminded_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "means" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"level" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "means_account_id_unique" UNIQUE("account_id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"service_index" integer NOT NULL,
	"service_uuid" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description_nl" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"level" text NOT NULL,
	"office_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalogue_services_service_uuid_unique" UNIQUE("service_uuid"),
	CONSTRAINT "catalogue_services_office_id_unique" UNIQUE("office_id"),
	CONSTRAINT "catalogue_services_provider_index_key" UNIQUE("provider_id","service_index")
);
--> statement-breakpoint
CREATE TABLE "service_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"oin" text NOT NULL,
	"name" text NOT NULL,
	"website_url" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_providers_oin_unique" UNIQUE("oin")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "required_second_factor" text;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_means_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."means_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_codes" ADD CONSTRAINT "application_codes_application_id_means_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."means_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_codes" ADD CONSTRAINT "application_codes_signer_id_application_signers_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."application_signers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_signers" ADD CONSTRAINT "application_signers_application_id_means_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."means_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_application_id_means_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."means_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_agent_account_id_accounts_id_fk" FOREIGN KEY ("agent_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "means_applications" ADD CONSTRAINT "means_applications_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "means_applications" ADD CONSTRAINT "means_applications_means_id_means_id_fk" FOREIGN KEY ("means_id") REFERENCES "public"."means"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorizations" ADD CONSTRAINT "authorizations_means_id_means_id_fk" FOREIGN KEY ("means_id") REFERENCES "public"."means"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorizations" ADD CONSTRAINT "authorizations_service_id_catalogue_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."catalogue_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorizations" ADD CONSTRAINT "authorizations_provider_id_service_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "means" ADD CONSTRAINT "means_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_services" ADD CONSTRAINT "catalogue_services_provider_id_service_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_services" ADD CONSTRAINT "catalogue_services_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_application_idx" ON "application_attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_codes_application_idx" ON "application_codes" USING btree ("application_id","purpose");--> statement-breakpoint
CREATE INDEX "application_signers_application_idx" ON "application_signers" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "identifications_due_idx" ON "identifications" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "means_applications_state_idx" ON "means_applications" USING btree ("state","updated_at");--> statement-breakpoint
CREATE INDEX "authorizations_means_idx" ON "authorizations" USING btree ("means_id");--> statement-breakpoint
CREATE INDEX "authorizations_kvk_idx" ON "authorizations" USING btree ("kvk_number");--> statement-breakpoint
CREATE INDEX "authorizations_valid_until_idx" ON "authorizations" USING btree ("valid_until");--> statement-breakpoint
CREATE INDEX "means_account_idx" ON "means" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "catalogue_services_provider_idx" ON "catalogue_services" USING btree ("provider_id");