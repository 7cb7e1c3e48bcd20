import { createHash } from "node:crypto";
import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/database.ts";
import { auditChain, auditChainHead, auditEvents } from "./schema.ts";

/** The "previous hash" of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** Where a verified chain ends: an operator notes it down outside Poort. */
export const chainHeadSchema = z.object({
  position: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChainHead = z.infer<typeof chainHeadSchema>;

/**
 * An event's columns in the text forms the chain hashes (migration 0027, `audit_chain_hash`),
 * in its order. The database prints them (`chainedColumns`), so no driver's parsing (a Date's
 * milliseconds, a JSON number's spelling) comes between the stored value and its hash.
 */
export interface ChainedEvent {
  id: string;
  /** UTC to the microsecond: `2026-03-02T08:15:00.000000Z`. */
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  /** jsonb's own text: keys sorted, one spelling per value. */
  details: string;
  officeId: string | null;
}

/** The columns of audit_events the hash covers: all of them (a test holds the schema to it). */
export const CHAINED_COLUMNS = [
  "id",
  "occurredAt",
  "actorType",
  "actorId",
  "action",
  "subjectType",
  "subjectId",
  "ip",
  "details",
  "officeId",
] as const satisfies readonly (keyof ChainedEvent)[];

/** A field: 0x00 for null, else 0x01, the length of its UTF-8 bytes (uint32 BE) and the bytes. */
function field(value: string | null): Buffer {
  if (value === null) return Buffer.of(0);
  const bytes = Buffer.from(value, "utf8");
  const prefix = Buffer.alloc(5);
  prefix[0] = 1;
  prefix.writeUInt32BE(bytes.length, 1);
  return Buffer.concat([prefix, bytes]);
}

/** The hash of the event at `position` after `previous`, as the database's trigger computes it. */
export function auditChainHash(previous: string, position: number, event: ChainedEvent): string {
  const hash = createHash("sha256").update(Buffer.from(previous, "hex"));
  hash.update(field(String(position)));
  for (const column of CHAINED_COLUMNS) hash.update(field(event[column]));
  return hash.digest("hex");
}

/** The event columns in their chained text forms, selected beside a chain entry. */
const chainedColumns = {
  id: sql<string | null>`${auditEvents.id}::text`,
  occurredAt: sql<string | null>`coalesce(
    to_char(${auditEvents.occurredAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    ${auditEvents.occurredAt}::text)`,
  actorType: auditEvents.actorType,
  actorId: auditEvents.actorId,
  action: auditEvents.action,
  subjectType: auditEvents.subjectType,
  subjectId: auditEvents.subjectId,
  ip: auditEvents.ip,
  details: sql<string | null>`${auditEvents.details}::text`,
  officeId: sql<string | null>`${auditEvents.officeId}::text`,
};

/** The control channel's name for `poort audit verify` in a running embedded Poort (ADR 0021). */
export const AUDIT_VERIFY_OPERATION = "audit-verify";

export type ChainBreakKind =
  /** An event's columns or its entry's hash differ from what was chained. */
  | "edited"
  /** A position, or the event an entry names, is gone. */
  | "removed"
  /** The chain ends before its head, or before the noted head: the last entries are gone. */
  | "truncated"
  /** The head, or the entry at the noted position, differs from the chain. */
  | "head-mismatch"
  /** An event that no entry chains: added past the trigger. */
  | "unchained";

export type ChainVerdict =
  | { intact: true; events: number; head: ChainHead | null }
  | {
      intact: false;
      kind: ChainBreakKind;
      /** The first position where the chain is broken; none for an event outside it. */
      position: number | null;
      /** What is wrong there, in words for the operator. */
      problem: string;
    };

/** A verdict as the running Poort answers it over the control channel. */
export const chainVerdictSchema = z.discriminatedUnion("intact", [
  z.object({ intact: z.literal(true), events: z.number(), head: chainHeadSchema.nullable() }),
  z.object({
    intact: z.literal(false),
    kind: z.enum(["edited", "removed", "truncated", "head-mismatch", "unchained"]),
    position: z.number().nullable(),
    problem: z.string(),
  }),
]) satisfies z.ZodType<ChainVerdict>;

export interface VerifyOptions {
  /** A head noted down earlier: the chain must still hold that hash at that position. */
  noted?: ChainHead;
  /** Entries read at a time. */
  batchSize?: number;
}

const DEFAULT_BATCH = 1_000;

function broken(
  kind: ChainBreakKind,
  position: number | null,
  problem: string,
): ChainVerdict & { intact: false } {
  return { intact: false, kind, position, problem };
}

/**
 * Walks the chain from position 1 in batches and recomputes every hash here, independently of
 * the database's trigger. Reports the first position where it breaks: an event changed (its hash
 * differs), a position or event missing (removed), the chain ending before its head or the
 * noted head (its tail removed), or an event outside the chain. The head is read first: events
 * chained meanwhile lie beyond it and are left for the next run.
 */
export async function verifyAuditChain(
  db: Database,
  options: VerifyOptions = {},
): Promise<ChainVerdict> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const [head] = await db
    .select({ position: auditChainHead.position, hash: auditChainHead.hash })
    .from(auditChainHead);
  // Without a head (none yet, or removed) the walk goes to the chain's end.
  const end = head?.position ?? Number.MAX_SAFE_INTEGER;

  let previous = GENESIS_HASH;
  let expected = 1;
  while (true) {
    const entries = await db
      .select({ position: auditChain.position, hash: auditChain.hash, ...chainedColumns })
      .from(auditChain)
      .leftJoin(auditEvents, eq(auditEvents.id, auditChain.eventId))
      .where(and(gt(auditChain.position, expected - 1), lte(auditChain.position, end)))
      .orderBy(asc(auditChain.position))
      .limit(batchSize);
    for (const entry of entries) {
      if (entry.position !== expected) {
        return broken(
          "removed",
          expected,
          `position ${expected} is missing (the chain goes on at ${entry.position}): events were removed.`,
        );
      }
      const event = chainedEventOf(entry);
      if (!event) {
        return broken(
          "removed",
          expected,
          `position ${expected}: its event is missing: it was removed.`,
        );
      }
      if (auditChainHash(previous, expected, event) !== entry.hash) {
        return broken(
          "edited",
          expected,
          `position ${expected} (event ${event.id}): the event does not match its hash: it, or the hash, was changed.`,
        );
      }
      if (options.noted?.position === expected && options.noted.hash !== entry.hash) {
        return broken(
          "head-mismatch",
          expected,
          `position ${expected}: the hash differs from the one noted down (${options.noted.hash}): the chain was rewritten up to here.`,
        );
      }
      previous = entry.hash;
      expected += 1;
    }
    if (entries.length < batchSize) break;
  }

  const last = expected - 1;
  if (!head && last > 0) {
    return broken(
      "head-mismatch",
      last,
      `the chain runs to position ${last}, but its head is missing: it was removed.`,
    );
  }
  if (head && last < end) {
    return broken(
      "truncated",
      expected,
      `the chain ends at position ${last}, its head at ${end}: the events after ${last} were removed.`,
    );
  }
  if (head && head.hash !== previous) {
    return broken(
      "head-mismatch",
      end,
      `position ${end}: the head's hash differs from the chain's: the head was changed.`,
    );
  }
  if (options.noted && options.noted.position > last) {
    return broken(
      "truncated",
      last + 1,
      `the chain ends at position ${last}, before the noted head at ${options.noted.position}: events were removed.`,
    );
  }
  const [outside] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .leftJoin(auditChain, eq(auditChain.eventId, auditEvents.id))
    .where(isNull(auditChain.position))
    .orderBy(asc(auditEvents.id))
    .limit(1);
  // One statement, one snapshot: an event commits together with its chain entry.
  if (outside) {
    return broken(
      "unchained",
      null,
      `event ${outside.id} is in no chain position: it was added past the chain.`,
    );
  }
  return { intact: true, events: last, head: head ?? null };
}

type Entry = { [Column in keyof ChainedEvent]: string | null };

function chainedEventOf(entry: Entry): ChainedEvent | undefined {
  const { id, occurredAt, actorType, action, details } = entry;
  if (id === null || occurredAt === null || actorType === null || action === null) return;
  if (details === null) return;
  return { ...entry, id, occurredAt, actorType, action, details };
}
