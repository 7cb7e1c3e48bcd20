-- The staff search looks in one column per dossier, `search_text`: its number, description and
-- clients' names, lower-cased, a line each. One trigram index over it finds all matches in one
-- bitmap scan, and the recheck is a byte-wise LIKE, where three indexes, a join over the links
-- and ILIKE on every candidate made a common word in a large office cost four times as much.
-- The database keeps the column itself, so no writer (back office, office API, demo, import)
-- can leave it stale.
DROP INDEX "clients_office_name_trgm_idx";--> statement-breakpoint
DROP INDEX "dossiers_office_number_trgm_idx";--> statement-breakpoint
DROP INDEX "dossiers_office_description_trgm_idx";--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE FUNCTION dossier_search_text(dossier uuid, number text, description text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT lower(number || E'\n' || description || coalesce(
    (SELECT string_agg(E'\n' || clients.name, '' ORDER BY clients.name)
     FROM dossier_clients JOIN clients ON clients.id = dossier_clients.client_id
     WHERE dossier_clients.dossier_id = dossier), ''))
$$;
--> statement-breakpoint
CREATE FUNCTION dossiers_keep_search_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := dossier_search_text(NEW.id, NEW.number, NEW.description);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_text
BEFORE INSERT OR UPDATE OF number, description, search_text ON dossiers
FOR EACH ROW EXECUTE FUNCTION dossiers_keep_search_text();
--> statement-breakpoint
CREATE FUNCTION dossier_clients_renew_search_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Writing the column fires dossiers' own trigger, which computes it.
  UPDATE dossiers SET search_text = ''
  WHERE id = CASE TG_OP WHEN 'DELETE' THEN OLD.dossier_id ELSE NEW.dossier_id END;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_clients_search_text
AFTER INSERT OR DELETE ON dossier_clients
FOR EACH ROW EXECUTE FUNCTION dossier_clients_renew_search_text();
--> statement-breakpoint
CREATE FUNCTION clients_renew_search_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE dossiers SET search_text = ''
  WHERE id IN (SELECT dossier_id FROM dossier_clients WHERE client_id = NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER clients_search_text
AFTER UPDATE OF name ON clients
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
EXECUTE FUNCTION clients_renew_search_text();
--> statement-breakpoint
UPDATE dossiers SET search_text = '';--> statement-breakpoint
CREATE INDEX "dossiers_office_search_trgm_idx" ON "dossiers" USING gin ("office_id","search_text" gin_trgm_ops) WITH (fastupdate=false);
