import { useTranslation } from "react-i18next";
import { LoadNotices as AreaLoadNotices } from "#src/web/ui/components/LoadNotices.tsx";

/** Loading, or the failure to load, above a list or page of the back office. */
export function LoadNotices({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  return (
    <AreaLoadNotices
      loading={loading}
      error={error}
      loadingText={t("ehReview.loading")}
      errorText={t("ehReview.loadError")}
    />
  );
}
