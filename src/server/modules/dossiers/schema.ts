import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts, clients } from "../accounts/schema.ts";
import { offices } from "../offices/schema.ts";

/** A status an office added to the built-in ones (in behandeling, afgerond, geannuleerd). */
export const dossierStatuses = pgTable(
  "dossier_statuses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex("dossier_statuses_office_label_idx").on(table.officeId, table.label)],
);

/** A matter the office handles for one or more of its clients. */
export const dossiers = pgTable(
  "dossiers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    number: text("number").notNull(),
    description: text("description").notNull(),
    /** A built-in status, or "custom" with `customStatusId` naming the office's own. */
    status: text("status", { enum: ["in-progress", "completed", "cancelled", "custom"] })
      .notNull()
      .default("in-progress"),
    customStatusId: uuid("custom_status_id").references(() => dossierStatuses.id),
    handlerId: uuid("handler_id").references(() => accounts.id),
    /**
     * When the dossier became completed or cancelled: its `updated_at` at that change, kept by
     * the database's own trigger (migration 0026), null while open. Retention counts from here
     * (ADR 0023).
     */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /**
     * What the staff search looks in, lower-cased: the number, the description and the names
     * of the dossier's clients, each on a line of its own (a search text holds no line break, so
     * it never matches across two). Kept by the database's own triggers (migration 0022) when a
     * dossier, a client's name or a link between them changes, so no writer can forget it.
     */
    searchText: text("search_text").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("dossiers_office_number_idx").on(table.officeId, table.number),
    index("dossiers_office_updated_idx").on(table.officeId, table.updatedAt),
    // The daily retention round reads the closed dossiers only.
    index("dossiers_closed_idx").on(table.closedAt).where(sql`${table.closedAt} IS NOT NULL`),
    // The staff search for a part of the number, description or a client's name (LIKE '%…%'
    // within an office, `searchOfficeDossiers`): one trigram GIN index (pg_trgm) whose first
    // key is the office (btree_gin), so a search reads the matches in its own office, not those
    // in every office that a common word has, and finds them all in one bitmap scan. With
    // `fastupdate` off a new row goes into the index at once, not into a pending list that
    // every search would read through until a vacuum merges it.
    index("dossiers_office_search_trgm_idx")
      .using("gin", table.officeId, table.searchText.op("gin_trgm_ops"))
      .with({ fastupdate: false }),
    check(
      "dossiers_custom_status_check",
      sql`(${table.status} = 'custom') = (${table.customStatusId} IS NOT NULL)`,
    ),
  ],
);

/** The clients (persons, companies) a dossier is shared with in the portal. */
export const dossierClients = pgTable(
  "dossier_clients",
  {
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
  },
  (table) => [
    primaryKey({ columns: [table.dossierId, table.clientId] }),
    // With the dossier, so a client's dossiers are read from the index alone (the staff search
    // reads those of every client whose name matches).
    index("dossier_clients_client_idx").on(table.clientId, table.dossierId),
  ],
);

/** One step of a dossier's progress list ("voortgang"), in the office's order. */
export const progressSteps = pgTable(
  "progress_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    doneOn: date("done_on", { mode: "string" }),
  },
  (table) => [index("progress_steps_dossier_idx").on(table.dossierId, table.position)],
);
