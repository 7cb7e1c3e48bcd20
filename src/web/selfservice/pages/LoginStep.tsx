import { useTranslation } from "react-i18next";
import { selfserviceApi } from "#src/contracts/api/selfservice.ts";
import type { RequestForm } from "#src/contracts/certificates.ts";
import { type LoginCredentials, LoginForm } from "#src/web/ui/account/LoginForm.tsx";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { CertificateLoadNotices } from "../components/CertificateUnreadable.tsx";
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
  useDocumentTitle(t("selfservice.login.title"));
  const data = certificate.data;

  const onLogin = async ({ email, password }: LoginCredentials) => {
    let answer: RequestForm;
    try {
      answer = await callApi(selfserviceApi.logIn, { body: { email, password } });
    } catch (error) {
      // A refusal without the usual error body still deserves a clear sentence.
      if (error instanceof ApiError && error.code === "unknown" && error.status === 401)
        throw new ApiError(401, "login_failed", t("selfservice.login.failed"));
      throw error;
    }
    onLoggedIn(answer);
  };

  return (
    <>
      <Heading level={1}>{t("selfservice.login.title")}</Heading>
      <StepIndicator step="login" />
      {notice && <Alert type="warning">{notice}</Alert>}
      <CertificateLoadNotices certificate={certificate} />
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
          <LoginForm
            ids={{ email: "selfservice-username", password: "selfservice-password" }}
            text={{
              email: t("selfservice.login.username"),
              password: t("selfservice.login.password"),
              emailMissing: t("selfservice.login.usernameMissing"),
              passwordMissing: t("selfservice.login.passwordMissing"),
              submit: t("selfservice.login.submit"),
            }}
            emailAutoComplete="username"
            onLogin={onLogin}
          />
          <ServicedeskContact organisation={data.organisation} />
        </>
      )}
    </>
  );
}
