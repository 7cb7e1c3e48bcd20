import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiRequest } from "../../ui/api/api-client.ts";
import { useSubmit } from "../../ui/api/use-submit.ts";
import { Button } from "../../ui/components/Button.tsx";
import { ErrorSummary } from "../../ui/components/ErrorSummary.tsx";
import { FocusHeading } from "../../ui/components/FocusHeading.tsx";
import { TextField } from "../../ui/components/FormField.tsx";
import { Heading } from "../../ui/components/Heading.tsx";
import { RouterLink } from "../../ui/components/Link.tsx";
import { Paragraph } from "../../ui/components/Paragraph.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { paths } from "../paths.ts";
import "../portal.css";

/** "Wachtwoord vergeten?": a reset link by mail. The answer never tells whether the address is known. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [email, setEmail] = useState("");
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);
  useDocumentTitle(t("portal.forgotPassword.title"));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!email.trim());
    if (!email.trim()) {
      submit.setError(new ApiError(0, "missing", t("portal.errors.fillIn")));
      return;
    }
    const ok = await submit.run(async () => {
      await apiRequest("POST", "/api/auth/password-reset", {
        body: { area: "portal", email: email.trim() },
      });
    });
    setSent(ok);
  };

  if (sent)
    return (
      <>
        <FocusHeading level={1}>{t("portal.forgotPassword.sentTitle")}</FocusHeading>
        <Paragraph>{t("portal.forgotPassword.sentBody")}</Paragraph>
        <Paragraph>
          <RouterLink to={paths.login}>{t("portal.backToLogin")}</RouterLink>
        </Paragraph>
      </>
    );

  return (
    <>
      <Heading level={1}>{t("portal.forgotPassword.title")}</Heading>
      <Paragraph>{t("portal.forgotPassword.intro")}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="forgot-email"
          label={t("portal.fields.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={missing ? t("portal.errors.emailMissing") : undefined}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("portal.forgotPassword.submit")}
          </Button>
        </div>
      </form>
      <Paragraph>
        <RouterLink to={paths.login}>{t("portal.backToLogin")}</RouterLink>
      </Paragraph>
    </>
  );
}
