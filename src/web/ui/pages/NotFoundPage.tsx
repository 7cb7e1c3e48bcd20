import { useTranslation } from "react-i18next";
import { type AppId, appNameKey } from "../areas.ts";
import { Heading } from "../components/Heading.tsx";
import { Link, RouterLink } from "../components/Link.tsx";
import { Paragraph } from "../components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "../components/UnorderedList.tsx";
import { useDocumentTitle } from "../use-document-title.ts";

/** Any path inside an app that no route claims; `app` is absent on the start app. */
export function NotFoundPage({ app }: { app?: AppId }) {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return (
    <>
      <Heading level={1}>{t("notFound.title")}</Heading>
      <Paragraph>{t("notFound.body")}</Paragraph>
      <UnorderedList>
        {app && (
          <UnorderedListItem>
            <RouterLink to="/">{t("notFound.toApp", { app: t(appNameKey(app)) })}</RouterLink>
          </UnorderedListItem>
        )}
        <UnorderedListItem>
          <Link href="/">{t("notFound.toStart")}</Link>
        </UnorderedListItem>
      </UnorderedList>
    </>
  );
}
