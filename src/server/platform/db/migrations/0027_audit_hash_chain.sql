-- A hash chain over the audit log (ADR 0022): whoever can write to the database past its
-- append-only triggers can still change or remove an event, but no longer unnoticed.
-- `poort audit verify` recomputes every hash.
CREATE TABLE "audit_chain" (
	"position" bigint PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_event_id_key" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"single" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"position" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_single" CHECK ("audit_chain_head"."single")
);
--> statement-breakpoint
-- One field of the chained bytes: 0x00 for NULL, else 0x01, the length of its UTF-8 bytes
-- (4 bytes, big-endian) and those bytes. No value can pass for another, or for two fields.
CREATE FUNCTION audit_chain_field(value text) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '\x00'::bytea
    ELSE '\x01'::bytea || int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8')
  END
$$;
--> statement-breakpoint
-- The hash of the event at `position` after `previous` (lower-case hex; 64 zeros before the
-- first): SHA-256 over the previous hash's bytes and every column of the event, each in a text
-- form that does not depend on the session: the time in UTC to the microsecond, the details as
-- jsonb prints them (keys sorted, one spelling per value). The TypeScript verifier
-- (src/server/platform/audit/audit-chain.ts) computes the same.
CREATE FUNCTION audit_chain_hash(previous text, "position" bigint, event audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(
    decode(previous, 'hex')
    || audit_chain_field("position"::text)
    || audit_chain_field(event.id::text)
    || audit_chain_field(coalesce(
         to_char(event.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
         event.occurred_at::text))
    || audit_chain_field(event.actor_type)
    || audit_chain_field(event.actor_id)
    || audit_chain_field(event.action)
    || audit_chain_field(event.subject_type)
    || audit_chain_field(event.subject_id)
    || audit_chain_field(event.ip)
    || audit_chain_field(event.details::text)
    || audit_chain_field(event.office_id::text)
  ), 'hex')
$$;
--> statement-breakpoint
-- Chains an event when its transaction commits (a deferred trigger): the head's row lock makes
-- concurrent writers take turns, and is held only from here to the commit, not through the
-- rest of the business transaction that recorded the event.
CREATE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
  next_hash text;
BEGIN
  SELECT * INTO head FROM audit_chain_head FOR UPDATE;
  IF NOT FOUND THEN
    -- The first event ever: concurrent first writers meet on the primary key.
    INSERT INTO audit_chain_head (single, "position", hash) VALUES (true, 0, repeat('0', 64))
    ON CONFLICT DO NOTHING;
    SELECT * INTO head FROM audit_chain_head FOR UPDATE;
  END IF;
  next_hash := audit_chain_hash(head.hash, head."position" + 1, NEW);
  INSERT INTO audit_chain ("position", event_id, hash) VALUES (head."position" + 1, NEW.id, next_hash);
  UPDATE audit_chain_head SET "position" = head."position" + 1, hash = next_hash;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- No event may slip in while the existing ones are chained (an instance of the previous
-- version may still be writing): inserts wait for this migration's commit, and are chained then.
LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
-- The events recorded so far join the chain in the order of their ids.
DO $$
DECLARE
  event audit_events;
  chained bigint := 0;
  previous text := repeat('0', 64);
BEGIN
  FOR event IN SELECT * FROM audit_events ORDER BY id LOOP
    chained := chained + 1;
    previous := audit_chain_hash(previous, chained, event);
    INSERT INTO audit_chain ("position", event_id, hash) VALUES (chained, event.id, previous);
  END LOOP;
  IF chained > 0 THEN
    INSERT INTO audit_chain_head (single, "position", hash) VALUES (true, chained, previous);
  END IF;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_events_chain
AFTER INSERT ON audit_events
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
-- The chain is as append-only as the events. Its head moves only with the chain: written by
-- the trigger above (one trigger level down), never by a statement of its own.
CREATE FUNCTION audit_chain_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'audit_chain_head' AND TG_OP IN ('INSERT', 'UPDATE') AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_append_only
BEFORE UPDATE OR DELETE ON audit_chain
FOR EACH ROW EXECUTE FUNCTION audit_chain_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate
BEFORE TRUNCATE ON audit_chain
FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_moves_with_chain
BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
FOR EACH ROW EXECUTE FUNCTION audit_chain_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate
BEFORE TRUNCATE ON audit_chain_head
FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_refuse_change();
