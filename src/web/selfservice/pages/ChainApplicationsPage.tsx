import { useTranslation } from "react-i18next";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { CertificateLoadNotices } from "../components/CertificateUnreadable.tsx";
import { ServicedeskContact } from "../components/ServicedeskContact.tsx";
import { selfservicePaths } from "../paths.ts";
import { usePresentedCertificate } from "../use-presented-certificate.ts";
import "../selfservice.css";

/**
 * The chain applications' page (A12): reached only with a valid office certificate, it says
 * whose certificate this browser presented and leads to the self-service.
 */
export function ChainApplicationsPage() {
  const { t, i18n } = useTranslation();
  const certificate = usePresentedCertificate();
  const data = certificate.data;
  useDocumentTitle(t("selfservice.chain.title"));
  return (
    <>
      <Heading level={1}>{t("selfservice.chain.title")}</Heading>
      <CertificateLoadNotices certificate={certificate} />
      {data && (
        <>
          <Paragraph appearance="lead">
            {t("selfservice.chain.signedIn", {
              office: data.officeName,
              debtorNumber: data.debtorNumber,
            })}
          </Paragraph>
          <DataList
            items={[
              {
                key: "office",
                label: t("selfservice.fields.office"),
                value: data.officeName,
              },
              {
                key: "debtor",
                label: t("selfservice.fields.debtorNumber"),
                value: data.debtorNumber,
              },
              {
                key: "serial",
                label: t("certificates.fields.serialNumber"),
                value: <span translate="no">{data.serialNumber}</span>,
              },
              {
                key: "notAfter",
                label: t("certificates.fields.notAfter"),
                value: formatDate(data.notAfter, i18n.language),
              },
            ]}
          />
          <Heading level={2}>{t("selfservice.chain.renewHeading")}</Heading>
          <Paragraph>{t("selfservice.chain.renewIntro")}</Paragraph>
          <Paragraph>
            <RouterLink to={selfservicePaths.certificate}>
              {t("selfservice.chain.toRequest")}
            </RouterLink>
          </Paragraph>
          <ServicedeskContact organisation={data.organisation} />
        </>
      )}
      {certificate.error !== undefined && <Paragraph>{t("areas.selfservice.access")}</Paragraph>}
    </>
  );
}
