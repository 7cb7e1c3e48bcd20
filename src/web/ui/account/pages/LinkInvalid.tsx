import { useTranslation } from "react-i18next";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { audienceKey, useAccountArea } from "../account-area.tsx";
import { paths } from "../paths.ts";

/** A mailed link that expired or was used already, with the ways forward. */
export function LinkInvalid() {
  const { t } = useTranslation();
  const { area } = useAccountArea();
  useDocumentTitle(t("account.linkInvalid.title"));
  return (
    <>
      <FocusHeading level={1}>{t("account.linkInvalid.title")}</FocusHeading>
      <Paragraph>{t("account.linkInvalid.body")}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>{t(audienceKey(area, "linkInvalidInvitation"))}</UnorderedListItem>
        <UnorderedListItem>
          {t("account.linkInvalid.reset")}{" "}
          <RouterLink to={paths.forgotPassword}>{t("account.linkInvalid.resetLink")}</RouterLink>
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to={paths.login}>{t("account.linkInvalid.login")}</RouterLink>
        </UnorderedListItem>
      </UnorderedList>
    </>
  );
}
