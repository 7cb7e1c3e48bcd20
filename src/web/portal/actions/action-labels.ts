import type { TFunction } from "i18next";
import type { PortalAction } from "#src/contracts/actions.ts";
import { isLocale } from "#src/web/ui/i18n/language.ts";

/**
 * The action's state as the client reads it: "Bezig (pagina 2 van 3)" for a questionnaire, or
 * without its page where the page says it already.
 */
export function actionStateLabel(
  action: PortalAction,
  t: TFunction,
  { withPage = true }: { withPage?: boolean } = {},
): string {
  switch (action.state) {
    case "open":
      return t("portal.actions.state.open");
    case "in-progress":
      return action.progress && withPage
        ? t("portal.actions.state.inProgressPage", action.progress)
        : t("portal.actions.state.inProgress");
    case "completed":
      return t("portal.actions.state.completed");
    case "overdue":
      return t("portal.actions.state.overdue");
    // The portal is never sent a withdrawn action; said plainly should one ever come.
    case "withdrawn":
      return t("portal.actions.state.withdrawn");
  }
}

export function actionKindLabel(action: PortalAction, t: TFunction): string {
  return action.kind === "questionnaire"
    ? t("portal.actions.kind.questionnaire")
    : t("portal.actions.kind.uploadRequest");
}

/** The title in the reader's language. */
export function actionTitle(action: PortalAction, language: string): string {
  return action.title[isLocale(language) ? language : "nl"];
}
