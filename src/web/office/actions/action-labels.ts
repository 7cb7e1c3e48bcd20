import type { TFunction } from "i18next";
import type { OfficeAction } from "#src/contracts/actions.ts";
import { formatDate } from "#src/web/ui/format.ts";
import { localeOfLanguage } from "#src/web/ui/i18n/language.ts";

/** The action's title in the staff member's language. */
export const actionTitle = (action: Pick<OfficeAction, "title">, language: string): string =>
  action.title[localeOfLanguage(language)];

/** "Vragenlijst" or "Verzoek om documenten". */
export const actionKindLabel = (kind: OfficeAction["kind"], t: TFunction): string =>
  kind === "questionnaire"
    ? t("office.actions.kind.questionnaire")
    : t("office.actions.kind.uploadRequest");

/**
 * Where an action stands: "Open", "Bezig (pagina 2 van 3)" (a questionnaire) or "Bezig (1 van 2
 * documenten aangeleverd)" (an upload request), "Afgerond op 12 mei 2026", "Te laat", or
 * "Ingetrokken" (the action page says when and by whom).
 */
export function actionStateLabel(
  action: Pick<OfficeAction, "state" | "progress" | "completedAt" | "items" | "kind">,
  t: TFunction,
  language: string,
): string {
  switch (action.state) {
    case "open":
      return t("office.actions.state.open");
    case "in-progress": {
      if (action.kind === "questionnaire" && action.progress) {
        return t("office.actions.state.inProgressPage", action.progress);
      }
      if (action.kind === "upload-request" && action.items.length > 0) {
        return t("office.actions.state.inProgressItems", {
          delivered: action.items.filter((item) => item.delivered).length,
          total: action.items.length,
        });
      }
      return t("office.actions.state.inProgress");
    }
    case "completed":
      return action.completedAt
        ? t("office.actions.state.completedOn", {
            date: formatDate(action.completedAt, language),
          })
        : t("office.actions.state.completed");
    case "overdue":
      return t("office.actions.state.overdue");
    case "withdrawn":
      return t("office.actions.state.withdrawn");
  }
}

/** "12 december 2026", or "Geen" without a due date. */
export const dueDateLabel = (
  action: Pick<OfficeAction, "dueDate">,
  t: TFunction,
  language: string,
): string =>
  action.dueDate ? formatDate(action.dueDate, language) : t("office.actions.noDueDate");
