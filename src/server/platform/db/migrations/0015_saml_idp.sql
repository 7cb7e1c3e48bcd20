CREATE TABLE "idp_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idp_keys_purpose_unique" UNIQUE("purpose")
);
--> statement-breakpoint
CREATE TABLE "saml_idp_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_index" text NOT NULL,
	"service_provider_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"name_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "saml_idp_sessions_session_index_unique" UNIQUE("session_index")
);
--> statement-breakpoint
CREATE TABLE "saml_pending_logins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"service_provider_id" uuid NOT NULL,
	"request_id" text NOT NULL,
	"acs_url" text NOT NULL,
	"relay_state" text,
	"demanded_level" text NOT NULL,
	"catalogue_service_id" uuid NOT NULL,
	"service_index" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"account_id" uuid,
	"authorization_id" uuid,
	"answered_at" timestamp with time zone,
	"response_base64" text,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "saml_pending_logins_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "saml_pending_logins_request_key" UNIQUE("service_provider_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "saml_service_provider_services" (
	"service_provider_id" uuid NOT NULL,
	"catalogue_service_id" uuid NOT NULL,
	CONSTRAINT "saml_sp_services_key" UNIQUE("service_provider_id","catalogue_service_id")
);
--> statement-breakpoint
CREATE TABLE "saml_service_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" text NOT NULL,
	"name" text NOT NULL,
	"metadata_xml" text NOT NULL,
	"acs_endpoints" text NOT NULL,
	"slo_endpoints" text DEFAULT '[]' NOT NULL,
	"signing_certificate" text,
	"encryption_certificate" text,
	"authn_requests_signed" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "saml_service_providers_entity_id_unique" UNIQUE("entity_id")
);
--> statement-breakpoint
ALTER TABLE "saml_idp_sessions" ADD CONSTRAINT "saml_idp_sessions_service_provider_id_saml_service_providers_id_fk" FOREIGN KEY ("service_provider_id") REFERENCES "public"."saml_service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saml_idp_sessions" ADD CONSTRAINT "saml_idp_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saml_pending_logins" ADD CONSTRAINT "saml_pending_logins_service_provider_id_saml_service_providers_id_fk" FOREIGN KEY ("service_provider_id") REFERENCES "public"."saml_service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saml_pending_logins" ADD CONSTRAINT "saml_pending_logins_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saml_pending_logins" ADD CONSTRAINT "saml_pending_logins_authorization_id_authorizations_id_fk" FOREIGN KEY ("authorization_id") REFERENCES "public"."authorizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saml_service_provider_services" ADD CONSTRAINT "saml_service_provider_services_service_provider_id_saml_service_providers_id_fk" FOREIGN KEY ("service_provider_id") REFERENCES "public"."saml_service_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saml_idp_sessions_account_idx" ON "saml_idp_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "saml_pending_logins_expires_idx" ON "saml_pending_logins" USING btree ("expires_at");