import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiRequest } from "../../api/api-client.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { FocusHeading } from "../../components/FocusHeading.tsx";
import { TextField } from "../../components/FormField.tsx";
import { Heading } from "../../components/Heading.tsx";
import { RouterLink } from "../../components/Link.tsx";
import { Paragraph } from "../../components/Paragraph.tsx";
import { useDocumentTitle } from "../../use-document-title.ts";
import { useAccountArea } from "../account-area.tsx";
import { paths } from "../paths.ts";
import "../account.css";

/** "Wachtwoord vergeten?": a reset link by mail. The answer never tells whether the address is known. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const submit = useSubmit();
  const { area } = useAccountArea();
  const [email, setEmail] = useState("");
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);
  useDocumentTitle(t("account.forgotPassword.title"));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!email.trim());
    if (!email.trim()) {
      submit.setError(new ApiError(0, "missing", t("account.errors.fillIn")));
      return;
    }
    const ok = await submit.run(async () => {
      await apiRequest("POST", "/api/auth/password-reset", {
        body: { area, email: email.trim() },
      });
    });
    setSent(ok);
  };

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
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="forgot-email"
          label={t("account.fields.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={missing ? t("account.errors.emailMissing") : undefined}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("account.forgotPassword.submit")}
          </Button>
        </div>
      </form>
      <Paragraph>
        <RouterLink to={paths.login}>{t("account.backToLogin")}</RouterLink>
      </Paragraph>
    </>
  );
}
