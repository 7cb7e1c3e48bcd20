CREATE TABLE "portal_eherkenning_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idp_entity_id" text NOT NULL,
	"pseudonym" text NOT NULL,
	"office_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kvk_number" text NOT NULL,
	"browser_token_hash" text,
	"browser_expires_at" timestamp with time zone,
	"approval_requested_at" timestamp with time zone,
	"requested_membership_id" uuid,
	"approval_token_hash" text,
	"approval_expires_at" timestamp with time zone,
	"membership_id" uuid,
	"account_id" uuid,
	"approved_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "portal_eherkenning_links_approval_token_hash_unique" UNIQUE("approval_token_hash"),
	CONSTRAINT "portal_eherkenning_links_subject_key" UNIQUE("idp_entity_id","pseudonym","client_id")
);
--> statement-breakpoint
CREATE TABLE "portal_saml_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" text NOT NULL,
	"browser_token_hash" text NOT NULL,
	"office_id" uuid NOT NULL,
	"demanded_level" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "portal_saml_requests_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE TABLE "portal_saml_sessions" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"idp_entity_id" text NOT NULL,
	"name_id" text NOT NULL,
	"session_index" text,
	"level" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_sp_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "portal_sp_keys_purpose_unique" UNIQUE("purpose")
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "kvk_number" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "sign_on" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_eherkenning_links" ADD CONSTRAINT "portal_eherkenning_links_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_eherkenning_links" ADD CONSTRAINT "portal_eherkenning_links_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_eherkenning_links" ADD CONSTRAINT "portal_eherkenning_links_requested_membership_id_client_memberships_id_fk" FOREIGN KEY ("requested_membership_id") REFERENCES "public"."client_memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_eherkenning_links" ADD CONSTRAINT "portal_eherkenning_links_membership_id_client_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."client_memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_eherkenning_links" ADD CONSTRAINT "portal_eherkenning_links_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_saml_requests" ADD CONSTRAINT "portal_saml_requests_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_saml_sessions" ADD CONSTRAINT "portal_saml_sessions_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_eherkenning_links_browser_idx" ON "portal_eherkenning_links" USING btree ("browser_token_hash");--> statement-breakpoint
CREATE INDEX "portal_eherkenning_links_account_idx" ON "portal_eherkenning_links" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "portal_saml_requests_expires_idx" ON "portal_saml_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_office_kvk_idx" ON "clients" USING btree ("office_id","kvk_number") WHERE "clients"."kvk_number" IS NOT NULL;