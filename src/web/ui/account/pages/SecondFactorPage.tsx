import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { isLoggedIn, useSession } from "#src/web/ui/api/session.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { useAccountArea } from "../account-area.tsx";
import type { LoginStepState } from "../login-outcome.ts";
import { paths } from "../paths.ts";
import { SecondFactorForm } from "../SecondFactorForm.tsx";
import { useLoginStep } from "../use-login-step.ts";
import "../account.css";

/** Step 2 of the login: the code by SMS or from the app, or a recovery code. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const { from } = (useLocation().state ?? {}) as Partial<LoginStepState>;
  const { session } = useSession();
  const { homePath } = useAccountArea();
  const step = useLoginStep(homePath);
  useDocumentTitle(t("account.secondFactor.title"));

  if (!session) return <Paragraph>{t("account.loading")}</Paragraph>;
  // Once the code is accepted the session is complete, and the step leads on by itself.
  if (!step.leaving) {
    if (isLoggedIn(session)) return <Navigate to={homePath} replace />;
    if (!session.account || session.stage !== "second-factor")
      return <Navigate to={paths.login} replace />;
  }

  return (
    <>
      <Heading level={1}>{t("account.secondFactor.title")}</Heading>
      <SecondFactorForm
        appMethod={session.account?.twoFactorMethod === "totp" ? "totp" : "sms"}
        onVerified={(outcome) => step.proceed(outcome, from)}
      />
    </>
  );
}
