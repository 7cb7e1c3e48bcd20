import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { accounts } from "../accounts/schema.ts";
import { offices } from "../offices/schema.ts";

/**
 * A questionnaire template (issue 13, ADR 0014): an office's own, or one of the starter
 * library's (no office; every office sees it and may copy it). What it asks is in its
 * versions: every change adds a version, and a sent questionnaire keeps the version it was
 * sent with, so a change never alters what a client already sees.
 */
export const questionnaireTemplates = pgTable(
  "questionnaire_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The office whose template it is; null for the starter library. */
    officeId: uuid("office_id").references(() => offices.id),
    /** The starter library's own name for it ("will-intake"), so the demo seeds it once. */
    libraryKey: text("library_key").unique(),
    /** The library template an office's copy was made of. */
    copiedFromTemplateId: uuid("copied_from_template_id").references(
      (): AnyPgColumn => questionnaireTemplates.id,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Out of the list of templates to send; its versions stay for what was sent. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (table) => [
    index("questionnaire_templates_office_idx").on(table.officeId),
    check(
      "questionnaire_templates_library_check",
      sql`(${table.officeId} is null) = (${table.libraryKey} is not null)`,
    ),
  ],
);

/** One version of a template: never changed once written. */
export const questionnaireVersions = pgTable(
  "questionnaire_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => questionnaireTemplates.id),
    /** 1, 2, …: the template's newest version is the one sent from now on. */
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<QuestionnaireDefinition>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** The staff member who saved it (null for the starter library, or once deleted). */
    createdByAccountId: uuid("created_by_account_id").references(() => accounts.id, {
      onDelete: "set null",
    }),
    createdByName: text("created_by_name"),
  },
  (table) => [
    unique("questionnaire_versions_template_version").on(table.templateId, table.version),
  ],
);
