import { useTranslation } from "react-i18next";
import { servicedeskAuditLogApi } from "#src/contracts/api/audit-log.ts";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { AuditPager } from "#src/web/ui/audit/AuditPager.tsx";
import { AuditRow, PeriodFields, useAuditFilters } from "#src/web/ui/audit/AuditParts.tsx";
import { apiQuery, dayParam, textParam } from "#src/web/ui/audit/audit-query.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { SelectField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { Table, TableBody, TableHeadings } from "#src/web/ui/components/Table.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { LoadNotices } from "../components/LoadNotices.tsx";
import { isServicedesk } from "../is-servicedesk.ts";
import { servicedeskPaths } from "../paths.ts";
import "../servicedesk.css";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readFilters(params: URLSearchParams) {
  return {
    officeId: textParam(params, "officeId", uuid),
    from: dayParam(params, "from"),
    to: dayParam(params, "to"),
  };
}

/** "Certificaatgebeurtenissen": issuance, revocation, demands and bounces across offices. */
export function CertificateEventsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const k = "servicedesk.certificateEvents";
  useDocumentTitle(t(`${k}.title`));
  return (
    <>
      <Heading level={1}>{t(`${k}.title`)}</Heading>
      {isServicedesk(session?.account?.role) ? (
        <CertificateEvents />
      ) : (
        <Alert type="warning">{t(`${k}.noAccess`)}</Alert>
      )}
    </>
  );
}

function CertificateEvents() {
  const { t } = useTranslation();
  const k = "servicedesk.certificateEvents";
  const { params, applied, cursor, filters, change, onFilter } = useAuditFilters(readFilters);
  const page = useApiData(servicedeskAuditLogApi.certificateEvents, {
    query: { ...apiQuery(applied), ...(cursor ? { cursor } : {}) },
  });
  const offices = useApiData(servicedeskApi.offices);
  const result = page.data;

  return (
    <>
      <Paragraph appearance="lead">{t(`${k}.intro`)}</Paragraph>
      <search className="poort-section" aria-label={t(`${k}.filterLabel`)}>
        <form className="poort-audit-filter" noValidate onSubmit={onFilter}>
          <SelectField
            id="events-office"
            label={t(`${k}.office`)}
            value={filters.officeId}
            onChange={(event) => change({ officeId: event.target.value })}
            options={[
              { value: "", label: t(`${k}.allOffices`) },
              ...(offices.data?.offices ?? []).map((office) => ({
                value: office.id,
                label: `${office.name} (${office.debtorNumber})`,
              })),
            ]}
          />
          <PeriodFields idPrefix="events" from={filters.from} to={filters.to} onChange={change} />
        </form>
      </search>
      <section className="poort-section" aria-labelledby="events-heading">
        <Heading level={2} id="events-heading">
          {t("auditLog.resultsHeading")}
        </Heading>
        <LoadNotices loading={!result && page.loading} error={page.error ?? offices.error} />
        {result && result.entries.length === 0 && (
          <Paragraph role="status">{t("auditLog.empty")}</Paragraph>
        )}
        {result && result.entries.length > 0 && (
          <Table caption={t(`${k}.caption`)}>
            <TableHeadings
              labels={[
                t("auditLog.columns.time"),
                t(`${k}.office`),
                t("auditLog.columns.who"),
                t("auditLog.columns.what"),
                t("auditLog.columns.ip"),
              ]}
            />
            <TableBody>
              {result.entries.map((entry) => (
                <AuditRow
                  key={entry.id}
                  entry={entry}
                  office={
                    entry.office ? (
                      <RouterLink to={servicedeskPaths.office(entry.office.id)}>
                        {entry.office.name}
                      </RouterLink>
                    ) : null
                  }
                  whatExtra={
                    typeof entry.details.serialNumber === "string" && (
                      <>
                        <br />
                        <small>{t(`${k}.serial`, { serial: entry.details.serialNumber })}</small>
                      </>
                    )
                  }
                />
              ))}
            </TableBody>
          </Table>
        )}
        {result && <AuditPager search={params} next={result.next} />}
      </section>
    </>
  );
}
