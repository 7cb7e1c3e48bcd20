import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { officeApi } from "#src/contracts/api/office.ts";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { SelectField, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterButtonLink, RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { AddStatusForm } from "../components/AddStatusForm.tsx";
import { Pagination } from "../components/Pagination.tsx";
import {
  type DossierListQuery,
  dossierApiQuery,
  pageCount,
  readDossierQuery,
  writeDossierQuery,
} from "../dossiers/dossier-query.ts";
import { handlerFilterOptions, statusLabel } from "../dossiers/labels.ts";
import { isOfficeAdmin } from "../is-admin.ts";
import { officePaths } from "../paths.ts";
import "../dossiers/dossiers.css";

/**
 * "Dossiers": the office's dossiers, searched by number, description or client name, filtered
 * by status and handler, 25 to a page. The search, filters and page live in the address, so
 * they survive a reload and the back button.
 */
export function DossiersPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const query = readDossierQuery(params);
  const list = useApiData(officeApi.dossiers, { query: dossierApiQuery(query) });
  const options = useApiData(officeApi.dossierOptions);
  const [q, setQ] = useState(query.q);
  useDocumentTitle(t("office.dossiers.title"));

  // The back button changes the address: the search box follows it.
  useEffect(() => setQ(query.q), [query.q]);

  const apply = (change: Partial<DossierListQuery>) =>
    setParams(writeDossierQuery({ ...query, q, ...change, page: 1 }));

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    apply({});
  };

  const result = list.data;
  const pages = result ? pageCount(result.total, result.pageSize) : 1;
  const pageLink = (page: number) => ({ search: writeDossierQuery({ ...query, page }).toString() });
  const statuses = options.data?.statuses ?? [];
  const handlers = options.data?.handlers ?? [];

  return (
    <>
      <Heading level={1}>{t("office.dossiers.title")}</Heading>
      <Paragraph className="poort-dossier-new">
        <RouterButtonLink to={officePaths.newDossier}>{t("office.dossiers.new")}</RouterButtonLink>
      </Paragraph>

      {options.error !== undefined && (
        <Alert type="error">{errorMessage(options.error, t("account.errors.general"))}</Alert>
      )}
      <search className="poort-section" aria-label={t("office.dossiers.list.searchLabel")}>
        <form className="poort-dossier-filters" noValidate onSubmit={onSearch}>
          <div className="poort-dossier-filters__query">
            <TextField
              id="dossier-search"
              label={t("office.dossiers.list.query")}
              type="search"
              autoComplete="off"
              maxLength={100}
              value={q}
              onChange={(event) => setQ(event.target.value)}
            />
          </div>
          <SelectField
            id="dossier-filter-status"
            label={t("office.dossiers.list.status")}
            value={statuses.some((status) => status.key === query.status) ? query.status : ""}
            onChange={(event) => apply({ status: event.target.value })}
            options={[
              { value: "", label: t("office.dossiers.list.allStatuses") },
              ...statuses.map((status) => ({ value: status.key, label: statusLabel(status, t) })),
            ]}
          />
          <SelectField
            id="dossier-filter-handler"
            label={t("office.dossiers.list.handler")}
            value={
              query.handler === "none" || handlers.some((handler) => handler.id === query.handler)
                ? query.handler
                : ""
            }
            onChange={(event) => apply({ handler: event.target.value })}
            options={handlerFilterOptions(handlers, t)}
          />
          <div className="poort-dossier-filters__submit">
            <Button type="submit" appearance="secondary-action">
              {t("office.dossiers.list.search")}
            </Button>
          </div>
        </form>
      </search>

      <section className="poort-section" aria-labelledby="dossier-results-heading">
        <Heading level={2} id="dossier-results-heading">
          {t("office.dossiers.list.resultsHeading")}
        </Heading>
        {!result && list.loading && <Paragraph>{t("account.loading")}</Paragraph>}
        {list.error !== undefined && (
          <Alert type="error">{errorMessage(list.error, t("account.errors.general"))}</Alert>
        )}
        <Paragraph role="status">
          {result ? t("office.dossiers.list.found", { count: result.total }) : ""}
        </Paragraph>
        {result && result.dossiers.length === 0 && (
          <Paragraph>{t("office.dossiers.list.empty")}</Paragraph>
        )}
        {result && result.dossiers.length > 0 && (
          <Table caption={t("office.dossiers.list.caption", { page: result.page, pages })}>
            <TableHeadings
              labels={[
                t("office.dossiers.fields.number"),
                t("office.dossiers.fields.description"),
                t("office.dossiers.fields.clients"),
                t("office.dossiers.fields.handler"),
                t("office.dossiers.fields.status"),
                t("office.dossiers.list.updatedAt"),
              ]}
            />
            <TableBody>
              {result.dossiers.map((dossier) => (
                <TableRow key={dossier.id}>
                  <TableCell>
                    <RouterLink to={officePaths.dossier(dossier.id)}>{dossier.number}</RouterLink>
                  </TableCell>
                  <TableCell>{dossier.description}</TableCell>
                  <TableCell>{dossier.clients.map((client) => client.name).join(", ")}</TableCell>
                  <TableCell>
                    {dossier.handler?.name ?? t("office.dossiers.fields.noHandler")}
                  </TableCell>
                  <TableCell>{statusLabel(dossier.status, t)}</TableCell>
                  <TableCell>{formatDateTime(dossier.updatedAt, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {result && result.total > 0 && (
          <Pagination page={result.page} pages={pages} pageLink={pageLink} />
        )}
      </section>

      {isOfficeAdmin(session) && <AddStatusForm onAdded={options.reload} />}
    </>
  );
}
