import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { TextAreaField } from "#src/web/ui/components/TextAreaField.tsx";

/**
 * "Intrekken" of a means or one authorization: a warning, and the reason the holder is mailed.
 */
export function RevokeForm({
  id,
  heading,
  warning,
  onRevoke,
  onCancel,
}: {
  id: string;
  heading: string;
  warning: string;
  onRevoke: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const fieldId = `${id}-reason`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!reason.trim()) {
      const message = t("ehReview.means.reasonMissing");
      setReasonError(message);
      submit.setError(new ApiError(0, "missing", message));
      return;
    }
    setReasonError(undefined);
    await submit.run(() => onRevoke(reason));
  };

  return (
    <div className="poort-revoke-confirmation">
      <FocusHeading level={3}>{heading}</FocusHeading>
      <Paragraph>
        <strong>{warning}</strong>
      </Paragraph>
      <FieldErrorSummary
        message={submit.error?.message}
        fields={reasonError ? [{ id: fieldId, message: reasonError }] : []}
        attempt={attempt}
      />
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextAreaField
          id={fieldId}
          label={t("ehReview.means.reason")}
          description={t("ehReview.means.reasonHint")}
          value={reason}
          maxLength={1000}
          rows={3}
          required
          error={reasonError}
          onChange={(event) => setReason(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("ehReview.means.revokeConfirm")}
          </Button>
          <Button disabled={submit.busy} onClick={onCancel}>
            {t("ehReview.decision.cancel")}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
