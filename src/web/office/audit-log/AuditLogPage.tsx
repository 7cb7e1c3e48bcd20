import { useTranslation } from "react-i18next";
import { officeAuditLogApi } from "#src/contracts/api/audit-log.ts";
import { type OfficeAuditKind, officeAuditKindNames } from "#src/contracts/audit-log.ts";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { AuditPager } from "#src/web/ui/audit/AuditPager.tsx";
import { AuditRow, PeriodFields, useAuditFilters } from "#src/web/ui/audit/AuditParts.tsx";
import { apiQuery, dayParam, textParam } from "#src/web/ui/audit/audit-query.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { SelectField, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link, RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { Table, TableBody, TableHeadings } from "#src/web/ui/components/Table.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { isOfficeAdmin } from "../is-admin.ts";
import { officePaths } from "../paths.ts";

type Filters = {
  person: string;
  dossier: string;
  kind: OfficeAuditKind | "";
  from: string;
  to: string;
};

function readFilters(params: URLSearchParams): Filters {
  const kind = params.get("kind");
  return {
    person: textParam(params, "person").slice(0, 200),
    dossier: textParam(params, "dossier").slice(0, 50),
    kind: officeAuditKindNames.find((name) => name === kind) ?? "",
    from: dayParam(params, "from"),
    to: dayParam(params, "to"),
  };
}

/** "Auditlog": the office's audit events, for its admins only. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  useDocumentTitle(t("office.auditLog.title"));
  return (
    <>
      <Heading level={1}>{t("office.auditLog.title")}</Heading>
      {isOfficeAdmin(session) ? (
        <AuditLog />
      ) : (
        <Alert type="warning">{t("office.auditLog.noAccess")}</Alert>
      )}
    </>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const { params, applied, cursor, filters, change, onFilter } = useAuditFilters(readFilters);
  const page = useApiData(officeAuditLogApi.list, {
    query: { ...apiQuery(applied), ...(cursor ? { cursor } : {}) },
  });
  const csv = pathOf(officeAuditLogApi.exportCsv, { query: apiQuery(applied) });
  const result = page.data;

  return (
    <>
      <Paragraph appearance="lead">{t("office.auditLog.intro")}</Paragraph>
      <search className="poort-section" aria-label={t("office.auditLog.filterLabel")}>
        <form className="poort-audit-filter" noValidate onSubmit={onFilter}>
          <TextField
            id="audit-person"
            label={t("office.auditLog.filters.person")}
            description={t("office.auditLog.filters.personHint")}
            value={filters.person}
            maxLength={200}
            onChange={(event) => change({ person: event.target.value })}
          />
          <TextField
            id="audit-dossier"
            label={t("office.auditLog.filters.dossier")}
            value={filters.dossier}
            maxLength={50}
            onChange={(event) => change({ dossier: event.target.value })}
          />
          <SelectField
            id="audit-kind"
            label={t("office.auditLog.filters.kind")}
            value={filters.kind}
            onChange={(event) => change({ kind: event.target.value as Filters["kind"] })}
            options={[
              { value: "", label: t("office.auditLog.kinds.all") },
              ...officeAuditKindNames.map((kind) => ({
                value: kind,
                label: t(`office.auditLog.kinds.${kind}`),
              })),
            ]}
          />
          <PeriodFields idPrefix="audit" from={filters.from} to={filters.to} onChange={change} />
        </form>
      </search>

      <section className="poort-section" aria-labelledby="audit-results-heading">
        <Heading level={2} id="audit-results-heading">
          {t("auditLog.resultsHeading")}
        </Heading>
        <Paragraph>
          <Link href={csv} download>
            {t("office.auditLog.export")}
          </Link>{" "}
          {t("office.auditLog.exportHint")}
        </Paragraph>
        {!result && page.loading && <Paragraph>{t("account.loading")}</Paragraph>}
        {page.error !== undefined && (
          <Alert type="error">{errorMessage(page.error, t("account.errors.general"))}</Alert>
        )}
        {result && result.entries.length === 0 && (
          <Paragraph role="status">{t("auditLog.empty")}</Paragraph>
        )}
        {result && result.entries.length > 0 && (
          <Table caption={t("office.auditLog.caption")}>
            <TableHeadings
              labels={[
                t("auditLog.columns.time"),
                t("auditLog.columns.who"),
                t("auditLog.columns.what"),
                t("office.auditLog.columns.concerns"),
                t("auditLog.columns.ip"),
              ]}
            />
            <TableBody>
              {result.entries.map((entry) => (
                <AuditRow
                  key={entry.id}
                  entry={entry}
                  concerns={
                    <>
                      {entry.dossier && (
                        <RouterLink to={officePaths.dossier(entry.dossier.id)}>
                          {entry.dossier.number}
                        </RouterLink>
                      )}
                      {entry.dossier && entry.document && <br />}
                      {entry.document?.title}
                    </>
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
