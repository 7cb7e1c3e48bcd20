import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import type { OfficeDetail, RequestConfirmation } from "#src/contracts/certificates.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { CertificatePassword } from "#src/web/ui/components/CertificatePassword.tsx";
import { CheckboxWithHint } from "#src/web/ui/components/CheckboxWithHint.tsx";
import {
  type FieldProblem,
  localPartProblem,
  mobileProblem,
} from "#src/web/ui/components/certificate-fields.ts";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { EmailLocalPartField, splitEmail } from "#src/web/ui/components/EmailLocalPartField.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { SubmitForm } from "#src/web/ui/components/SubmitForm.tsx";
import { serverFieldErrors } from "#src/web/ui/components/server-field-errors.ts";
import { formatDate, formatDateTime } from "#src/web/ui/format.ts";

const fields = ["emailLocalPart", "mobile"] as const;
type Field = (typeof fields)[number];

/**
 * "Nieuw certificaat uitgeven (wachtwoord kwijt)" (A8): a new certificate for the office; the
 * one whose password is lost stops working 14 days later. The password is shown here once.
 */
export function IssueCertificateSection({
  office,
  onIssued,
}: {
  office: OfficeDetail;
  onIssued: () => void;
}) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const { localPart: registeredLocalPart, domain } = splitEmail(office.email);
  const [localPart, setLocalPart] = useState(registeredLocalPart);
  const [mobile, setMobile] = useState("");
  const [legacy, setLegacy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [issued, setIssued] = useState<RequestConfirmation>();
  const k = "servicedesk.certificates.issue";

  const problemText = (field: Field, problem: FieldProblem) =>
    t(`selfservice.request.errors.${field}.${problem}`);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const local = localPartProblem(localPart);
    if (local) found.emailLocalPart = problemText("emailLocalPart", local);
    const phone = mobile.trim() ? mobileProblem(mobile) : undefined;
    if (phone) found.mobile = problemText("mobile", phone);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      submit.setError(new ApiError(0, "invalid", t("account.errors.fixFields")));
      return;
    }
    await submit.run(async () => {
      try {
        const answer = await callApi(servicedeskApi.issueCertificate, {
          params: { officeId: office.id },
          body: {
            emailLocalPart: localPart.trim(),
            ...(mobile.trim() ? { mobile: mobile.trim() } : {}),
            legacyPkcs12: legacy,
          },
        });
        setIssued(answer);
        setMobile("");
        setLegacy(false);
        onIssued();
      } catch (error) {
        if (error instanceof ApiError) setErrors(serverFieldErrors(error, fields));
        throw error;
      }
    });
  };

  return (
    <section className="poort-section" aria-labelledby="issue-heading">
      <Heading level={2} id="issue-heading">
        {t(`${k}.heading`)}
      </Heading>
      {issued ? (
        <div>
          <FocusHeading level={3}>{t(`${k}.doneHeading`)}</FocusHeading>
          <Alert type="ok">
            <Paragraph>{t(`${k}.done`, { sentTo: issued.sentTo })}</Paragraph>
          </Alert>
          <DataList
            items={[
              {
                key: "requestedAt",
                label: t(`${k}.issuedAt`),
                value: formatDateTime(issued.requestedAt, i18n.language),
              },
              { key: "sentTo", label: t("certificates.fields.sentTo"), value: issued.sentTo },
              ...(issued.mobile
                ? [{ key: "mobile", label: t(`${k}.smsTo`), value: issued.mobile }]
                : []),
              {
                key: "fileName",
                label: t("certificates.fields.fileName"),
                value: <span translate="no">{issued.fileName}</span>,
              },
              {
                key: "notAfter",
                label: t("certificates.fields.notAfter"),
                value: formatDate(issued.notAfter, i18n.language),
              },
            ]}
          />
          <Heading level={3} id="issued-password-heading">
            {t("certificates.password.label")}
          </Heading>
          <CertificatePassword id="issued-password" password={issued.password} />
          <Paragraph>
            <strong>{t(`${k}.passwordOnce`)}</strong>
          </Paragraph>
          <Paragraph>{t(`${k}.oldStops`)}</Paragraph>
          <Paragraph>
            <Button onClick={() => setIssued(undefined)}>{t(`${k}.close`)}</Button>
          </Paragraph>
        </div>
      ) : (
        <>
          <Paragraph>{t(`${k}.intro`)}</Paragraph>
          <SubmitForm submit={submit} submitLabel={t(`${k}.submit`)} onSubmit={onSubmit}>
            <EmailLocalPartField
              id="issue-email"
              label={t(`${k}.email`)}
              domain={domain}
              autoComplete="off"
              maxLength={64}
              value={localPart}
              onChange={setLocalPart}
              description={t(`${k}.emailHint`)}
              error={errors.emailLocalPart}
            />
            <TextField
              id="issue-mobile"
              label={t(`${k}.mobile`)}
              description={t(`${k}.mobileHint`)}
              type="tel"
              autoComplete="off"
              maxLength={32}
              value={mobile}
              onChange={(event) => setMobile(event.target.value)}
              error={errors.mobile}
            />
            <CheckboxWithHint
              id="issue-legacy"
              label={t("certificates.legacy.label")}
              hint={t("certificates.legacy.hint")}
              checked={legacy}
              onChange={(event) => setLegacy(event.target.checked)}
            />
            <Paragraph>{t(`${k}.beforeSubmit`)}</Paragraph>
          </SubmitForm>
        </>
      )}
    </section>
  );
}
