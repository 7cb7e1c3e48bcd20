import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { portalApi } from "#src/contracts/api/portal.ts";
import type { PortalDossierListItem } from "#src/contracts/dossiers.ts";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { CheckboxField, Fieldset } from "#src/web/ui/components/FormField.tsx";
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
import { VisuallyHidden } from "#src/web/ui/components/VisuallyHidden.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { defaultStatuses, filterSearchParams, statusesInUrl } from "../dossier-filter.ts";
import { portalPaths } from "../paths.ts";
import { statusLabel } from "../status-label.ts";
import "../portal.css";

/**
 * "Dossiers": the client's dossiers, searched by description or number and filtered by status.
 * Search text and statuses live in the address, so back and forward restore them.
 */
export function DossierListPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get("q")?.trim() ?? "";
  const chosen = statusesInUrl(searchParams);
  useDocumentTitle(t("portal.dossiers.title"));

  // A chosen set of statuses is filtered by the server; the default (and an empty choice) is
  // applied here to the full list, whose statuses decide what the default is.
  const list = useApiData(portalApi.dossiers, {
    query: {
      q: q || undefined,
      status: chosen && chosen.length > 0 ? chosen.join(",") : undefined,
    },
  });
  const data = list.data;
  const selected = chosen ?? (data ? defaultStatuses(data.statuses) : []);
  const dossiers = data?.dossiers.filter((dossier) => selected.includes(dossier.status.key));

  const [text, setText] = useState(q);
  // Back and forward change the address; the search box follows it.
  useEffect(() => setText(q), [q]);

  const apply = (nextText: string, nextStatuses: string[]) =>
    setSearchParams(filterSearchParams(nextText, nextStatuses, data?.statuses ?? []));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(text, selected);
  };
  const toggle = (key: string, checked: boolean) =>
    apply(text, checked ? [...selected, key] : selected.filter((other) => other !== key));

  const searchId = useId();
  const hasNone = data !== undefined && data.statuses.length === 0;

  return (
    <>
      <Heading level={1}>{t("portal.dossiers.title")}</Heading>
      {list.error !== undefined && (
        <Alert type="error">{errorMessage(list.error, t("portal.errors.load"))}</Alert>
      )}
      {!data && list.error === undefined && <Paragraph>{t("portal.loading")}</Paragraph>}
      {hasNone && <Paragraph>{t("portal.dossiers.empty")}</Paragraph>}
      {data && !hasNone && (
        <>
          <search aria-label={t("portal.dossiers.searchLabel")}>
            <form className="poort-dossier-filter" onSubmit={onSubmit}>
              <div className="poort-dossier-filter__search">
                <div className="utrecht-form-field utrecht-form-field--text">
                  <div className="utrecht-form-field__label">
                    <label className="utrecht-form-label" htmlFor={searchId}>
                      {t("portal.dossiers.search")}
                    </label>
                  </div>
                  <div className="utrecht-form-field__input poort-dossier-filter__row">
                    <input
                      id={searchId}
                      type="search"
                      name="q"
                      maxLength={100}
                      autoComplete="off"
                      className="utrecht-textbox utrecht-textbox--html-input"
                      value={text}
                      onChange={(event) => setText(event.target.value)}
                    />
                    <Button type="submit" appearance="primary-action">
                      {t("portal.dossiers.searchButton")}
                    </Button>
                  </div>
                </div>
              </div>
              <Fieldset legend={t("portal.dossiers.statusLegend")}>
                {data.statuses.map((status) => (
                  <CheckboxField
                    key={status.key}
                    id={`${searchId}-status-${status.key}`}
                    label={t("portal.dossiers.statusOption", {
                      label: statusLabel(status, t),
                      number: status.count,
                    })}
                    checked={selected.includes(status.key)}
                    onChange={(event) => toggle(status.key, event.target.checked)}
                  />
                ))}
              </Fieldset>
            </form>
          </search>
          <Results dossiers={dossiers ?? []} searched={q} />
        </>
      )}
    </>
  );
}

function Results({ dossiers, searched }: { dossiers: PortalDossierListItem[]; searched: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dossier-results" className="poort-section">
      <Heading level={2} id="dossier-results">
        {t("portal.dossiers.resultsHeading")}
      </Heading>
      <p className="utrecht-paragraph" role="status">
        {searched
          ? t("portal.dossiers.foundFor", { number: dossiers.length, text: searched })
          : t("portal.dossiers.found", { number: dossiers.length })}
      </p>
      {dossiers.length === 0 ? (
        <Paragraph>{t("portal.dossiers.noMatch")}</Paragraph>
      ) : (
        <Table caption={t("portal.dossiers.caption")}>
          <TableHeadings
            labels={[
              t("portal.dossiers.columns.number"),
              t("portal.dossiers.columns.description"),
              t("portal.dossiers.columns.status"),
              t("portal.dossiers.columns.progress"),
              t("portal.dossiers.columns.unread"),
              t("portal.dossiers.columns.actions"),
            ]}
          />
          <TableBody>
            {dossiers.map((dossier) => (
              <TableRow key={dossier.id}>
                <TableCell>{dossier.number}</TableCell>
                <TableCell>{dossier.description}</TableCell>
                <TableCell>{statusLabel(dossier.status, t)}</TableCell>
                <TableCell>
                  {t("portal.dossiers.progressValue", {
                    done: dossier.progress.done,
                    total: dossier.progress.total,
                  })}
                </TableCell>
                <TableCell>{dossier.unread}</TableCell>
                <TableCell>
                  <RouterLink to={portalPaths.dossier(dossier.id)}>
                    {t("portal.dossiers.open")}
                    <VisuallyHidden>
                      {" "}
                      {t("portal.dossiers.openWhich", { number: dossier.number })}
                    </VisuallyHidden>
                  </RouterLink>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
