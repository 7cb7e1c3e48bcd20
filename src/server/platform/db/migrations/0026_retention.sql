-- Retention (ADR 0023): a closed dossier leaves the portal a set time after its closing. The
-- database keeps `closed_at` itself, as it keeps `search_text`, so no writer (back office,
-- office API, demo) can forget it: the dossier's `updated_at` when its status became completed
-- or cancelled (the application's clock, which tests move), null again when it reopens.
CREATE TABLE "account_retention" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"without_dossiers_since" timestamp with time zone NOT NULL,
	"deactivation_noticed_at" timestamp with time zone,
	"deactivated_at" timestamp with time zone,
	"deletion_noticed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_retention_notices" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"noticed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_blob_deletions" (
	"blob_key" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "retention_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "account_retention" ADD CONSTRAINT "account_retention_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_retention_notices" ADD CONSTRAINT "dossier_retention_notices_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_closed_idx" ON "dossiers" USING btree ("closed_at") WHERE "dossiers"."closed_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_retention_months_check" CHECK ("offices"."retention_months" between 3 and 120);
--> statement-breakpoint
-- Dossiers closed before this version: their last change is the best known closing.
UPDATE "dossiers" SET "closed_at" = "updated_at" WHERE "status" IN ('completed', 'cancelled');
--> statement-breakpoint
CREATE FUNCTION dossiers_keep_closed_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status NOT IN ('completed', 'cancelled') THEN
    NEW.closed_at := NULL;
  ELSIF TG_OP = 'INSERT' THEN
    -- A copied row (`poort move`) keeps its closing; a new one closes now.
    NEW.closed_at := coalesce(NEW.closed_at, NEW.updated_at);
  ELSIF OLD.status NOT IN ('completed', 'cancelled') THEN
    NEW.closed_at := NEW.updated_at;
  ELSE
    -- From completed to cancelled or back: still closed since the first closing.
    NEW.closed_at := OLD.closed_at;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossiers_closed_at
BEFORE INSERT OR UPDATE OF status, closed_at ON dossiers
FOR EACH ROW EXECUTE FUNCTION dossiers_keep_closed_at();
