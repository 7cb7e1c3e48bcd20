import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { LoadNotices } from "../components/LoadNotices.tsx";
import { stateLabel } from "../components/labels.ts";
import { servicedeskPaths } from "../paths.ts";
import "../servicedesk.css";

/**
 * "Kantoren": search offices by name or debtor number; each leads to its certificates. The
 * search text lives in the address, so back and forward restore it.
 */
export function OfficesPage() {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get("q")?.trim() ?? "";
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useDocumentTitle(t("servicedesk.certificates.offices.title"));
  const list = useApiData(servicedeskApi.offices, { query: { q: q || undefined } });
  const offices = list.data?.offices;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim();
    setSearchParams(next ? { q: next } : {});
  };

  return (
    <>
      <Heading level={1}>{t("servicedesk.certificates.offices.title")}</Heading>
      <search aria-label={t("servicedesk.certificates.offices.searchLabel")}>
        <form className="poort-office-search" onSubmit={onSubmit}>
          <div className="utrecht-form-field utrecht-form-field--text">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="office-search">
                {t("servicedesk.certificates.offices.search")}
              </label>
            </div>
            <div className="utrecht-form-field__input poort-office-search__row">
              <input
                id="office-search"
                type="search"
                name="q"
                maxLength={100}
                autoComplete="off"
                className="utrecht-textbox utrecht-textbox--html-input"
                value={text}
                onChange={(event) => setText(event.target.value)}
              />
              <Button type="submit" appearance="primary-action">
                {t("servicedesk.certificates.offices.searchButton")}
              </Button>
            </div>
          </div>
        </form>
      </search>
      <section className="poort-section" aria-labelledby="office-results">
        <Heading level={2} id="office-results">
          {t("servicedesk.certificates.offices.resultsHeading")}
        </Heading>
        <LoadNotices loading={!offices && list.loading} error={list.error} />
        {offices && (
          <>
            <p className="utrecht-paragraph" role="status">
              {q
                ? t("servicedesk.certificates.offices.foundFor", {
                    number: offices.length,
                    text: q,
                  })
                : t("servicedesk.certificates.offices.found", { number: offices.length })}
            </p>
            {offices.length === 0 ? (
              <Paragraph>{t("servicedesk.certificates.offices.noMatch")}</Paragraph>
            ) : (
              <Table caption={t("servicedesk.certificates.offices.caption")}>
                <TableHeadings
                  labels={[
                    t("servicedesk.certificates.columns.office"),
                    t("servicedesk.certificates.columns.debtorNumber"),
                    t("servicedesk.certificates.columns.email"),
                    t("servicedesk.certificates.columns.certificate"),
                    t("servicedesk.certificates.columns.notAfter"),
                  ]}
                />
                <TableBody>
                  {offices.map((office) => (
                    <TableRow key={office.id}>
                      <TableCell>
                        <RouterLink to={servicedeskPaths.office(office.id)}>
                          {office.name}
                        </RouterLink>
                      </TableCell>
                      <TableCell>{office.debtorNumber}</TableCell>
                      <TableCell>{office.email}</TableCell>
                      <TableCell>{stateLabel(office.certificateState, t)}</TableCell>
                      <TableCell>
                        {office.certificateNotAfter
                          ? formatDate(office.certificateNotAfter, i18n.language)
                          : "–"}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </section>
    </>
  );
}
