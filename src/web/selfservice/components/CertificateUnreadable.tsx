import { useTranslation } from "react-i18next";
import { ApiError } from "#src/web/ui/api/api-client.ts";
import type { ApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";

/**
 * The presented certificate could not be read. The server answers a missing, expired or
 * revoked certificate with its own page, so here it is most likely a passing fault.
 */
export function CertificateUnreadable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const serverSays = error instanceof ApiError && error.code !== "unknown" ? error.message : "";
  return (
    <>
      <Alert type="error">
        <Paragraph>{t("selfservice.certificate.loadError")}</Paragraph>
        {serverSays && <Paragraph>{serverSays}</Paragraph>}
      </Alert>
      <Paragraph>
        <Button onClick={onRetry}>{t("selfservice.certificate.retry")}</Button>
      </Paragraph>
    </>
  );
}

/** While the presented certificate is read: that it is being read, or why it could not be. */
export function CertificateLoadNotices({ certificate }: { certificate: ApiData<unknown> }) {
  const { t } = useTranslation();
  if (certificate.error !== undefined)
    return <CertificateUnreadable error={certificate.error} onRetry={certificate.reload} />;
  if (!certificate.data)
    return <Paragraph role="status">{t("selfservice.certificate.loading")}</Paragraph>;
  return null;
}
