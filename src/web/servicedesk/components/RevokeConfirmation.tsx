import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import { type CertificateSummary, revokeSchema } from "#src/contracts/certificates.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { ButtonGroup, Fieldset, RadioField } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";

type Reason = (typeof revokeSchema.shape.reason.options)[number];
const reasons = revokeSchema.shape.reason.options;

/**
 * The second step of "Intrekken": the reason, and a last warning that the certificate stops
 * working at once and that this cannot be undone.
 */
export function RevokeConfirmation({
  certificate,
  onCancel,
  onRevoked,
}: {
  certificate: CertificateSummary;
  onCancel: () => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [reason, setReason] = useState<Reason>();
  const [missing, setMissing] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setMissing(true);
      submit.setError(
        new ApiError(0, "missing", t("servicedesk.certificates.revoke.reasonMissing")),
      );
      return;
    }
    setMissing(false);
    const ok = await submit.run(async () => {
      await callApi(servicedeskApi.revokeCertificate, {
        params: { certificateId: certificate.id },
        body: { reason },
      });
    });
    if (ok) onRevoked();
  };

  return (
    <div className="poort-revoke-confirmation">
      <FocusHeading level={3}>
        {t("servicedesk.certificates.revoke.heading", { serial: certificate.serialNumber })}
      </FocusHeading>
      <Paragraph>
        <strong>{t("servicedesk.certificates.revoke.warning")}</strong>
      </Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <Fieldset legend={t("servicedesk.certificates.revoke.reasonLegend")}>
          {reasons.map((option) => (
            <RadioField
              key={option}
              id={`revoke-reason-${option}`}
              name="revoke-reason"
              label={t(`certificates.revocationReasons.${option}`)}
              checked={reason === option}
              aria-invalid={missing ? true : undefined}
              onChange={() => setReason(option)}
            />
          ))}
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("servicedesk.certificates.revoke.confirm")}
          </Button>
          <Button onClick={onCancel} disabled={submit.busy}>
            {t("servicedesk.certificates.revoke.cancel")}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
