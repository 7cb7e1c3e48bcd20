import { useTranslation } from "react-i18next";
import { paths } from "#src/web/ui/account/paths.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { servicedeskPaths } from "../paths.ts";

/** The servicedesk's first page: who is logged in, and where the work is. */
export function ServicedeskHomePage() {
  const { t } = useTranslation();
  const account = useSession().session?.account;
  useDocumentTitle(t("servicedesk.home.title"));
  const tasks = [
    { to: servicedeskPaths.offices, key: "offices" },
    { to: servicedeskPaths.expiring, key: "expiring" },
    { to: servicedeskPaths.bounces, key: "bounces" },
  ] as const;
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
      <UnorderedList>
        {tasks.map((task) => (
          <UnorderedListItem key={task.key}>
            <RouterLink to={task.to}>{t(`servicedesk.certificates.${task.key}.title`)}</RouterLink>:{" "}
            {t(`servicedesk.certificates.${task.key}.summary`)}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <Paragraph>
        <RouterLink to={paths.myDetails}>{t("servicedesk.home.toMyDetails")}</RouterLink>
      </Paragraph>
    </>
  );
}
