ALTER TABLE "audit_events" ADD COLUMN "office_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_events_office_idx" ON "audit_events" USING btree ("office_id","occurred_at");