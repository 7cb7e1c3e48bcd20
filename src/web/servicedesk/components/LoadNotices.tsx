import { useTranslation } from "react-i18next";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";

/** Loading, or the failure to load, above a list or page. */
export function LoadNotices({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      {loading && <Paragraph role="status">{t("servicedesk.certificates.loading")}</Paragraph>}
      {error !== undefined && (
        <Alert type="error">{errorMessage(error, t("servicedesk.certificates.loadError"))}</Alert>
      )}
    </>
  );
}
