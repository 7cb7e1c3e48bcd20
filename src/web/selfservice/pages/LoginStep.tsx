import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type RequestForm, requestFormSchema } from "../../../contracts/certificates.ts";
import { ApiError, apiRequest } from "../../ui/api/api-client.ts";
import { useSubmit } from "../../ui/api/use-submit.ts";
import { Alert } from "../../ui/components/Alert.tsx";
import { Button } from "../../ui/components/Button.tsx";
import { DataList } from "../../ui/components/DataList.tsx";
import { ErrorSummary } from "../../ui/components/ErrorSummary.tsx";
import { TextField } from "../../ui/components/FormField.tsx";
import { Heading } from "../../ui/components/Heading.tsx";
import { Paragraph } from "../../ui/components/Paragraph.tsx";
import { formatDate } from "../../ui/format.ts";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { CertificateUnreadable } from "../components/CertificateUnreadable.tsx";
import { ServicedeskContact } from "../components/ServicedeskContact.tsx";
import { StepIndicator } from "../components/StepIndicator.tsx";
import { usePresentedCertificate } from "../use-presented-certificate.ts";

interface LoginStepProps {
  /** Why the user is back here, e.g. the request took too long. */
  notice?: string;
  onLoggedIn: (form: RequestForm) => void;
}

/**
 * Step 1 (A3): the office certificate is already presented; a staff member of the office adds
 * username and password. Shows whose certificate this browser presented.
 */
export function LoginStep({ notice, onLoggedIn }: LoginStepProps) {
  const { t, i18n } = useTranslation();
  const certificate = usePresentedCertificate();
  const submit = useSubmit();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  useDocumentTitle(t("selfservice.login.title"));
  const data = certificate.data;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { email: !email.trim(), password: !password };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) {
      submit.setError(new ApiError(0, "missing", t("account.errors.fillIn")));
      return;
    }
    await submit.run(async () => {
      let answer: unknown;
      try {
        answer = await apiRequest("POST", "/api/selfservice/login", {
          body: { email: email.trim(), password },
        });
      } catch (error) {
        // A refusal without the usual error body still deserves a clear sentence.
        if (error instanceof ApiError && error.code === "unknown" && error.status === 401)
          throw new ApiError(401, "login_failed", t("selfservice.login.failed"));
        throw error;
      }
      onLoggedIn(requestFormSchema.parse(answer));
    });
  };

  return (
    <>
      <Heading level={1}>{t("selfservice.login.title")}</Heading>
      <StepIndicator step="login" />
      {notice && <Alert type="warning">{notice}</Alert>}
      {!data && certificate.error === undefined && (
        <Paragraph role="status">{t("selfservice.certificate.loading")}</Paragraph>
      )}
      {certificate.error !== undefined && (
        <CertificateUnreadable error={certificate.error} onRetry={certificate.reload} />
      )}
      {data && (
        <>
          <Paragraph appearance="lead">
            {t("selfservice.certificate.belongsTo", {
              office: data.officeName,
              debtorNumber: data.debtorNumber,
            })}
          </Paragraph>
          <DataList
            items={[
              { key: "office", label: t("selfservice.fields.office"), value: data.officeName },
              {
                key: "debtor",
                label: t("selfservice.fields.debtorNumber"),
                value: data.debtorNumber,
              },
              {
                key: "notAfter",
                label: t("selfservice.fields.currentNotAfter"),
                value: formatDate(data.notAfter, i18n.language),
              },
            ]}
          />
          <Paragraph>{t("selfservice.login.intro")}</Paragraph>
          <ErrorSummary>{submit.error?.message}</ErrorSummary>
          <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
            <TextField
              id="selfservice-username"
              label={t("selfservice.login.username")}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={missing.email ? t("selfservice.login.usernameMissing") : undefined}
            />
            <TextField
              id="selfservice-password"
              label={t("selfservice.login.password")}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={missing.password ? t("selfservice.login.passwordMissing") : undefined}
            />
            <div>
              <Button type="submit" appearance="primary-action" disabled={submit.busy}>
                {t("selfservice.login.submit")}
              </Button>
            </div>
          </form>
          <ServicedeskContact organisation={data.organisation} />
        </>
      )}
    </>
  );
}
