import { useTranslation } from "react-i18next";
import { paths } from "#src/web/ui/account/paths.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { isOfficeAdmin } from "../is-admin.ts";
import { officePaths } from "../paths.ts";

/** The back office's first page: the office, and what its staff can do here. */
export function OfficeHomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const officeName = session?.account?.officeName ?? t("office.home.title");
  useDocumentTitle(officeName);
  return (
    <>
      <Heading level={1}>{officeName}</Heading>
      <Paragraph appearance="lead">{t("office.home.intro")}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>
          <RouterLink to={officePaths.dossiers}>{t("office.dossiers.title")}</RouterLink>:{" "}
          {t("office.dossiers.homeSummary")}
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to={officePaths.messages}>{t("messages.title")}</RouterLink>:{" "}
          {t("office.messages.homeSummary")}
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to={officePaths.clients}>{t("office.clients.title")}</RouterLink>:{" "}
          {t("office.home.clients")}
        </UnorderedListItem>
        {isOfficeAdmin(session) && (
          <UnorderedListItem>
            <RouterLink to={officePaths.staff}>{t("office.staff.title")}</RouterLink>:{" "}
            {t("office.home.staff")}
          </UnorderedListItem>
        )}
        <UnorderedListItem>
          <RouterLink to={paths.myDetails}>{t("account.myDetails.title")}</RouterLink>:{" "}
          {t("office.home.myDetails")}
        </UnorderedListItem>
      </UnorderedList>
    </>
  );
}
