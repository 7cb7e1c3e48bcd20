import { useTranslation } from "react-i18next";
import { FocusHeading } from "../../ui/components/FocusHeading.tsx";
import { RouterLink } from "../../ui/components/Link.tsx";
import { Paragraph } from "../../ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "../../ui/components/UnorderedList.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { paths } from "../paths.ts";

/** A mailed link that expired or was used already, with the ways forward. */
export function LinkInvalid() {
  const { t } = useTranslation();
  useDocumentTitle(t("portal.linkInvalid.title"));
  return (
    <>
      <FocusHeading level={1}>{t("portal.linkInvalid.title")}</FocusHeading>
      <Paragraph>{t("portal.linkInvalid.body")}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>{t("portal.linkInvalid.invitation")}</UnorderedListItem>
        <UnorderedListItem>
          {t("portal.linkInvalid.reset")}{" "}
          <RouterLink to={paths.forgotPassword}>{t("portal.linkInvalid.resetLink")}</RouterLink>
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to={paths.login}>{t("portal.linkInvalid.login")}</RouterLink>
        </UnorderedListItem>
      </UnorderedList>
    </>
  );
}
