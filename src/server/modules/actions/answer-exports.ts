import type { FastifyReply } from "fastify";
import type { Locale } from "#src/contracts/locale.ts";
import { answerSummary } from "#src/contracts/questionnaires/answer-summary.ts";
import { AppError } from "#src/server/errors.ts";
import { CSV_BOM, csvLine } from "#src/server/platform/csv.ts";
import type { StaffActor } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { contentDisposition } from "../documents/document-content.ts";
import { type DocumentRead, sendOfficeDocument } from "../documents/office-files.ts";
import { officeAction, officeActionAnswers } from "./office-actions.ts";

/**
 * A questionnaire's answers for the office's own systems: CSV for a spreadsheet (one row per
 * answer, in the staff member's language, with who gave it), and JSON with the stored values as
 * well as the texts. Both list only what the client saw, in the order it was asked.
 */

const headings = {
  nl: ["Pagina", "Vraag", "Antwoord", "Ingevuld door", "Ingevuld op"],
  en: ["Page", "Question", "Answer", "Answered by", "Answered at"],
} as const;

export async function answersCsv(
  deps: Pick<DocumentsDeps, "db" | "clock">,
  staff: StaffActor,
  actionId: string,
): Promise<{ fileName: string; content: string }> {
  const { action, definition, answers, authors } = await officeActionAnswers(deps, staff, actionId);
  const locale: Locale = staff.account.locale;
  const rows: string[][] = [];
  for (const section of answerSummary(definition, answers, locale)) {
    const add = (
      entry: { label: string; answer: string | null; answerId: string },
      label: string,
    ) => {
      const author = authors[entry.answerId];
      rows.push([section.heading, label, entry.answer ?? "", author?.name ?? "", author?.at ?? ""]);
    };
    for (const entry of section.entries) {
      if ("groupHeading" in entry) {
        for (const inner of entry.entries) add(inner, `${entry.groupHeading}: ${inner.label}`);
      } else add(entry, entry.label);
    }
  }
  // Semicolons and a byte-order mark: what Excel with Dutch settings opens as columns, in UTF-8.
  return {
    fileName: `${action.dossier.number} ${definition.title[locale]}.csv`,
    content: CSV_BOM + [headings[locale], ...rows].map(csvLine).join(""),
  };
}

export async function answersJson(
  deps: Pick<DocumentsDeps, "db" | "clock">,
  staff: StaffActor,
  actionId: string,
) {
  const found = await officeActionAnswers(deps, staff, actionId);
  const locale: Locale = staff.account.locale;
  return {
    fileName: `${found.action.dossier.number} ${found.definition.title[locale]}.json`,
    content: {
      action: found.action,
      answers: found.answers,
      authors: found.authors,
      summary: answerSummary(found.definition, found.answers, locale),
    },
  };
}

export type AnswersFormat = "csv" | "json";

/**
 * The answers as a file to download, in the format asked for: never cached, as a document is
 * not, since they hold what the client filled in. Staff and the office API send them alike.
 */
export async function sendAnswersFile(
  deps: Pick<DocumentsDeps, "db" | "clock">,
  reply: FastifyReply,
  staff: StaffActor,
  actionId: string,
  format: AnswersFormat,
) {
  const file =
    format === "csv"
      ? {
          ...(await answersCsv(deps, staff, actionId)),
          type: "text/csv; charset=utf-8",
        }
      : await answersJson(deps, staff, actionId).then((json) => ({
          fileName: json.fileName,
          content: JSON.stringify(json.content, null, 2),
          type: "application/json; charset=utf-8",
        }));
  return reply
    .header("content-type", file.type)
    .header("content-disposition", contentDisposition("attachment", file.fileName))
    .header("cache-control", "no-store")
    .send(file.content);
}

/**
 * The completed questionnaire's PDF, the document it was filed as. Not found before the client
 * completes it, and for an upload request, which has no PDF of its own.
 */
export async function sendAnswersPdf(
  deps: DocumentsDeps,
  reply: FastifyReply,
  staff: StaffActor,
  actionId: string,
  read: DocumentRead,
) {
  const { documentId } = await officeAction(deps, staff, actionId);
  if (!documentId) throw new AppError("not_found");
  return sendOfficeDocument(deps, reply, staff, documentId, read);
}
