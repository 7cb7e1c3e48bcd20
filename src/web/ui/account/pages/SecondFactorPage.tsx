import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import type { LoginOutcome } from "#src/contracts/accounts.ts";
import { isLoggedIn, useSession } from "#src/web/ui/api/session.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { useAccountArea } from "../account-area.tsx";
import { nextPath, nextState } from "../login-outcome.ts";
import { paths } from "../paths.ts";
import { SecondFactorForm } from "../SecondFactorForm.tsx";
import "../account.css";

/** Step 2 of the login: the code by SMS or from the app, or a recovery code. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, refresh } = useSession();
  const { homePath } = useAccountArea();
  useDocumentTitle(t("account.secondFactor.title"));

  if (!session) return <Paragraph>{t("account.loading")}</Paragraph>;
  if (isLoggedIn(session)) return <Navigate to={homePath} replace />;
  if (!session.account || session.stage !== "second-factor")
    return <Navigate to={paths.login} replace />;

  const onVerified = async (outcome: LoginOutcome) => {
    await refresh();
    navigate(nextPath(outcome, homePath), { replace: true, state: nextState(outcome) });
  };

  return (
    <>
      <Heading level={1}>{t("account.secondFactor.title")}</Heading>
      <SecondFactorForm
        appMethod={session.account.twoFactorMethod === "totp" ? "totp" : "sms"}
        onVerified={onVerified}
      />
    </>
  );
}
