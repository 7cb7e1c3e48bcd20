import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { selfserviceApi } from "#src/contracts/api/selfservice.ts";
import type {
  RequestConfirmation,
  RequestForm,
  SubmitRequest,
} from "#src/contracts/certificates.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { CheckboxWithHint } from "#src/web/ui/components/CheckboxWithHint.tsx";
import {
  type FieldProblem,
  localPartProblem,
  mobileProblem,
} from "#src/web/ui/components/certificate-fields.ts";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { EmailLocalPartField, splitEmail } from "#src/web/ui/components/EmailLocalPartField.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { ButtonGroup, TextField } from "#src/web/ui/components/FormField.tsx";
import { Link } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { RichText } from "#src/web/ui/components/RichText.tsx";
import { serverFieldErrors } from "#src/web/ui/components/server-field-errors.ts";
import { VisuallyHidden } from "#src/web/ui/components/VisuallyHidden.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { ServicedeskContact } from "../components/ServicedeskContact.tsx";
import { StepIndicator } from "../components/StepIndicator.tsx";

const fields = ["emailLocalPart", "mobile", "acceptTerms"] as const;
type Field = (typeof fields)[number];

/** The id of each field's control, for the links in the error summary. */
const controlIds: Record<Field, string> = {
  emailLocalPart: "request-email",
  mobile: "request-phone",
  acceptTerms: "request-terms",
};

interface RequestStepProps {
  form: RequestForm;
  onConfirmed: (confirmation: RequestConfirmation) => void;
  /** Back to the login, e.g. when the request token ran out; with the reason. */
  onLoginAgain: (notice?: string) => void;
}

/**
 * Step 2, "Certificaat aanvragen" (A4, A11): the address (only the part before the @ may
 * change), an optional mobile number for the SMS with the password, the legacy format and the
 * consent to the General Terms. Pressing the button issues the certificate at once (A5).
 */
export function RequestStep({ form, onConfirmed, onLoginAgain }: RequestStepProps) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const organisation = form.organisation;
  const [localPart, setLocalPart] = useState(splitEmail(form.registeredEmail).localPart);
  const [usePhone, setUsePhone] = useState(false);
  const [mobile, setMobile] = useState("");
  const [legacy, setLegacy] = useState(false);
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(t("selfservice.request.title"));

  const problemText = (field: Field, problem: FieldProblem) =>
    t(`selfservice.request.errors.${field}.${problem}`);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: Partial<Record<Field, string>> = {};
    const local = localPartProblem(localPart);
    if (local) found.emailLocalPart = problemText("emailLocalPart", local);
    const phone = usePhone ? mobileProblem(mobile) : undefined;
    if (phone) found.mobile = problemText("mobile", phone);
    if (!acceptTerms) found.acceptTerms = problemText("acceptTerms", "missing");
    setErrors(found);
    if (Object.keys(found).length > 0) {
      submit.setError(new ApiError(0, "invalid", t("account.errors.fixFields")));
      return;
    }
    const body: SubmitRequest = {
      requestToken: form.requestToken,
      emailLocalPart: localPart.trim(),
      ...(usePhone ? { mobile: mobile.trim() } : {}),
      acceptTerms: true,
      legacyPkcs12: legacy,
    };
    const outcome: { expired?: ApiError } = {};
    await submit.run(async () => {
      try {
        onConfirmed(await callApi(selfserviceApi.submitRequest, { body }));
      } catch (error) {
        if (error instanceof ApiError) {
          if ([401, 403, 410].includes(error.status)) outcome.expired = error;
          setErrors(serverFieldErrors(error, fields));
        }
        throw error;
      }
    });
    // The request token ran out (or the login no longer holds): log in again, saying why.
    const expired = outcome.expired;
    if (expired)
      onLoginAgain(expired.code === "unknown" ? t("selfservice.login.expired") : expired.message);
  };

  const fieldLinks = fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ id: controlIds[field], message }] : [];
  });

  return (
    <>
      <FocusHeading level={1}>{t("selfservice.request.title")}</FocusHeading>
      <StepIndicator step="request" />
      {form.reissueDemanded && (
        <Alert type="warning">
          <Paragraph>
            <strong>{t("selfservice.request.reissueDemanded")}</strong>
          </Paragraph>
        </Alert>
      )}
      <Paragraph>
        <RichText
          text={t("selfservice.request.intro", {
            office: form.officeName,
            debtorNumber: form.debtorNumber,
          })}
          parts={{
            office: () => (
              <strong>
                {form.officeName} ({form.debtorNumber})
              </strong>
            ),
            info: (inner) => (
              <Link href={organisation.infoUrl} target="_blank" rel="noopener noreferrer">
                {inner}
                <VisuallyHidden> {t("selfservice.newWindow")}</VisuallyHidden>
              </Link>
            ),
          }}
        />
      </Paragraph>
      <DataList
        items={[
          {
            key: "office",
            label: t("selfservice.fields.office"),
            value: `${form.officeName} (${form.debtorNumber})`,
          },
          {
            key: "notAfter",
            label: t("selfservice.fields.currentNotAfter"),
            value: formatDate(form.currentNotAfter, i18n.language),
          },
        ]}
      />
      <Paragraph>{t("selfservice.request.emailText")}</Paragraph>
      <ServicedeskContact organisation={organisation} />

      <FieldErrorSummary message={submit.error?.message} fields={fieldLinks} attempt={attempt} />
      <form
        className="poort-form poort-request-form"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
      >
        <EmailLocalPartField
          id={controlIds.emailLocalPart}
          label={t("selfservice.request.email")}
          domain={form.emailDomain}
          autoComplete="off"
          maxLength={64}
          value={localPart}
          onChange={setLocalPart}
          error={errors.emailLocalPart}
          description={
            <RichText
              text={t("selfservice.request.emailHint", { domain: form.emailDomain })}
              parts={{
                memberAdministration: () => (
                  <Link href={`mailto:${organisation.memberAdministrationEmail}`}>
                    {organisation.memberAdministrationEmail}
                  </Link>
                ),
              }}
            />
          }
        />
        <CheckboxWithHint
          id="request-use-phone"
          label={t("selfservice.request.usePhone")}
          hint={t("selfservice.request.usePhoneHint")}
          checked={usePhone}
          onChange={(event) => setUsePhone(event.target.checked)}
        />
        {usePhone && (
          <TextField
            id={controlIds.mobile}
            label={t("selfservice.request.phone")}
            description={t("selfservice.request.phoneHint")}
            type="tel"
            autoComplete="tel"
            maxLength={32}
            value={mobile}
            onChange={(event) => setMobile(event.target.value)}
            error={errors.mobile}
          />
        )}
        <div className="poort-request-form__secondary">
          <CheckboxWithHint
            id="request-legacy"
            label={t("certificates.legacy.label")}
            hint={t("certificates.legacy.hint")}
            checked={legacy}
            onChange={(event) => setLegacy(event.target.checked)}
          />
        </div>
        <div className="poort-request-form__terms">
          <Paragraph>
            <RichText
              text={t("selfservice.request.termsIntro")}
              parts={{
                terms: (inner) => (
                  <Link href={organisation.termsUrl} target="_blank" rel="noopener noreferrer">
                    {inner}
                    <VisuallyHidden> {t("selfservice.newWindow")}</VisuallyHidden>
                  </Link>
                ),
              }}
            />
          </Paragraph>
          <CheckboxWithHint
            id={controlIds.acceptTerms}
            label={t("selfservice.request.terms")}
            required
            error={errors.acceptTerms}
            checked={acceptTerms}
            onChange={(event) => setAcceptTerms(event.target.checked)}
          />
        </div>
        <Paragraph>
          {t("selfservice.request.afterSubmit", { registeredEmail: form.registeredEmail })}
        </Paragraph>
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action"
            disabled={submit.busy}
            aria-describedby={submit.busy ? "request-busy" : undefined}
          >
            {t("selfservice.request.submit")}
          </Button>
          <Button appearance="subtle" disabled={submit.busy} onClick={() => onLoginAgain()}>
            {t("selfservice.request.cancel")}
          </Button>
        </ButtonGroup>
        <p id="request-busy" className="utrecht-paragraph" role="status">
          {submit.busy ? t("selfservice.request.submitting") : ""}
        </p>
      </form>
    </>
  );
}
