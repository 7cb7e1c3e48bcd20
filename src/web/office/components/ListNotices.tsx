import { useTranslation } from "react-i18next";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import type { RowAction } from "../use-row-action.ts";

/**
 * Above a list or a page: loading, a failure to fetch it, and (with `action`) the outcome of
 * the last row action.
 */
export function ListNotices({
  loading,
  loadError,
  action,
}: {
  loading: boolean;
  loadError: unknown;
  action?: RowAction;
}) {
  const { t } = useTranslation();
  return (
    <>
      {loading && <Paragraph>{t("account.loading")}</Paragraph>}
      {loadError !== undefined && (
        <Alert type="error">{errorMessage(loadError, t("account.errors.general"))}</Alert>
      )}
      <ErrorSummary>{action?.error?.message}</ErrorSummary>
      {action?.notice && <Alert type="ok">{action.notice}</Alert>}
    </>
  );
}
