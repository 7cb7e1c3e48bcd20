import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { dataExportApi } from "#src/contracts/api/data-export.ts";
import type { DataExport } from "#src/contracts/data-export.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { ButtonLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatFileSize } from "#src/web/ui/format.ts";
import { formatDutchMoment } from "./describe-browser.ts";

/** While an export is being prepared, the page looks again this often. */
const POLL_MS = 5_000;

const inProgress = (latest: DataExport | null | undefined) =>
  latest?.state === "requested" || latest?.state === "preparing";

/**
 * "Mijn gegevens downloaden" (GDPR right of access, issue 19): the client asks for one archive
 * of everything Poort holds about them, is mailed when it is ready, and downloads it here for
 * a week.
 */
export function DataExportSection() {
  const { t, i18n } = useTranslation();
  const overview = useApiData(dataExportApi.overview);
  const submit = useSubmit();
  const latest = overview.data?.latest;
  const preparing = inProgress(latest);
  const { reload } = overview;

  // The job runs in the background: the page follows it until the archive is ready.
  useEffect(() => {
    if (!preparing) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [preparing, reload]);

  const request = async () => {
    const ok = await submit.run(async () => {
      await callApi(dataExportApi.request);
    });
    if (ok) reload();
  };
  const moment = (iso: string | null) => (iso ? formatDutchMoment(iso, i18n.language) : "");
  const canRequest = !preparing && (overview.data?.requestsLeftToday ?? 0) > 0;

  return (
    <section className="poort-section" aria-labelledby="data-export-heading">
      <Heading level={2} id="data-export-heading">
        {t("account.myDetails.dataExport.heading")}
      </Heading>
      <Paragraph>{t("account.myDetails.dataExport.intro")}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {overview.error !== undefined && (
        <Alert type="error">{errorMessage(overview.error, t("account.errors.general"))}</Alert>
      )}
      <div aria-live="polite">
        {latest && preparing && (
          <Alert type="info">
            {t(`account.myDetails.dataExport.${latest.state}`, {
              when: moment(latest.requestedAt),
            })}
          </Alert>
        )}
        {latest?.state === "ready" && latest.size !== null && (
          <Alert type="ok">
            {t("account.myDetails.dataExport.ready", {
              size: formatFileSize(latest.size, i18n.language),
              until: moment(latest.expiresAt),
            })}
          </Alert>
        )}
        {latest?.state === "expired" && (
          <Paragraph>
            {t("account.myDetails.dataExport.expired", { when: moment(latest.expiresAt) })}
          </Paragraph>
        )}
        {latest?.state === "failed" && (
          <Alert type="error">{t("account.myDetails.dataExport.failed")}</Alert>
        )}
      </div>
      {latest?.state === "ready" && (
        <Paragraph>
          <ButtonLink
            href={pathOf(dataExportApi.download, { params: { exportId: latest.id } })}
            download
          >
            {t("account.myDetails.dataExport.download")}
          </ButtonLink>
        </Paragraph>
      )}
      {overview.data && !preparing && (
        <>
          {overview.data.requestsLeftToday === 0 && (
            <Paragraph>{t("account.myDetails.dataExport.limitReached")}</Paragraph>
          )}
          <Button
            appearance={latest?.state === "ready" ? "secondary-action" : "primary-action"}
            disabled={submit.busy || !canRequest}
            onClick={() => void request()}
          >
            {t(
              latest
                ? "account.myDetails.dataExport.requestAgain"
                : "account.myDetails.dataExport.request",
            )}
          </Button>
        </>
      )}
    </section>
  );
}
