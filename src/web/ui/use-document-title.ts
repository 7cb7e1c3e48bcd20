import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Names the browser tab after the page, so tabs and history entries can be told apart. */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const appName = t("app.name");
  useEffect(() => {
    document.title = `${pageTitle} – ${appName}`;
  }, [pageTitle, appName]);
}
