import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { Answers } from "#src/contracts/questionnaires/answers.ts";
import { accounts, clients } from "../accounts/schema.ts";
import { documents } from "../documents/schema.ts";
import { dossiers } from "../dossiers/schema.ts";
import { offices } from "../offices/schema.ts";
import { questionnaireVersions } from "../questionnaires/schema.ts";

/** Who filled in an answer last, as they were named then (a company's people share its actions). */
export interface AnswerAuthor {
  accountId: string;
  name: string;
  at: string;
}

/**
 * An action the office asks of one client of a dossier (SPEC B10, issue 13, ADR 0014): a
 * questionnaire to fill in page by page, or an upload request listing the documents wanted.
 * Sent to several clients, it is one action each: each fills in its own. A company's accounts
 * share the company's actions.
 */
export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Repeated from the dossier so that every query can be scoped by office. */
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    kind: text("kind", { enum: ["questionnaire", "upload-request"] }).notNull(),
    /** The questionnaire as it was sent: its template's later versions do not touch it. */
    questionnaireVersionId: uuid("questionnaire_version_id").references(
      () => questionnaireVersions.id,
    ),
    /** An upload request's title as staff wrote it (a questionnaire's is in its definition). */
    title: text("title"),
    instruction: text("instruction"),
    /** The last day to do it; the day after, the action is overdue. */
    dueDate: date("due_date"),
    state: text("state", { enum: ["open", "in-progress", "completed"] }).notNull(),
    /** A questionnaire's answers so far, by question or group id (see `Answers`). */
    answers: jsonb("answers").$type<Answers>().notNull().default({}),
    /** Per answered question or group, who filled it in last. */
    answerAuthors: jsonb("answer_authors")
      .$type<Record<string, AnswerAuthor>>()
      .notNull()
      .default({}),
    /** Where "Invullen" resumes: the page after the last one saved. */
    currentPageId: text("current_page_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    sentByAccountId: uuid("sent_by_account_id").references(() => accounts.id, {
      onDelete: "set null",
    }),
    sentByName: text("sent_by_name").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedByName: text("completed_by_name"),
    /** The PDF of a completed questionnaire, filed under "Door mij aangeleverd". */
    documentId: uuid("document_id").references(() => documents.id),
    /** The last reminder (by staff, or the one automatic reminder once overdue). */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    overdueRemindedAt: timestamp("overdue_reminded_at", { withTimezone: true }),
    /**
     * The office took the action back (sent in error): gone for the client, kept for the
     * office. Never after completion.
     */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnByAccountId: uuid("withdrawn_by_account_id").references(() => accounts.id, {
      onDelete: "set null",
    }),
  },
  (table) => [
    index("actions_dossier_idx").on(table.dossierId, table.sentAt),
    index("actions_client_idx").on(table.clientId, table.state),
    // The daily round of overdue actions that have not had their reminder (nor been withdrawn).
    index("actions_overdue_idx")
      .on(table.dueDate)
      .where(
        sql`${table.state} <> 'completed' and ${table.overdueRemindedAt} is null and ${table.withdrawnAt} is null`,
      ),
    check(
      "actions_kind_check",
      sql`(${table.kind} = 'questionnaire') = (${table.questionnaireVersionId} is not null)
        and (${table.kind} = 'upload-request') = (${table.title} is not null)`,
    ),
    check(
      "actions_completed_check",
      sql`(${table.state} = 'completed') = (${table.completedAt} is not null)`,
    ),
    check(
      "actions_withdrawn_check",
      sql`not (${table.state} = 'completed' and ${table.withdrawnAt} is not null)`,
    ),
  ],
);

/** A document an upload request asks for, and the one delivered for it. */
export const actionUploadItems = pgTable(
  "action_upload_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    description: text("description"),
    required: boolean("required").notNull(),
    documentId: uuid("document_id").references(() => documents.id),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    deliveredByName: text("delivered_by_name"),
  },
  (table) => [unique("action_upload_items_position").on(table.actionId, table.position)],
);
