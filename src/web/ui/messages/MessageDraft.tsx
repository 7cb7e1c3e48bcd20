import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-client.ts";
import { type SubmitState, useSubmit } from "../api/use-submit.ts";
import { Button } from "../components/Button.tsx";
import { TextField } from "../components/FormField.tsx";
import { TextAreaField } from "../components/TextAreaField.tsx";
import {
  checkMessageFields,
  type MessageFieldErrors,
  replySubject,
  serverMessageFieldErrors,
} from "./message-fields.ts";

/** What the office and a client both write: subject and body, and what went wrong with them. */
export interface MessageDraft {
  subject: string;
  setSubject: (subject: string) => void;
  body: string;
  setBody: (body: string) => void;
  errors: MessageFieldErrors;
  /** Counts sending attempts, so the error summary takes focus again on each. */
  attempt: number;
  submit: SubmitState;
  /**
   * `send` for a form's submit: checks both fields, then delivers the trimmed subject and the
   * body; the server's field-named refusal lands at its field. `onRefused` runs on any refusal.
   */
  onSubmit: <T>(
    deliver: (message: { subject: string; body: string }) => Promise<T>,
    onSent: (answer: T) => void,
    onRefused?: () => void,
  ) => (event: FormEvent) => void;
  /** The error summary's links to the fields that have an error. */
  fieldLinks: (ids: { subject: string; body: string }) => { id: string; message: string }[];
  /** The error summary's text: the server's refusal, or "fill in" when a field has an error. */
  summary: (fieldLinkCount: number) => string | undefined;
}

/** The state of "Nieuw bericht" or "Beantwoorden" (a reply starts with "Re: " and its subject). */
export function useMessageDraft(replyToSubject?: string): MessageDraft {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [subject, setSubject] = useState(() =>
    replyToSubject ? replySubject(replyToSubject, t("messages.compose.replyPrefix")) : "",
  );
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<MessageFieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const onSubmit: MessageDraft["onSubmit"] = (deliver, onSent, onRefused) => (event) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = checkMessageFields({ subject, body }, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      submit.setError(undefined);
      return;
    }
    void (async () => {
      let answer: Awaited<ReturnType<typeof deliver>> | undefined;
      const ok = await submit.run(async () => {
        try {
          answer = await deliver({ subject: subject.trim(), body });
        } catch (caught) {
          if (caught instanceof ApiError) setErrors(serverMessageFieldErrors(caught));
          onRefused?.();
          throw caught;
        }
      });
      if (ok && answer !== undefined) onSent(answer);
    })();
  };

  const fieldLinks: MessageDraft["fieldLinks"] = (ids) => [
    ...(errors.subject ? [{ id: ids.subject, message: errors.subject }] : []),
    ...(errors.body ? [{ id: ids.body, message: errors.body }] : []),
  ];
  const summary = (fieldLinkCount: number) =>
    submit.error?.message ?? (fieldLinkCount > 0 ? t("account.errors.fillIn") : undefined);

  return {
    subject,
    setSubject,
    body,
    setBody,
    errors,
    attempt,
    submit,
    onSubmit,
    fieldLinks,
    summary,
  };
}

/** "Onderwerp" and "Bericht", both required, with their errors. */
export function MessageTextFields({
  draft,
  ids,
}: {
  draft: MessageDraft;
  ids: { subject: string; body: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={ids.subject}
        label={t("messages.compose.subject")}
        autoComplete="off"
        required
        value={draft.subject}
        onChange={(event) => draft.setSubject(event.target.value)}
        error={draft.errors.subject}
      />
      <TextAreaField
        id={ids.body}
        label={t("messages.compose.body")}
        required
        rows={8}
        value={draft.body}
        onChange={(event) => draft.setBody(event.target.value)}
        error={draft.errors.body}
      />
    </>
  );
}

/** "Versturen" and "Annuleer", with the sending state for screen readers. */
export function SendOrCancel({
  busy,
  blocked,
  onCancel,
}: {
  busy: boolean;
  /** Sending must wait (files still uploading). */
  blocked?: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status">{busy ? t("messages.compose.busy") : ""}</div>
      <div className="poort-message-compose__actions">
        <Button type="submit" appearance="primary-action" disabled={busy || blocked}>
          {t("messages.compose.send")}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t("messages.compose.cancel")}
        </Button>
      </div>
    </>
  );
}
