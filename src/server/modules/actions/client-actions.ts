import type { PortalAction, PortalQuestionnaire, SavePage } from "#src/contracts/actions.ts";
import type { Answers, FileAnswer } from "#src/contracts/questionnaires/answers.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { nextPage, previousPage } from "#src/contracts/questionnaires/progress.ts";
import { validatePage, withPageAnswers } from "#src/contracts/questionnaires/validate-page.ts";
import { groupItemsOf, visiblePages } from "#src/contracts/questionnaires/visibility.ts";
import { AppError } from "#src/server/errors.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { ClientActor } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { takeClientDraft } from "../documents/message-attachments.ts";
import { type DossierRef, requireDossier } from "../dossiers/service.ts";
import {
  dayInTheNetherlands,
  definitionOf,
  toPortalAction,
  uploadItemsOf,
} from "./action-views.ts";
import {
  type ActionRecord,
  countOpenActions,
  findAction,
  listClientActions,
  lockAction,
  updateAction,
} from "./repository.ts";
import type { AnswerAuthor } from "./schema.ts";

/**
 * The client's side of actions (B10, "Acties"): the list and the Home tile, and filling in a
 * questionnaire page by page, saved at each "Volgende" so it can be left and resumed anywhere.
 * A company's accounts share its actions; each answer records who gave it last.
 */

type Deps = Pick<DocumentsDeps, "db" | "clock">;

export async function portalViews(deps: Deps, records: ActionRecord[]): Promise<PortalAction[]> {
  const items = await uploadItemsOf(deps.db, records);
  const today = dayInTheNetherlands(deps.clock.now());
  return records.map((record) => toPortalAction(record, items.get(record.action.id) ?? [], today));
}

export async function requireClientAction(db: Database, client: ClientActor, actionId: string) {
  const found = await findAction(db, client.scope, actionId);
  if (!found) throw new AppError("not_found");
  return found;
}

/** The Acties list: open ones first, soonest due first. */
export async function clientActions(deps: Deps, client: ClientActor) {
  return portalViews(deps, await listClientActions(deps.db, client.scope));
}

/** The Acties tile on Home. */
export function openActionsCount(db: Database, client: ClientActor) {
  return countOpenActions(db, client.scope);
}

export async function clientAction(deps: Deps, client: ClientActor, actionId: string) {
  const [view] = await portalViews(deps, [await requireClientAction(deps.db, client, actionId)]);
  return view as PortalAction;
}

/** A questionnaire the client sees, with the definition it was sent with. */
export function requireQuestionnaire(found: ActionRecord): QuestionnaireDefinition {
  const definition = definitionOf(found);
  if (!definition) throw new AppError("not_found");
  return definition;
}

/** "Invullen": the questionnaire, the answers so far, and the page to resume on. */
export async function clientQuestionnaire(
  deps: Deps,
  client: ClientActor,
  actionId: string,
): Promise<PortalQuestionnaire> {
  return questionnaireView(deps, await requireClientAction(deps.db, client, actionId));
}

/** The questionnaire as the client sees a record of it, with the page to resume on. */
async function questionnaireView(deps: Deps, found: ActionRecord): Promise<PortalQuestionnaire> {
  const definition = requireQuestionnaire(found);
  const [action] = await portalViews(deps, [found]);
  const pages = visiblePages(definition, found.action.answers);
  const resume = pages.find((page) => page.id === found.action.currentPageId) ?? pages[0];
  return {
    action: action as PortalAction,
    definition,
    answers: found.action.answers,
    pageId: resume?.id ?? definition.pages[0]?.id ?? "",
  };
}

/**
 * A file the login uploaded as a draft answers something (a file question, an upload request's
 * item): taken into the dossier under `title`, in the caller's transaction. Anything else than
 * the login's own draft in the dossier is refused at `path`.
 */
export async function takeAnsweringFile(
  deps: Pick<Deps, "clock">,
  tx: Database,
  client: ClientActor,
  dossier: DossierRef,
  file: { documentId: string; title: string; path: string },
): Promise<void> {
  try {
    await takeClientDraft(tx, deps.clock, client, dossier, file.documentId, file.title);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "unknown_attachment") throw error;
    throw new AppError("unknown_attachment", [
      { path: file.path, code: "unknown", message: "not an upload of yours" },
    ]);
  }
}

/** The file answers among a page's answers, where they sit in the input. */
function fileAnswersOf(definition: QuestionnaireDefinition, pageId: string, answers: Answers) {
  const page = definition.pages.find((candidate) => candidate.id === pageId);
  const found: { path: string; file: FileAnswer; label: QuestionnaireDefinition["title"] }[] = [];
  for (const item of page?.items ?? []) {
    if (item.kind === "question") {
      const answer = answers[item.id];
      if (item.type === "file" && answer && typeof answer === "object" && "documentId" in answer) {
        found.push({ path: item.id, file: answer, label: item.label });
      }
      continue;
    }
    groupItemsOf(answers[item.id]).forEach((groupItem, index) => {
      for (const question of item.questions) {
        const answer = groupItem[question.id];
        if (
          question.type === "file" &&
          answer &&
          typeof answer === "object" &&
          "documentId" in answer
        ) {
          found.push({
            path: `${item.id}.${index}.${question.id}`,
            file: answer,
            label: question.label,
          });
        }
      }
    });
  }
  return found;
}

/** Every document the stored answers already point at. */
function answeredDocuments(answers: Answers): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      if ("documentId" in value && typeof value.documentId === "string") ids.add(value.documentId);
      else Object.values(value).forEach(visit);
    }
  };
  visit(answers);
  return ids;
}

/**
 * "Volgende" (or "Vorige"): checks the page's answers against the questionnaire as it was sent,
 * stores them with who gave them, and moves the place to resume to the next (or previous) page
 * the answers show. A file answer is the login's draft upload, which becomes a document under
 * "Door mij aangeleverd" named after the question. "Vorige" keeps what is valid and asks for
 * nothing yet. One transaction, with the action locked: a company's two accounts saving at once
 * are taken in turn.
 */
export async function saveQuestionnairePage(
  deps: Deps,
  client: ClientActor,
  actionId: string,
  pageId: string,
  input: SavePage,
): Promise<PortalQuestionnaire> {
  const saved = await deps.db.transaction(async (tx) => {
    const found = await requireClientAction(tx, client, actionId);
    const definition = requireQuestionnaire(found);
    const row = await lockAction(tx, found);
    // Withdrawn while the client was at it: as gone as it now is from the portal.
    if (row.withdrawnAt) throw new AppError("not_found");
    if (row.state === "completed") throw new AppError("action_completed");
    const checked = validatePage(definition, pageId, input.answers, row.answers, {
      partial: input.go === "previous",
    });
    if (!checked.ok) {
      throw new AppError(
        "validation_failed",
        checked.errors.map((error) => ({
          path: ["body", "answers", ...error.path].join("."),
          code: error.code,
          message: error.code,
        })),
      );
    }
    const known = answeredDocuments(row.answers);
    const newFiles = fileAnswersOf(definition, pageId, checked.answers).filter(
      ({ file }) => !known.has(file.documentId),
    );
    // Only a new file needs the dossier; most pages have none, and this runs at every save.
    if (newFiles.length > 0) {
      const dossier = await requireDossier(tx, client.scope, row.dossierId);
      for (const { path, file, label } of newFiles) {
        await takeAnsweringFile(deps, tx, client, dossier, {
          documentId: file.documentId,
          title: label[client.account.locale],
          path: `body.answers.${path}`,
        });
      }
    }
    const answers = withPageAnswers(definition, pageId, row.answers, checked.answers);
    const now = deps.clock.now().toISOString();
    const author: AnswerAuthor = {
      accountId: client.account.id,
      name: client.account.name,
      at: now,
    };
    const page = definition.pages.find((candidate) => candidate.id === pageId);
    const answerAuthors = { ...row.answerAuthors };
    for (const item of page?.items ?? []) {
      if (item.id in checked.answers) answerAuthors[item.id] = author;
      else delete answerAuthors[item.id];
    }
    const goTo =
      input.go === "next"
        ? nextPage(definition, answers, pageId)
        : input.go === "previous"
          ? previousPage(definition, answers, pageId)
          : undefined;
    const changes = {
      answers,
      answerAuthors,
      state: "in-progress" as const,
      currentPageId: goTo?.id ?? pageId,
    };
    await updateAction(tx, found, changes);
    // What the client sees now is the record with these changes: no need to read it again.
    return { ...found, action: { ...row, ...changes } };
  });
  return questionnaireView(deps, saved);
}
