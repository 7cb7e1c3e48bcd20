import { useState } from "react";
import { useTranslation } from "react-i18next";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
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
          await callApi(accountApi.requestPasswordReset, { body: { area, email } });
          setSent(true);
        }}
      />
      <Paragraph>
        <RouterLink to={paths.login}>{t("account.backToLogin")}</RouterLink>
      </Paragraph>
    </>
  );
}
