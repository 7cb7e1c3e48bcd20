import { useTranslation } from "react-i18next";
import { paths } from "../../ui/account/paths.ts";
import { useSession } from "../../ui/api/session.tsx";
import { DataList } from "../../ui/components/DataList.tsx";
import { Heading } from "../../ui/components/Heading.tsx";
import { RouterLink } from "../../ui/components/Link.tsx";
import { Paragraph } from "../../ui/components/Paragraph.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";

/** The servicedesk's first page: who is logged in, and the way to "Mijn gegevens". */
export function ServicedeskHomePage() {
  const { t } = useTranslation();
  const account = useSession().session?.account;
  useDocumentTitle(t("servicedesk.home.title"));
  return (
    <>
      <Heading level={1}>{t("servicedesk.home.title")}</Heading>
      <Paragraph appearance="lead">{t("servicedesk.home.intro")}</Paragraph>
      {account && (
        <DataList
          items={[
            { key: "name", label: t("account.fields.name"), value: account.name },
            { key: "email", label: t("account.fields.email"), value: account.email },
          ]}
        />
      )}
      <Paragraph>
        <RouterLink to={paths.myDetails}>{t("servicedesk.home.toMyDetails")}</RouterLink>
      </Paragraph>
    </>
  );
}
