import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { OfficeAction } from "#src/contracts/actions.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
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
import { formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { ListNotices } from "../components/ListNotices.tsx";
import { officePaths } from "../paths.ts";
import { ActionState } from "./ActionState.tsx";
import { actionKindLabel, actionTitle, dueDateLabel } from "./action-labels.ts";
import { FocusNotice } from "./FocusNotice.tsx";
import { QuestionnaireAnswers } from "./QuestionnaireAnswers.tsx";
import { useFocusBack } from "./use-focus-back.ts";
import "../dossiers/dossiers.css";
import "./actions.css";

const p = "office.actions.page";

/**
 * One action in the back office: what was asked of which client, where it stands, and what came
 * back (a questionnaire's answers with who gave them, and its exports and PDF; an upload
 * request's delivered files), with "Herinnering sturen" and "Actie intrekken" (for one sent in
 * error) while it is neither completed nor withdrawn.
 */
export function ActionPage() {
  const { t, i18n } = useTranslation();
  const { actionId = "" } = useParams();
  const action = useApiData(officeApi.action, { params: { actionId } });
  const data = action.data;
  useDocumentTitle(
    data
      ? t(`${p}.documentTitle`, { title: actionTitle(data, i18n.language) })
      : t("office.actions.heading"),
  );
  const notFound = action.error instanceof ApiError && action.error.status === 404;

  return (
    <>
      {data && (
        <Paragraph className="poort-dossier-back">
          <RouterLink to={officePaths.dossier(data.dossier.id)}>
            {t(`${p}.back`, { number: data.dossier.number })}
          </RouterLink>
        </Paragraph>
      )}
      {!data && <Heading level={1}>{t("office.actions.heading")}</Heading>}
      <ListNotices
        loading={!data && action.loading}
        loadError={notFound ? undefined : action.error}
      />
      {notFound && <Alert type="error">{t(`${p}.notFound`)}</Alert>}
      {data && <ActionDetail key={data.id} action={data} reload={action.reload} />}
    </>
  );
}

function ActionDetail({ action, reload }: { action: OfficeAction; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const submit = useSubmit();
  const withdrawal = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const [confirmingWithdrawal, setConfirmingWithdrawal] = useState(false);
  const [reminded, setReminded] = useState<{ n: number; message: string }>();
  const [withdrawn, setWithdrawn] = useState<string>();
  const remindButton = useFocusBack();
  const withdrawButton = useFocusBack();
  const open = action.state !== "completed" && action.state !== "withdrawn";

  const remind = async () => {
    setConfirming(false);
    setReminded(undefined);
    withdrawal.setError(undefined);
    const ok = await submit.run(async () => {
      await callApi(officeApi.remindAction, { params: { actionId: action.id } });
    });
    if (ok) {
      setReminded((previous) => ({
        n: (previous?.n ?? 0) + 1,
        message: t(`${p}.remindedNotice`, { client: action.client.name }),
      }));
      reload();
    }
  };

  const withdraw = async () => {
    setConfirmingWithdrawal(false);
    setReminded(undefined);
    submit.setError(undefined);
    const ok = await withdrawal.run(async () => {
      await callApi(officeApi.withdrawAction, { params: { actionId: action.id } });
    });
    if (ok) setWithdrawn(t(`${p}.withdrawnNotice`, { client: action.client.name }));
    // Withdrawn, or refused because the client completed it meanwhile: either way, as it is now.
    reload();
  };

  const progress = progressLabel(action, t);

  return (
    <>
      <Heading level={1}>{actionTitle(action, language)}</Heading>
      <ErrorSummary>{(submit.error ?? withdrawal.error)?.message}</ErrorSummary>
      {withdrawn && <FocusNotice message={withdrawn} />}
      <DataList
        items={[
          {
            key: "dossier",
            label: t(`${p}.dossier`),
            value: (
              <RouterLink to={officePaths.dossier(action.dossier.id)}>
                {action.dossier.number}
              </RouterLink>
            ),
          },
          { key: "client", label: t(`${p}.client`), value: action.client.name },
          { key: "kind", label: t(`${p}.kind`), value: actionKindLabel(action.kind, t) },
          ...(action.version
            ? [
                {
                  key: "version",
                  label: t(`${p}.version`),
                  value: t(`${p}.versionOf`, { number: action.version.number }),
                },
              ]
            : []),
          {
            key: "state",
            label: t(`${p}.state`),
            value: action.withdrawn ? (
              <span className="poort-action-state poort-action-state--withdrawn">
                {action.withdrawn.byName
                  ? t(`${p}.withdrawnByAt`, {
                      name: action.withdrawn.byName,
                      date: formatDateTime(action.withdrawn.at, language),
                    })
                  : t(`${p}.withdrawnAt`, {
                      date: formatDateTime(action.withdrawn.at, language),
                    })}
              </span>
            ) : (
              <ActionState action={action} />
            ),
          },
          ...(progress ? [{ key: "progress", label: t(`${p}.progress`), value: progress }] : []),
          { key: "due", label: t(`${p}.dueDate`), value: dueDateLabel(action, t, language) },
          {
            key: "sent",
            label: t(`${p}.sent`),
            value: t("office.actions.sentByAt", {
              name: action.sentByName,
              date: formatDateTime(action.sentAt, language),
            }),
          },
          ...(action.completedAt
            ? [
                {
                  key: "completed",
                  label: t(`${p}.completed`),
                  value: action.completedByName
                    ? t("office.actions.sentByAt", {
                        name: action.completedByName,
                        date: formatDateTime(action.completedAt, language),
                      })
                    : formatDateTime(action.completedAt, language),
                },
              ]
            : []),
          {
            key: "reminded",
            label: t(`${p}.reminded`),
            value: action.remindedAt
              ? formatDateTime(action.remindedAt, language)
              : t(`${p}.notReminded`),
          },
        ]}
      />
      {action.instruction && (
        <section className="poort-section" aria-labelledby="action-instruction-heading">
          <Heading level={2} id="action-instruction-heading">
            {t(`${p}.instruction`)}
          </Heading>
          <Paragraph className="poort-action-instruction">{action.instruction}</Paragraph>
        </section>
      )}

      {open && (
        <section className="poort-section" aria-labelledby="action-reminder-heading">
          <Heading level={2} id="action-reminder-heading">
            {t(`${p}.reminderHeading`)}
          </Heading>
          {reminded && <FocusNotice key={reminded.n} message={reminded.message} />}
          {!confirming && (
            <div className="poort-action-buttons">
              <Button
                ref={remindButton.ref}
                disabled={submit.busy}
                onClick={() => {
                  setReminded(undefined);
                  setConfirmingWithdrawal(false);
                  setConfirming(true);
                }}
              >
                {t(`${p}.remind`)}
              </Button>
            </div>
          )}
          {confirming && (
            <section className="poort-action-compose" aria-labelledby="action-remind-confirm">
              <FocusHeading level={3} id="action-remind-confirm">
                {t(`${p}.remindHeading`, { client: action.client.name })}
              </FocusHeading>
              <Paragraph>{t(`${p}.remindConfirmText`)}</Paragraph>
              <div className="poort-action-buttons">
                <Button
                  appearance="primary-action"
                  disabled={submit.busy}
                  onClick={() => void remind()}
                >
                  {t(`${p}.remindConfirm`)}
                </Button>
                <Button
                  onClick={() => {
                    setConfirming(false);
                    remindButton.focusBack();
                  }}
                >
                  {t(`${p}.remindCancel`)}
                </Button>
              </div>
            </section>
          )}
          <div role="status">{submit.busy ? t(`${p}.reminding`) : ""}</div>
        </section>
      )}

      {open && (
        <section className="poort-section" aria-labelledby="action-withdraw-heading">
          <Heading level={2} id="action-withdraw-heading">
            {t(`${p}.withdrawHeading`)}
          </Heading>
          {!confirmingWithdrawal && (
            <div className="poort-action-buttons">
              <Button
                ref={withdrawButton.ref}
                disabled={withdrawal.busy || submit.busy}
                onClick={() => {
                  setReminded(undefined);
                  setConfirming(false);
                  setConfirmingWithdrawal(true);
                }}
              >
                {t(`${p}.withdraw`)}
              </Button>
            </div>
          )}
          {confirmingWithdrawal && (
            <section className="poort-action-compose" aria-labelledby="action-withdraw-confirm">
              <FocusHeading level={3} id="action-withdraw-confirm">
                {t(`${p}.withdrawConfirmHeading`, { client: action.client.name })}
              </FocusHeading>
              <Paragraph>{t(`${p}.withdrawConfirmText`)}</Paragraph>
              <div className="poort-action-buttons">
                <Button
                  appearance="primary-action"
                  disabled={withdrawal.busy}
                  onClick={() => void withdraw()}
                >
                  {t(`${p}.withdrawConfirm`)}
                </Button>
                <Button
                  onClick={() => {
                    setConfirmingWithdrawal(false);
                    withdrawButton.focusBack();
                  }}
                >
                  {t(`${p}.withdrawCancel`)}
                </Button>
              </div>
            </section>
          )}
          <div role="status">{withdrawal.busy ? t(`${p}.withdrawing`) : ""}</div>
        </section>
      )}

      {action.kind === "questionnaire" ? (
        <QuestionnaireAnswers action={action} />
      ) : (
        <UploadItems action={action} />
      )}
    </>
  );
}

/**
 * "Pagina 2 van 3" or "1 van 2 documenten aangeleverd" for an overdue or withdrawn action, whose
 * state says only "Te laat" or "Ingetrokken" (an open or busy one tells its progress in its
 * state).
 */
function progressLabel(
  action: OfficeAction,
  t: ReturnType<typeof useTranslation>["t"],
): string | undefined {
  if (action.state !== "overdue" && action.state !== "withdrawn") return undefined;
  if (action.kind === "questionnaire") {
    return action.progress ? t(`${p}.progressPage`, action.progress) : undefined;
  }
  return t(`${p}.progressItems`, {
    delivered: action.items.filter((item) => item.delivered).length,
    total: action.items.length,
  });
}

/** The documents an upload request asks for, each with the file delivered or "Nog niet aangeleverd". */
function UploadItems({ action }: { action: OfficeAction }) {
  const { t, i18n } = useTranslation();
  const c = `${p}.itemColumns`;
  return (
    <section className="poort-section" aria-labelledby="action-items-heading">
      <Heading level={2} id="action-items-heading">
        {t(`${p}.itemsHeading`)}
      </Heading>
      <Table caption={t(`${p}.itemsCaption`, { client: action.client.name })}>
        <TableHeadings labels={[t(`${c}.document`), t(`${c}.required`), t(`${c}.delivered`)]} />
        <TableBody>
          {action.items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>
                {item.label}
                {item.description && (
                  <span className="poort-action-item-description">{item.description}</span>
                )}
              </TableCell>
              <TableCell>{item.required ? t(`${p}.required`) : t(`${p}.optional`)}</TableCell>
              <TableCell>
                {item.delivered ? (
                  <>
                    <Link
                      href={pathOf(officeApi.documentContent, {
                        params: { documentId: item.delivered.documentId },
                      })}
                      aria-label={t(`${p}.downloadFile`, { file: item.delivered.fileName })}
                    >
                      {item.delivered.fileName}
                    </Link>
                    <span className="poort-action-item-description">
                      {t(`${p}.deliveredByAt`, {
                        name: item.delivered.deliveredByName,
                        date: formatDateTime(item.delivered.deliveredAt, i18n.language),
                      })}
                    </span>
                  </>
                ) : (
                  t(`${p}.notDelivered`)
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
