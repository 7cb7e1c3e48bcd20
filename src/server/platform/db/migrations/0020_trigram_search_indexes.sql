DROP INDEX "dossier_clients_client_idx";--> statement-breakpoint
CREATE INDEX "dossier_clients_client_idx" ON "dossier_clients" USING btree ("client_id","dossier_id");--> statement-breakpoint
CREATE INDEX "clients_office_name_trgm_idx" ON "clients" USING gin ("office_id","name" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "dossiers_office_number_trgm_idx" ON "dossiers" USING gin ("office_id","number" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "dossiers_office_description_trgm_idx" ON "dossiers" USING gin ("office_id","description" gin_trgm_ops) WITH (fastupdate=false);