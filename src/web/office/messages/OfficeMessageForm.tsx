import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { officeApi } from "#src/contracts/api/office.ts";
import type { OfficeDocument, OfficeDossier } from "#src/contracts/dossiers.ts";
import type { OfficeMessage } from "#src/contracts/messages.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import {
  CheckboxField,
  Fieldset,
  SelectField,
  TextField,
} from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatFileSize } from "#src/web/ui/format.ts";
import {
  MessageTextFields,
  SendOrCancel,
  useMessageDraft,
} from "#src/web/ui/messages/MessageDraft.tsx";
import { DraftAttachmentList, type DraftFile } from "#src/web/ui/messages/MessageParts.tsx";
import { uploadDossierDocument } from "../dossiers/upload.ts";

/** A file's name without its extension, as the title of its document. */
const titleFromFileName = (name: string) =>
  (name.replace(/\.[^.]+$/, "").trim() || name).slice(0, 200);

/** Documents of the dossier an answer can take along: not another message's unsent file. */
const attachable = (document: OfficeDocument) =>
  !(document.category === "message" && document.state === "draft");

interface OfficeMessageFormProps {
  dossier: OfficeDossier;
  /** Beantwoorden: the message answered (its conversation decides who receives it). */
  replyTo?: OfficeMessage;
  onCancel: () => void;
  onSent: (message: OfficeMessage) => void;
}

/**
 * A new message of the office to the clients of a dossier (all, or one), or an answer: Onderwerp
 * and Bericht (both required), documents the dossier holds, and new files (uploaded as drafts
 * of category "message", each removable until the message is sent).
 */
export function OfficeMessageForm({ dossier, replyTo, onCancel, onSent }: OfficeMessageFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const draft = useMessageDraft(replyTo?.subject);
  const [clientId, setClientId] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [uploaded, setUploaded] = useState<DraftFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [fileError, setFileError] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const documents = dossier.documents.filter(attachable);
  const subjectId = `${id}-subject`;
  const bodyId = `${id}-body`;

  const onSubmit = draft.onSubmit((message): Promise<OfficeMessage> => {
    const attachmentIds = [...chosen, ...uploaded.map((file) => file.id)];
    return replyTo
      ? callApi(officeApi.replyToMessage, {
          params: { messageId: replyTo.id },
          body: { ...message, attachmentIds },
        })
      : callApi(officeApi.sendMessage, {
          params: { dossierId: dossier.id },
          body: { ...message, attachmentIds, clientId: clientId || undefined },
        });
  }, onSent);

  const uploadFiles = async () => {
    const files = Array.from(fileInput.current?.files ?? []);
    if (files.length === 0) {
      setFileError(t("office.messages.compose.chooseFile"));
      return;
    }
    setUploading(true);
    setFileError(undefined);
    try {
      for (const file of files) {
        const document = await uploadDossierDocument(
          dossier.id,
          { category: "message", title: titleFromFileName(file.name), publish: false },
          file,
        );
        setUploaded((list) => [
          ...list,
          { id: document.id, fileName: document.fileName, size: document.size },
        ]);
      }
      setFileInputKey((n) => n + 1);
    } catch (caught) {
      setFileError(errorMessage(caught, t("account.errors.general")));
    } finally {
      setUploading(false);
    }
  };

  const removeUploaded = async (file: DraftFile) => {
    setFileError(undefined);
    try {
      await callApi(officeApi.removeDraftAttachment, { params: { documentId: file.id } });
      setUploaded((list) => list.filter((item) => item.id !== file.id));
    } catch (caught) {
      setFileError(errorMessage(caught, t("account.errors.general")));
    }
  };

  const fieldLinks = draft.fieldLinks({ subject: subjectId, body: bodyId });
  const submit = draft.submit;

  return (
    <section className="poort-message-compose" aria-labelledby={`${id}-heading`}>
      <FocusHeading level={2} id={`${id}-heading`}>
        {replyTo
          ? t("messages.compose.replyHeading", { subject: replyTo.subject })
          : t("office.messages.compose.newHeading", { number: dossier.number })}
      </FocusHeading>
      <FieldErrorSummary
        message={draft.summary(fieldLinks.length)}
        fields={fieldLinks}
        attempt={draft.attempt}
      />
      <form className="poort-form" noValidate onSubmit={onSubmit}>
        {!replyTo && (
          <SelectField
            id={`${id}-to`}
            label={t("office.messages.compose.to")}
            value={clientId}
            onChange={(event) => setClientId(event.target.value)}
            options={[
              { value: "", label: t("office.messages.compose.allClients") },
              ...dossier.clients.map((client) => ({ value: client.id, label: client.name })),
            ]}
          />
        )}
        {replyTo && (
          <Paragraph>
            {t("office.messages.compose.replyTo", {
              to: replyTo.client?.name ?? t("office.messages.compose.allClients"),
            })}
          </Paragraph>
        )}
        <MessageTextFields draft={draft} ids={{ subject: subjectId, body: bodyId }} />
        {documents.length > 0 && (
          <Fieldset legend={t("office.messages.compose.fromDossier")}>
            {documents.map((document) => (
              <CheckboxField
                key={document.id}
                id={`${id}-document-${document.id}`}
                label={t("office.messages.compose.documentOption", {
                  title: document.title,
                  file: document.fileName,
                  size: formatFileSize(document.size, i18n.language),
                })}
                checked={chosen.includes(document.id)}
                onChange={(event) => {
                  const checked = event.target.checked;
                  setChosen((list) =>
                    checked ? [...list, document.id] : list.filter((item) => item !== document.id),
                  );
                }}
              />
            ))}
          </Fieldset>
        )}
        <div>
          <TextField
            key={fileInputKey}
            ref={fileInput}
            id={`${id}-files`}
            label={t("office.messages.compose.newFiles")}
            type="file"
            multiple
            error={fileError}
          />
          <div className="poort-message-compose__actions">
            <Button onClick={() => void uploadFiles()} disabled={uploading}>
              {t("office.messages.compose.upload")}
            </Button>
          </div>
          <div role="status">{uploading ? t("office.messages.compose.uploading") : ""}</div>
          <DraftAttachmentList files={uploaded} onRemove={(file) => void removeUploaded(file)} />
        </div>
        {submit.error && fieldLinks.length === 0 && submit.error.details.length > 0 && (
          <Alert type="error">
            {submit.error.details.map((detail) => detail.message).join(" ")}
          </Alert>
        )}
        <SendOrCancel busy={submit.busy} blocked={uploading} onCancel={onCancel} />
      </form>
    </section>
  );
}
