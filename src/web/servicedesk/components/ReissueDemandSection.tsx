import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import { type OfficeDetail, reissueDemandSchema } from "#src/contracts/certificates.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { SubmitForm } from "#src/web/ui/components/SubmitForm.tsx";
import { serverFieldErrors } from "#src/web/ui/components/server-field-errors.ts";
import { TextAreaField } from "#src/web/ui/components/TextAreaField.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";

/**
 * "Vervanging eisen" (A11): the office then sees on the request screen that its certificate
 * must be replaced as soon as possible, "wegens omstandigheden".
 */
export function ReissueDemandSection({
  office,
  onDemanded,
}: {
  office: OfficeDetail;
  onDemanded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const k = "servicedesk.certificates.demand";
  const open = office.openReissueDemand;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!reissueDemandSchema.safeParse({ reason }).success) {
      setError(t(`${k}.reasonInvalid`));
      submit.setError(new ApiError(0, "invalid", t("account.errors.fixFields")));
      return;
    }
    setError(undefined);
    const ok = await submit.run(async () => {
      try {
        await callApi(servicedeskApi.demandReissue, {
          params: { officeId: office.id },
          body: { reason: reason.trim() },
        });
      } catch (caught) {
        if (caught instanceof ApiError) setError(serverFieldErrors(caught, ["reason"]).reason);
        throw caught;
      }
    });
    if (ok) {
      setDone(true);
      setReason("");
      onDemanded();
    }
  };

  return (
    <section className="poort-section" aria-labelledby="demand-heading">
      <Heading level={2} id="demand-heading">
        {t(`${k}.heading`)}
      </Heading>
      <Paragraph>{t(`${k}.intro`)}</Paragraph>
      {open && (
        <Paragraph>
          {t(`${k}.alreadyOpen`, {
            date: formatDateTime(open.demandedAt, i18n.language),
            reason: open.reason,
          })}
        </Paragraph>
      )}
      <SubmitForm
        submit={submit}
        done={done && t(`${k}.done`)}
        submitLabel={t(`${k}.submit`)}
        onSubmit={onSubmit}
      >
        <TextAreaField
          id="demand-reason"
          label={t(`${k}.reason`)}
          description={t(`${k}.reasonHint`)}
          maxLength={500}
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={error}
        />
      </SubmitForm>
    </section>
  );
}
