import { useTranslation } from "react-i18next";
import { Heading } from "../components/Heading.tsx";
import { Paragraph } from "../components/Paragraph.tsx";
import { useDocumentTitle } from "../use-document-title.ts";

/** Shown inside the page shell when a page throws, instead of React Router's bare default. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("routeError.title"));
  return (
    <>
      <Heading level={1}>{t("routeError.title")}</Heading>
      <Paragraph>{t("routeError.body")}</Paragraph>
    </>
  );
}
