import { useTranslation } from "react-i18next";
import type { PortalAction } from "#src/contracts/actions.ts";
import { portalApi } from "#src/contracts/api/portal.ts";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link, RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { VisuallyHidden } from "#src/web/ui/components/VisuallyHidden.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { portalPaths } from "../paths.ts";
import { actionKindLabel, actionStateLabel, actionTitle } from "./action-labels.ts";
import "./actions.css";

/**
 * "Acties" (seed 2.1.2): what the office asked of the client over all its dossiers, open ones
 * first and the soonest due first, each with "Invullen", "Aanleveren" or, once done, "Bekijken"
 * and the PDF of the answers.
 */
export function ActionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("portal.actions.title"));
  const list = useApiData(portalApi.actions);
  const actions = list.data?.actions;
  const open = actions?.filter((action) => action.state !== "completed").length ?? 0;

  return (
    <>
      <Heading level={1}>{t("portal.actions.title")}</Heading>
      <Paragraph appearance="lead">{t("portal.actions.intro")}</Paragraph>
      {list.error !== undefined && (
        <Alert type="error">{errorMessage(list.error, t("portal.errors.load"))}</Alert>
      )}
      {!actions && list.error === undefined && <Paragraph>{t("portal.loading")}</Paragraph>}
      {actions && (
        <Paragraph>
          {open === 0 ? t("portal.actions.empty") : t("portal.actions.openCount", { number: open })}
        </Paragraph>
      )}
      {actions && actions.length > 0 && <ActionTable actions={actions} />}
    </>
  );
}

function ActionTable({ actions }: { actions: PortalAction[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table caption={t("portal.actions.caption")}>
      <TableHeadings
        labels={[
          t("portal.actions.columns.title"),
          t("portal.actions.columns.dossier"),
          t("portal.actions.columns.kind"),
          t("portal.actions.columns.due"),
          t("portal.actions.columns.state"),
          t("portal.actions.columns.action"),
        ]}
      />
      <TableBody>
        {actions.map((action) => {
          const title = actionTitle(action, i18n.language);
          const completed = action.state === "completed";
          const linkText = completed
            ? t("portal.actions.view")
            : action.kind === "questionnaire"
              ? t("portal.actions.fill")
              : t("portal.actions.deliver");
          return (
            <TableRow key={action.id}>
              <TableCell>{title}</TableCell>
              <TableCell>
                {t("portal.actions.dossier", {
                  number: action.dossier.number,
                  description: action.dossier.description,
                })}
              </TableCell>
              <TableCell>{actionKindLabel(action, t)}</TableCell>
              <TableCell>
                {action.dueDate
                  ? formatDate(action.dueDate, i18n.language)
                  : t("portal.actions.noDue")}
              </TableCell>
              <TableCell>
                <span
                  className={
                    action.state === "overdue"
                      ? "poort-action-state poort-action-state--overdue"
                      : "poort-action-state"
                  }
                >
                  {actionStateLabel(action, t)}
                </span>
              </TableCell>
              <TableCell>
                <div className="poort-action-links">
                  <RouterLink to={portalPaths.action(action.id)}>
                    {linkText}
                    <VisuallyHidden> {title}</VisuallyHidden>
                  </RouterLink>
                  {action.documentId && (
                    <Link
                      href={pathOf(portalApi.documentContent, {
                        params: { documentId: action.documentId },
                      })}
                    >
                      {t("portal.actions.downloadPdf")}
                      <VisuallyHidden> {title}</VisuallyHidden>
                    </Link>
                  )}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
