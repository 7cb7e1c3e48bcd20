import { useTranslation } from "react-i18next";
import { LoadNotices as AreaLoadNotices } from "#src/web/ui/components/LoadNotices.tsx";

/** Loading, or the failure to load, above a list or page of the servicedesk. */
export function LoadNotices({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  return (
    <AreaLoadNotices
      loading={loading}
      error={error}
      loadingText={t("servicedesk.certificates.loading")}
      errorText={t("servicedesk.certificates.loadError")}
    />
  );
}
