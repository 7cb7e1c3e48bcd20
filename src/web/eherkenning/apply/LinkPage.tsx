import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useParams } from "react-router";
import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { applyPaths } from "./apply-paths.ts";

/**
 * The mailed link (`/eherkenning/aanvragen/link/:token`): this browser holds the application
 * again, then shows it where it stands: the wizard while a draft, else the follow page.
 */
export function LinkPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const [outcome, setOutcome] = useState<{ draft: boolean } | { error: string }>();
  const started = useRef(false);
  useDocumentTitle(t("ehApply.link.title"));

  useEffect(() => {
    // Once: React's development double effect must not spend the rate limit twice.
    if (started.current) return;
    started.current = true;
    callApi(eherkenningApplyApi.restoreFromLink, { body: { token } }).then(
      (view) => setOutcome({ draft: view.state === "draft" }),
      (error: unknown) => setOutcome({ error: errorMessage(error, t("ehApply.errors.general")) }),
    );
  }, [token, t]);

  if (outcome && "draft" in outcome) {
    return <Navigate to={outcome.draft ? applyPaths.wizard : applyPaths.follow} replace />;
  }
  return (
    <>
      <Heading level={1}>{t("ehApply.link.title")}</Heading>
      {outcome ? (
        <>
          <Alert type="error">{outcome.error}</Alert>
          <Paragraph>
            <RouterLink to={applyPaths.wizard}>{t("ehApply.follow.startNew")}</RouterLink>
          </Paragraph>
        </>
      ) : (
        <Paragraph role="status">{t("ehApply.loading")}</Paragraph>
      )}
    </>
  );
}
