import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiRequest } from "../../api/api-client.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { FocusHeading } from "../../components/FocusHeading.tsx";
import { Heading } from "../../components/Heading.tsx";
import { RouterLink } from "../../components/Link.tsx";
import { Paragraph } from "../../components/Paragraph.tsx";
import { useDocumentTitle } from "../../use-document-title.ts";
import { useAccountArea } from "../account-area.tsx";
import { paths } from "../paths.ts";
import { SingleFieldForm } from "../SingleFieldForm.tsx";
import "../account.css";

/** "Wachtwoord vergeten?": a reset link by mail. The answer never tells whether the address is known. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const submit = useSubmit();
  const { area } = useAccountArea();
  const [sent, setSent] = useState(false);
  useDocumentTitle(t("account.forgotPassword.title"));

  if (sent)
    return (
      <>
        <FocusHeading level={1}>{t("account.forgotPassword.sentTitle")}</FocusHeading>
        <Paragraph>{t("account.forgotPassword.sentBody")}</Paragraph>
        <Paragraph>
          <RouterLink to={paths.login}>{t("account.backToLogin")}</RouterLink>
        </Paragraph>
      </>
    );

  return (
    <>
      <Heading level={1}>{t("account.forgotPassword.title")}</Heading>
      <Paragraph>{t("account.forgotPassword.intro")}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <SingleFieldForm
        field={{
          id: "forgot-email",
          label: t("account.fields.email"),
          type: "email",
          autoComplete: "email",
        }}
        missingError={t("account.errors.emailMissing")}
        submitLabel={t("account.forgotPassword.submit")}
        submit={submit}
        onSubmit={async (email) => {
          await apiRequest("POST", "/api/auth/password-reset", { body: { area, email } });
          setSent(true);
        }}
      />
      <Paragraph>
        <RouterLink to={paths.login}>{t("account.backToLogin")}</RouterLink>
      </Paragraph>
    </>
  );
}
