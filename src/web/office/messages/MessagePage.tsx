import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { officeApi } from "#src/contracts/api/office.ts";
import type { OfficeMessage } from "#src/contracts/messages.ts";
import { ApiError, callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import {
  AttachmentLinks,
  MessageBody,
  MessageDirection,
} from "#src/web/ui/messages/MessageParts.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { officePaths } from "../paths.ts";
import { DossierMessages } from "./DossierMessages.tsx";
import { OfficeMessageForm } from "./OfficeMessageForm.tsx";
import { messageStateLabel } from "./state-label.ts";
import "../dossiers/dossiers.css";

/**
 * One message in the back office. Opening it marks it read for this staff member; from here
 * one answers, marks it handled (or open again) or unread, or withdraws the office's own
 * message sent in error. Below it, the dossier's other messages.
 */
export function MessagePage() {
  const { t } = useTranslation();
  const { messageId = "" } = useParams();
  const message = useApiData(officeApi.message, { params: { messageId } });
  const reload = message.reload;
  const data = message.data;
  useDocumentTitle(
    data ? t("office.messages.detailTitle", { subject: data.subject }) : t("messages.title"),
  );

  // Opening reads it, once per message shown (not again after "Markeer als ongelezen").
  const markedRead = useRef<string>(undefined);
  useEffect(() => {
    if (!data || data.read || markedRead.current === data.id) return;
    markedRead.current = data.id;
    callApi(officeApi.markMessageRead, { params: { messageId: data.id } }).then(
      reload,
      () => undefined,
    );
  }, [data, reload]);

  const notFound = message.error instanceof ApiError && message.error.status === 404;

  return (
    <>
      <Paragraph className="poort-dossier-back">
        <RouterLink to={officePaths.messages}>{t("office.messages.back")}</RouterLink>
      </Paragraph>
      {!data && <Heading level={1}>{t("messages.title")}</Heading>}
      {!data && message.loading && <Paragraph>{t("account.loading")}</Paragraph>}
      {notFound && <Alert type="error">{t("office.messages.notFound")}</Alert>}
      {message.error !== undefined && !notFound && (
        <Alert type="error">{errorMessage(message.error, t("account.errors.general"))}</Alert>
      )}
      {data && <MessageDetail key={data.id} message={data} reload={reload} />}
    </>
  );
}

function MessageDetail({ message, reload }: { message: OfficeMessage; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const dossier = useApiData(officeApi.dossier, { params: { dossierId: message.dossier.id } });
  const submit = useSubmit();
  const [replying, setReplying] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [notice, setNotice] = useState<string>();

  const act = async (action: () => Promise<unknown>, done: string) => {
    setNotice(undefined);
    const ok = await submit.run(async () => {
      await action();
    });
    if (ok) {
      setNotice(done);
      reload();
    }
  };
  const params = { messageId: message.id };

  return (
    <>
      <Heading level={1}>{message.subject}</Heading>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {notice && <Alert type="ok">{notice}</Alert>}
      {message.withdrawn && (
        <Alert type="warning">
          {t("office.messages.withdrawnNotice", {
            name: message.withdrawn.byName,
            date: formatDateTime(message.withdrawn.at, i18n.language),
          })}
        </Alert>
      )}
      <DataList
        items={[
          {
            key: "direction",
            label: t("messages.columns.direction"),
            value: (
              <>
                <MessageDirection sender={message.sender} view="office" />{" "}
                {message.sender === "client"
                  ? t("office.messages.fromClient")
                  : t("office.messages.fromOffice")}
              </>
            ),
          },
          {
            key: "dossier",
            label: t("office.messages.columns.dossier"),
            value: (
              <RouterLink to={officePaths.dossier(message.dossier.id)}>
                {t("office.messages.dossierLabel", {
                  number: message.dossier.number,
                  description: message.dossier.description,
                })}
              </RouterLink>
            ),
          },
          { key: "from", label: t("messages.columns.from"), value: message.authorName },
          {
            key: "client",
            label: t("office.messages.columns.client"),
            value: message.client?.name ?? t("office.messages.compose.allClients"),
          },
          {
            key: "sent",
            label: t("messages.columns.sentAt"),
            value: formatDateTime(message.sentAt, i18n.language),
          },
          {
            key: "state",
            label: t("office.messages.columns.state"),
            value: message.handled
              ? t("office.messages.handledBy", {
                  name: message.handled.byName,
                  date: formatDateTime(message.handled.at, i18n.language),
                })
              : messageStateLabel(message, t),
          },
          ...(message.replyTo
            ? [
                {
                  key: "replyTo",
                  label: t("office.messages.replyTo"),
                  value: (
                    <RouterLink to={officePaths.message(message.replyTo.id)}>
                      {message.replyTo.subject}
                    </RouterLink>
                  ),
                },
              ]
            : []),
        ]}
      />
      <section className="poort-message" aria-labelledby="message-body-heading">
        <Heading level={2} id="message-body-heading">
          {t("office.messages.bodyHeading")}
        </Heading>
        <MessageBody body={message.body} />
        {message.attachments.length > 0 && (
          <>
            <Heading level={3}>{t("messages.attachments")}</Heading>
            <AttachmentLinks
              attachments={message.attachments}
              hrefOf={(attachment) =>
                pathOf(officeApi.documentContent, { params: { documentId: attachment.id } })
              }
              downloadLabel={t("office.messages.download")}
            />
          </>
        )}
      </section>

      <div className="poort-message__actions">
        {!message.withdrawn && (
          <Button appearance="primary-action" onClick={() => setReplying(true)}>
            {t("messages.reply")}
          </Button>
        )}
        {message.sender === "client" && !message.handled && (
          <Button
            disabled={submit.busy}
            onClick={() =>
              void act(
                () => callApi(officeApi.markMessageHandled, { params }),
                t("office.messages.handledDone"),
              )
            }
          >
            {t("office.messages.markHandled")}
          </Button>
        )}
        {message.sender === "client" && message.handled && (
          <Button
            disabled={submit.busy}
            onClick={() =>
              void act(
                () => callApi(officeApi.reopenMessage, { params }),
                t("office.messages.reopenedDone"),
              )
            }
          >
            {t("office.messages.reopen")}
          </Button>
        )}
        {message.read && (
          <Button
            disabled={submit.busy}
            onClick={() =>
              void act(
                () => callApi(officeApi.markMessageUnread, { params }),
                t("office.messages.unreadDone"),
              )
            }
          >
            {t("office.messages.markUnread")}
          </Button>
        )}
        {message.sender === "office" && !message.withdrawn && !confirmWithdraw && (
          <Button onClick={() => setConfirmWithdraw(true)}>{t("office.messages.withdraw")}</Button>
        )}
      </div>

      {confirmWithdraw && !message.withdrawn && (
        <section className="poort-message-compose" aria-labelledby="withdraw-heading">
          <FocusHeading level={2} id="withdraw-heading">
            {t("office.messages.withdrawHeading")}
          </FocusHeading>
          <Paragraph>{t("office.messages.withdrawWarning")}</Paragraph>
          <div className="poort-message__actions">
            <Button
              appearance="primary-action"
              disabled={submit.busy}
              onClick={() => {
                setConfirmWithdraw(false);
                void act(
                  () => callApi(officeApi.withdrawMessage, { params }),
                  t("office.messages.withdrawnDone"),
                );
              }}
            >
              {t("office.messages.withdrawConfirm")}
            </Button>
            <Button onClick={() => setConfirmWithdraw(false)}>
              {t("messages.compose.cancel")}
            </Button>
          </div>
        </section>
      )}

      {replying && dossier.data && (
        <OfficeMessageForm
          dossier={dossier.data}
          replyTo={message}
          onCancel={() => setReplying(false)}
          onSent={(answer) => {
            setReplying(false);
            setNotice(t("office.messages.sent", { subject: answer.subject }));
            reload();
            dossier.reload();
          }}
        />
      )}
      {replying && dossier.error !== undefined && (
        <Alert type="error">{errorMessage(dossier.error, t("account.errors.general"))}</Alert>
      )}

      {dossier.data && (
        <section className="poort-section" aria-labelledby="dossier-messages-heading">
          <Heading level={2} id="dossier-messages-heading">
            {t("office.messages.inDossier", { number: message.dossier.number })}
          </Heading>
          <DossierMessages dossier={dossier.data} currentId={message.id} onChanged={reload} />
        </section>
      )}
    </>
  );
}
