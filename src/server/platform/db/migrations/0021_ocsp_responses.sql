CREATE TABLE "ocsp_responses" (
	"certificate_id" uuid PRIMARY KEY NOT NULL,
	"authority_id" uuid NOT NULL,
	"status" text NOT NULL,
	"this_update" timestamp with time zone NOT NULL,
	"next_update" timestamp with time zone NOT NULL,
	"der" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ocsp_responses" ADD CONSTRAINT "ocsp_responses_certificate_id_office_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."office_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocsp_responses" ADD CONSTRAINT "ocsp_responses_authority_id_certificate_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."certificate_authorities"("id") ON DELETE no action ON UPDATE no action;