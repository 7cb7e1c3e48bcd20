import { useTranslation } from "react-i18next";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { BouncesTable } from "../components/BouncesTable.tsx";
import { LoadNotices } from "../components/LoadNotices.tsx";
import "../servicedesk.css";

/** Bounced mails (A9): which address, which mail, why, and the office to contact. */
export function BouncesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("servicedesk.certificates.bounces.title"));
  const list = useApiData(servicedeskApi.bounces);
  const bounces = list.data?.bounces;
  const k = "servicedesk.certificates.bounces";
  return (
    <>
      <Heading level={1}>{t(`${k}.title`)}</Heading>
      <Paragraph appearance="lead">{t(`${k}.intro`)}</Paragraph>
      <LoadNotices loading={!bounces && list.loading} error={list.error} />
      {bounces &&
        (bounces.length === 0 ? (
          <Paragraph>{t(`${k}.none`)}</Paragraph>
        ) : (
          <BouncesTable caption={t(`${k}.caption`)} bounces={bounces} allOffices />
        ))}
    </>
  );
}
