import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import type { OfficeDetail } from "#src/contracts/certificates.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDate, formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { CertificatesSection } from "../components/CertificatesSection.tsx";
import { IssueCertificateSection } from "../components/IssueCertificateSection.tsx";
import { LoadNotices } from "../components/LoadNotices.tsx";
import { stateLabel } from "../components/labels.ts";
import { OfficeBouncesSection } from "../components/OfficeBouncesSection.tsx";
import { OfficeEmailSection } from "../components/OfficeEmailSection.tsx";
import { ReissueDemandSection } from "../components/ReissueDemandSection.tsx";
import { servicedeskPaths } from "../paths.ts";
import "../servicedesk.css";

/** One office: its registered address, certificates, the servicedesk's actions and bounces. */
export function OfficePage() {
  const { t } = useTranslation();
  const { officeId = "" } = useParams();
  const office = useApiData(servicedeskApi.office, { params: { officeId } });
  const data = office.data;
  const title = data?.name ?? t("servicedesk.certificates.office.title");
  useDocumentTitle(title);
  return (
    <>
      <Paragraph>
        <RouterLink to={servicedeskPaths.offices}>
          {t("servicedesk.certificates.office.back")}
        </RouterLink>
      </Paragraph>
      <Heading level={1}>{title}</Heading>
      <LoadNotices loading={!data && office.loading} error={office.error} />
      {data && <OfficeDetails office={data} reload={office.reload} />}
    </>
  );
}

function OfficeDetails({ office, reload }: { office: OfficeDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const demand = office.openReissueDemand;
  return (
    <>
      <DataList
        items={[
          {
            key: "debtor",
            label: t("servicedesk.certificates.columns.debtorNumber"),
            value: office.debtorNumber,
          },
          {
            key: "email",
            label: t("servicedesk.certificates.office.registeredEmail"),
            value: office.email,
          },
          {
            key: "state",
            label: t("servicedesk.certificates.columns.certificate"),
            value: stateLabel(office.certificateState, t),
          },
          {
            key: "notAfter",
            label: t("servicedesk.certificates.columns.notAfter"),
            value: office.certificateNotAfter
              ? formatDate(office.certificateNotAfter, i18n.language)
              : "–",
          },
        ]}
      />
      {demand && (
        <Alert type="warning">
          {t("servicedesk.certificates.office.demandOpen", {
            date: formatDateTime(demand.demandedAt, i18n.language),
            reason: demand.reason,
          })}
        </Alert>
      )}
      {office.bounces.length > 0 && (
        <Alert type="warning">
          {t("servicedesk.certificates.office.bouncesNotice", { number: office.bounces.length })}
        </Alert>
      )}
      <CertificatesSection office={office} reload={reload} />
      <IssueCertificateSection key={office.email} office={office} onIssued={reload} />
      <ReissueDemandSection office={office} onDemanded={reload} />
      <OfficeEmailSection office={office} onChanged={reload} />
      <OfficeBouncesSection office={office} />
    </>
  );
}
