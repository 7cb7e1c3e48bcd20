import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningBeheerApi } from "#src/contracts/api/eherkenning-beheer.ts";
import { REJECTION_REASON_MAX, type ReviewApplication } from "#src/contracts/eherkenning/review.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { TextAreaField } from "#src/web/ui/components/TextAreaField.tsx";

type Step = "choose" | "approve" | "reject";

/**
 * "Beoordelen": approve (only when the checklist is met) or reject with a reason, each after a
 * confirmation. A rejection is possible while signing too; an approval only in the review.
 */
export function DecisionSection({
  application,
  onDecided,
}: {
  application: ReviewApplication;
  onDecided: (next: ReviewApplication) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [step, setStep] = useState<Step>("choose");
  const [reason, setReason] = useState("");
  const [attempt, setAttempt] = useState(0);
  const [reasonError, setReasonError] = useState<string>();
  const canApprove = application.state === "review" && application.checklist.allMet;
  const canReject = application.state === "review" || application.state === "signing";
  if (!canReject) return null;

  const go = (next: Step) => {
    submit.setError(undefined);
    setReasonError(undefined);
    setStep(next);
  };

  const approve = () =>
    void submit.run(async () => {
      onDecided(
        await callApi(eherkenningBeheerApi.approve, { params: { applicationId: application.id } }),
      );
    });

  const reject = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!reason.trim()) {
      const message = t("ehReview.decision.reasonMissing");
      setReasonError(message);
      submit.setError(new ApiError(0, "missing", message));
      return;
    }
    setReasonError(undefined);
    await submit.run(async () => {
      onDecided(
        await callApi(eherkenningBeheerApi.reject, {
          params: { applicationId: application.id },
          body: { reason },
        }),
      );
    });
  };

  return (
    <section className="poort-section" aria-labelledby="decision-heading">
      <Heading level={2} id="decision-heading">
        {t("ehReview.decision.heading")}
      </Heading>
      {step === "choose" && (
        <>
          {!canApprove && application.state === "review" && (
            <Alert type="info">{t("ehReview.decision.checklistOpen")}</Alert>
          )}
          {application.state === "signing" && (
            <Paragraph>{t("ehReview.decision.stillSigning")}</Paragraph>
          )}
          <ButtonGroup>
            {canApprove && (
              <Button appearance="primary-action" onClick={() => go("approve")}>
                {t("ehReview.decision.approve")}
              </Button>
            )}
            <Button onClick={() => go("reject")}>{t("ehReview.decision.reject")}</Button>
          </ButtonGroup>
        </>
      )}
      {step === "approve" && (
        <>
          <FocusHeading level={3}>{t("ehReview.decision.approveHeading")}</FocusHeading>
          <Paragraph>
            {application.level === "EH2+"
              ? t("ehReview.decision.approveIssues")
              : t("ehReview.decision.approveIdentifies")}
          </Paragraph>
          <FieldErrorSummary message={submit.error?.message} attempt={attempt} />
          <ButtonGroup>
            <Button appearance="primary-action" disabled={submit.busy} onClick={approve}>
              {t("ehReview.decision.approveConfirm")}
            </Button>
            <Button disabled={submit.busy} onClick={() => go("choose")}>
              {t("ehReview.decision.cancel")}
            </Button>
          </ButtonGroup>
        </>
      )}
      {step === "reject" && (
        <>
          <FocusHeading level={3}>{t("ehReview.decision.rejectHeading")}</FocusHeading>
          <FieldErrorSummary
            message={submit.error?.message}
            fields={reasonError ? [{ id: "rejection-reason", message: reasonError }] : []}
            attempt={attempt}
          />
          <form className="poort-form" noValidate onSubmit={(event) => void reject(event)}>
            <TextAreaField
              id="rejection-reason"
              label={t("ehReview.decision.reason")}
              description={t("ehReview.decision.reasonHint")}
              value={reason}
              maxLength={REJECTION_REASON_MAX}
              rows={5}
              required
              error={reasonError}
              onChange={(event) => setReason(event.target.value)}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action" disabled={submit.busy}>
                {t("ehReview.decision.rejectConfirm")}
              </Button>
              <Button disabled={submit.busy} onClick={() => go("choose")}>
                {t("ehReview.decision.cancel")}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}
