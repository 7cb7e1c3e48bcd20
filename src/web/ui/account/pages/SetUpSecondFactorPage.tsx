import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { useSession } from "#src/web/ui/api/session.tsx";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { useAccountArea } from "../account-area.tsx";
import { mustSetUpSecondFactor } from "../login-outcome.ts";
import { paths } from "../paths.ts";
import { SecondFactorSetup } from "../two-factor/SecondFactorSetup.tsx";
import "../account.css";

/**
 * Every account but a client's must set up a second step before anything else: an app, or SMS
 * (an eHerkenning means: the one its level needs).
 */
export function SetUpSecondFactorPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const { homePath } = useAccountArea();
  const navigate = useNavigate();
  const firstLogin = Boolean((useLocation().state as { firstLogin?: boolean } | null)?.firstLogin);
  useDocumentTitle(t("account.setUp.title"));

  const finish = async () => {
    await refresh();
    // As every first login, the first one of staff goes on to "Mijn gegevens".
    navigate(firstLogin ? paths.myDetails : homePath, { replace: true, state: { firstLogin } });
  };

  const needed = session?.account ? mustSetUpSecondFactor(session.account) : false;
  return (
    <>
      <Heading level={1}>{t("account.setUp.title")}</Heading>
      {needed ? (
        <>
          <Alert type="info">{t("account.setUp.required")}</Alert>
          {/* An account held to one method is told which, in place of the choice. */}
          {!session?.account?.requiredSecondFactor && (
            <Paragraph>{t("account.setUp.intro")}</Paragraph>
          )}
          <SecondFactorSetup onDone={() => void finish()} headingLevel={2} />
        </>
      ) : (
        <Paragraph>{t("account.setUp.done")}</Paragraph>
      )}
    </>
  );
}
