CREATE TABLE "certificate_authorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"role" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"key_algorithm" text NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"office_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"presented_serial" text NOT NULL,
	"certificate_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_expiry_reminders" (
	"certificate_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificate_expiry_reminders_certificate_id_days_before_pk" PRIMARY KEY("certificate_id","days_before")
);
--> statement-breakpoint
CREATE TABLE "office_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"authority_id" uuid NOT NULL,
	"serial_number" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"key_algorithm" text NOT NULL,
	"sent_to" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"issued_via" text NOT NULL,
	"issued_by_account_id" uuid,
	"superseded_at" timestamp with time zone,
	"revoke_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "office_certificates_serial_number_unique" UNIQUE("serial_number")
);
--> statement-breakpoint
CREATE TABLE "certificate_reissue_demands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"demanded_by_account_id" uuid,
	"demanded_at" timestamp with time zone NOT NULL,
	"met_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "revocation_lists" (
	"authority_id" uuid PRIMARY KEY NOT NULL,
	"crl_number" bigint NOT NULL,
	"this_update" timestamp with time zone NOT NULL,
	"next_update" timestamp with time zone NOT NULL,
	"der" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_certificate_id_office_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."office_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_expiry_reminders" ADD CONSTRAINT "certificate_expiry_reminders_certificate_id_office_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."office_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_certificates" ADD CONSTRAINT "office_certificates_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_certificates" ADD CONSTRAINT "office_certificates_authority_id_certificate_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."certificate_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_certificates" ADD CONSTRAINT "office_certificates_issued_by_account_id_accounts_id_fk" FOREIGN KEY ("issued_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_reissue_demands" ADD CONSTRAINT "certificate_reissue_demands_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_reissue_demands" ADD CONSTRAINT "certificate_reissue_demands_demanded_by_account_id_accounts_id_fk" FOREIGN KEY ("demanded_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revocation_lists" ADD CONSTRAINT "revocation_lists_authority_id_certificate_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."certificate_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_authorities_role_idx" ON "certificate_authorities" USING btree ("role","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_requests_token_idx" ON "certificate_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "office_certificates_office_idx" ON "office_certificates" USING btree ("office_id","not_after");--> statement-breakpoint
CREATE INDEX "office_certificates_expiry_idx" ON "office_certificates" USING btree ("not_after");--> statement-breakpoint
CREATE INDEX "certificate_reissue_demands_office_idx" ON "certificate_reissue_demands" USING btree ("office_id");