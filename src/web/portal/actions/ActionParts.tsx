import { useTranslation } from "react-i18next";
import type { PortalAction } from "#src/contracts/actions.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { Paragraphs } from "#src/web/ui/questionnaires/Paragraphs.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { portalPaths } from "../paths.ts";
import { actionKindLabel, actionStateLabel, actionTitle } from "./action-labels.ts";
import "./actions.css";

/** What the pages of one action share: the way back, the title, the facts. */

/** The page while an action loads, or why it did not. */
export function LoadingAction({ error }: { error?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t("portal.actions.title"));
  return (
    <>
      <BackToActions />
      <Heading level={1}>{t("portal.actions.loadingTitle")}</Heading>
      {error ? <Alert type="error">{error}</Alert> : <Paragraph>{t("portal.loading")}</Paragraph>}
    </>
  );
}

export function BackToActions() {
  const { t } = useTranslation();
  return (
    <Paragraph className="poort-no-print">
      <RouterLink to={portalPaths.actions}>{t("portal.actions.back")}</RouterLink>
    </Paragraph>
  );
}

/**
 * What every action says about itself: dossier, kind, due date, state and the instruction. A
 * questionnaire being filled in says its page itself (`withPage` false).
 */
export function ActionFacts({
  action,
  withPage = true,
}: {
  action: PortalAction;
  withPage?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const items = [
    {
      key: "dossier",
      label: t("portal.actions.facts.dossier"),
      value: (
        <RouterLink to={portalPaths.dossier(action.dossier.id)}>
          {t("portal.actions.dossier", {
            number: action.dossier.number,
            description: action.dossier.description,
          })}
        </RouterLink>
      ),
    },
    { key: "kind", label: t("portal.actions.facts.kind"), value: actionKindLabel(action, t) },
    {
      key: "due",
      label: t("portal.actions.facts.due"),
      value: action.dueDate ? formatDate(action.dueDate, i18n.language) : t("portal.actions.noDue"),
    },
    {
      key: "state",
      label: t("portal.actions.facts.state"),
      value: actionStateLabel(action, t, { withPage }),
    },
  ];
  if (action.completedAt) {
    items.push({
      key: "completed",
      label: t("portal.actions.facts.completed"),
      value: action.completedByName
        ? t("portal.actions.completedBy", {
            date: formatDate(action.completedAt, i18n.language),
            name: action.completedByName,
          })
        : formatDate(action.completedAt, i18n.language),
    });
  }
  return (
    <>
      <DataList items={items} />
      {action.instruction && (
        <div className="poort-action-instruction">
          <Paragraphs text={action.instruction} />
        </div>
      )}
    </>
  );
}

/** The action's title as the page's one h1. */
export function ActionHeading({ action }: { action: PortalAction }) {
  const { i18n } = useTranslation();
  return <Heading level={1}>{actionTitle(action, i18n.language)}</Heading>;
}
