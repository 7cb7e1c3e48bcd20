import type { PortalAction } from "#src/contracts/actions.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { answerSummary } from "#src/contracts/questionnaires/answer-summary.ts";
import type { Answers } from "#src/contracts/questionnaires/answers.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { isComplete } from "#src/contracts/questionnaires/progress.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { auditActor, type ClientActor } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { fileGeneratedDocument, storeGeneratedFile } from "../documents/generated-documents.ts";
import { requireDossier } from "../dossiers/service.ts";
import { notifyDossierStaff } from "../notifications/service.ts";
import { recordOfficeEvent } from "../office-events/record-event.ts";
import { getOffice } from "../offices/service.ts";
import { renderAnswersPdf } from "./answers-pdf.ts";
import { clientAction, requireClientAction, requireQuestionnaire } from "./client-actions.ts";
import { lockAction, updateAction } from "./repository.ts";

/**
 * "Bevestigen": a questionnaire whose every visible required question is answered is
 * completed. Its answers become a tagged PDF in the client's language, filed in the dossier
 * under "Door mij aangeleverd" (downloadable for good), and the dossier's handler is told.
 */

const texts = {
  nl: {
    office: "Notariskantoor",
    dossier: "Dossier",
    completedBy: "Ingevuld door",
    completedAt: "Afgerond op",
    empty: "Niet ingevuld",
    page: (page: number, total: number) => `Pagina ${page} van ${total}`,
    continued: (label: string) => `${label} (vervolg)`,
  },
  en: {
    office: "Notary's office",
    dossier: "Dossier",
    completedBy: "Completed by",
    completedAt: "Completed on",
    empty: "Not answered",
    page: (page: number, total: number) => `Page ${page} of ${total}`,
    continued: (label: string) => `${label} (continued)`,
  },
} as const;

interface PdfFacts {
  officeName: string;
  dossier: { number: string; description: string };
  completedBy: string;
  completedAt: Date;
}

/** The PDF of the answers as the client saw the questions, in its language. */
export function answersPdf(
  definition: QuestionnaireDefinition,
  answers: Answers,
  locale: Locale,
  facts: PdfFacts,
): Promise<Buffer> {
  const text = texts[locale];
  const when = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(facts.completedAt);
  return renderAnswersPdf({
    title: definition.title[locale],
    language: locale,
    facts: [
      { label: text.office, value: facts.officeName },
      { label: text.dossier, value: `${facts.dossier.number}: ${facts.dossier.description}` },
      { label: text.completedBy, value: facts.completedBy },
      { label: text.completedAt, value: when },
    ],
    sections: answerSummary(definition, answers, locale),
    emptyAnswer: text.empty,
    pageLabel: text.page,
    continuedLabel: text.continued,
    createdAt: facts.completedAt,
  });
}

/** "Testament – antwoorden.pdf": the file's name, safe on every system. */
function pdfFileName(title: string, locale: Locale): string {
  const safe = title
    .replace(/[^\p{L}\p{N} ._-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return `${safe || "Vragenlijst"} - ${locale === "nl" ? "antwoorden" : "answers"}.pdf`;
}

export async function completeQuestionnaire(
  deps: Pick<DocumentsDeps, "db" | "clock" | "blobs">,
  client: ClientActor,
  actionId: string,
): Promise<PortalAction> {
  const found = await requireClientAction(deps.db, client, actionId);
  const definition = requireQuestionnaire(found);
  if (found.action.state === "completed") throw new AppError("action_completed");
  const answers = found.action.answers;
  if (!isComplete(definition, answers).complete) throw new AppError("questionnaire_incomplete");
  const locale = client.account.locale;
  const completedAt = deps.clock.now();
  const office = await getOffice(deps.db, client.scope.officeId);
  // Rendered before the change, which must not wait on it; the change checks that the answers
  // it stands for are still the ones stored, and the stored file goes when the change fails.
  const pdf = await answersPdf(definition, answers, locale, {
    officeName: office.name,
    dossier: found.dossier,
    completedBy: client.account.name,
    completedAt,
  });
  const blob = await storeGeneratedFile(deps.blobs, pdf);
  try {
    await deps.db.transaction(async (tx) => {
      const row = await lockAction(tx, found);
      if (row.withdrawnAt) throw new AppError("not_found");
      if (row.state === "completed") throw new AppError("action_completed");
      if (JSON.stringify(row.answers) !== JSON.stringify(answers)) throw new AppError("conflict");
      const dossier = await requireDossier(tx, client.scope, row.dossierId);
      const title = definition.title[locale];
      const document = await fileGeneratedDocument(tx, deps.clock, client, dossier, {
        blob,
        title,
        fileName: pdfFileName(title, locale),
        contentType: "application/pdf",
      });
      await updateAction(tx, found, {
        state: "completed",
        completedAt,
        completedByName: client.account.name,
        documentId: document.id,
      });
      await recordAuditEvent(tx, deps.clock, {
        actor: auditActor(client.account),
        action: "action.completed",
        subject: { type: "action", id: actionId },
        details: { dossierId: row.dossierId, documentId: document.id },
        officeId: client.officeId,
      });
      await notifyDossierStaff(tx, deps.clock, {
        dossierId: row.dossierId,
        kind: "questionnaires",
      });
      await recordOfficeEvent(tx, deps.clock, {
        type: "action.completed",
        client: client.scope,
        dossierId: row.dossierId,
        data: { actionId, documentId: document.id },
      });
    });
  } catch (error) {
    await deps.blobs.delete(blob.key);
    throw error;
  }
  return clientAction(deps, client, actionId);
}
