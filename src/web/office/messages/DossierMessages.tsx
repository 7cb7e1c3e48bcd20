import { useState } from "react";
import { useTranslation } from "react-i18next";
import { officeApi } from "#src/contracts/api/office.ts";
import type { OfficeDossier } from "#src/contracts/dossiers.ts";
import type { OfficeMessage } from "#src/contracts/messages.ts";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { Table, TableBody, TableCell, TableHeadings } from "#src/web/ui/components/Table.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { MessageDirection, MessageRow, UnreadBadge } from "#src/web/ui/messages/MessageParts.tsx";
import { officePaths } from "../paths.ts";
import { OfficeMessageForm } from "./OfficeMessageForm.tsx";
import { messageStateLabel } from "./state-label.ts";

/**
 * The messages of one dossier in the back office, both ways, newest first, with "Nieuw bericht"
 * to its clients. `currentId` marks the message shown beside it.
 */
export function DossierMessages({
  dossier,
  currentId,
  onChanged,
}: {
  dossier: OfficeDossier;
  currentId?: string;
  /** A message was sent: the dossier's documents may have changed. */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const list = useApiData(officeApi.dossierMessages, { params: { dossierId: dossier.id } });
  const [composing, setComposing] = useState(false);
  const [composeKey, setComposeKey] = useState(0);
  const [sent, setSent] = useState<string>();
  const messages = list.data?.messages;

  return (
    <>
      <div className="poort-message__actions">
        <Button
          appearance="primary-action"
          onClick={() => {
            setSent(undefined);
            setComposeKey((n) => n + 1);
            setComposing(true);
          }}
        >
          {t("messages.new")}
        </Button>
      </div>
      {sent && <Alert type="ok">{t("office.messages.sent", { subject: sent })}</Alert>}
      {composing && (
        <OfficeMessageForm
          key={composeKey}
          dossier={dossier}
          onCancel={() => setComposing(false)}
          onSent={(message) => {
            setComposing(false);
            setSent(message.subject);
            list.reload();
            onChanged?.();
          }}
        />
      )}
      {list.error !== undefined && (
        <Alert type="error">{errorMessage(list.error, t("account.errors.general"))}</Alert>
      )}
      {!messages && list.loading && <Paragraph>{t("account.loading")}</Paragraph>}
      {messages && messages.length === 0 && (
        <Paragraph>{t("office.messages.dossierEmpty")}</Paragraph>
      )}
      {messages && messages.length > 0 && (
        <DossierMessageTable
          caption={t("office.messages.dossierCaption", { number: dossier.number })}
          messages={messages}
          currentId={currentId}
        />
      )}
    </>
  );
}

function DossierMessageTable({
  caption,
  messages,
  currentId,
}: {
  caption: string;
  messages: OfficeMessage[];
  currentId?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table caption={caption}>
      <TableHeadings
        labels={[
          t("messages.columns.direction"),
          t("messages.columns.subject"),
          t("messages.columns.from"),
          t("office.messages.columns.client"),
          t("messages.columns.sentAt"),
          t("office.messages.columns.state"),
        ]}
      />
      <TableBody>
        {messages.map((message) => (
          <MessageRow key={message.id} read={message.read}>
            <TableCell>
              <MessageDirection sender={message.sender} view="office" />
            </TableCell>
            <TableCell>
              <span className="poort-message-row__subject">
                {message.id === currentId ? (
                  <span aria-current="page">{message.subject}</span>
                ) : (
                  <RouterLink to={officePaths.message(message.id)}>{message.subject}</RouterLink>
                )}
              </span>
              <UnreadBadge read={message.read} />
            </TableCell>
            <TableCell>{message.authorName}</TableCell>
            <TableCell>{message.client?.name ?? t("office.messages.compose.allClients")}</TableCell>
            <TableCell>{formatDateTime(message.sentAt, i18n.language)}</TableCell>
            <TableCell>{messageStateLabel(message, t)}</TableCell>
          </MessageRow>
        ))}
      </TableBody>
    </Table>
  );
}
