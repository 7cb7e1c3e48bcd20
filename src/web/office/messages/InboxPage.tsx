import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { officeApi } from "#src/contracts/api/office.ts";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { SelectField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { Table, TableBody, TableCell, TableHeadings } from "#src/web/ui/components/Table.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { MessageRow, UnreadBadge } from "#src/web/ui/messages/MessageParts.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { Pagination } from "../components/Pagination.tsx";
import { pageCount } from "../dossiers/dossier-query.ts";
import { handlerFilterOptions } from "../dossiers/labels.ts";
import { officePaths } from "../paths.ts";
import { type InboxQuery, inboxApiQuery, readInboxQuery, writeInboxQuery } from "./inbox-query.ts";
import { messageStateLabel } from "./state-label.ts";
import "../dossiers/dossiers.css";

/**
 * "Berichten": the clients' messages over all the office's dossiers, unread (by this staff
 * member) first, filtered by the dossier's handler, one dossier, read state and open or
 * handled. The filters and page live in the address.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = readInboxQuery(params);
  const inbox = useApiData(officeApi.inbox, { query: inboxApiQuery(query) });
  const options = useApiData(officeApi.dossierOptions);
  const dossiers = useApiData(officeApi.dossiers, { query: { pageSize: 100 } });
  const [filters, setFilters] = useState(query);
  useDocumentTitle(t("messages.title"));

  // The back button changes the address: the filters follow it.
  const search = params.toString();
  useEffect(() => setFilters(readInboxQuery(new URLSearchParams(search))), [search]);

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setParams(writeInboxQuery({ ...filters, page: 1 }));
  };
  const change = (part: Partial<InboxQuery>) => setFilters((current) => ({ ...current, ...part }));

  const result = inbox.data;
  const pages = result ? pageCount(result.total, result.pageSize) : 1;
  const pageLink = (page: number) => ({ search: writeInboxQuery({ ...query, page }).toString() });
  const handlers = options.data?.handlers ?? [];
  const dossierList = dossiers.data?.dossiers ?? [];

  return (
    <>
      <Heading level={1}>{t("messages.title")}</Heading>
      <Paragraph appearance="lead">{t("office.messages.intro")}</Paragraph>
      {(options.error ?? dossiers.error) !== undefined && (
        <Alert type="error">
          {errorMessage(options.error ?? dossiers.error, t("account.errors.general"))}
        </Alert>
      )}
      <search className="poort-section" aria-label={t("office.messages.filterLabel")}>
        <form className="poort-inbox-filter" noValidate onSubmit={onFilter}>
          <SelectField
            id="inbox-handler"
            label={t("office.dossiers.fields.handler")}
            value={filters.handler}
            onChange={(event) => change({ handler: event.target.value })}
            options={handlerFilterOptions(handlers, t)}
          />
          <SelectField
            id="inbox-dossier"
            label={t("office.messages.columns.dossier")}
            value={filters.dossierId}
            onChange={(event) => change({ dossierId: event.target.value })}
            options={[
              { value: "", label: t("office.messages.filters.allDossiers") },
              ...dossierList.map((dossier) => ({
                value: dossier.id,
                label: t("office.messages.dossierLabel", {
                  number: dossier.number,
                  description: dossier.description,
                }),
              })),
            ]}
          />
          <SelectField
            id="inbox-read"
            label={t("office.messages.filters.read")}
            value={filters.read}
            onChange={(event) => change({ read: event.target.value as InboxQuery["read"] })}
            options={[
              { value: "", label: t("office.messages.filters.readAll") },
              { value: "unread", label: t("office.messages.filters.unread") },
              { value: "read", label: t("office.messages.filters.readOnly") },
            ]}
          />
          <SelectField
            id="inbox-state"
            label={t("office.messages.columns.state")}
            value={filters.state}
            onChange={(event) => change({ state: event.target.value as InboxQuery["state"] })}
            options={[
              { value: "", label: t("office.messages.filters.stateAll") },
              { value: "open", label: t("office.messages.state.open") },
              { value: "handled", label: t("office.messages.state.handled") },
            ]}
          />
          <div className="poort-dossier-filters__submit">
            <Button type="submit">{t("office.messages.filters.apply")}</Button>
          </div>
        </form>
      </search>

      <section className="poort-section" aria-labelledby="inbox-results-heading">
        <Heading level={2} id="inbox-results-heading">
          {t("office.messages.resultsHeading")}
        </Heading>
        {!result && inbox.loading && <Paragraph>{t("account.loading")}</Paragraph>}
        {inbox.error !== undefined && (
          <Alert type="error">{errorMessage(inbox.error, t("account.errors.general"))}</Alert>
        )}
        <Paragraph role="status">
          {result ? t("office.messages.found", { total: result.total, unread: result.unread }) : ""}
        </Paragraph>
        {result && result.messages.length === 0 && (
          <Paragraph>{t("office.messages.empty")}</Paragraph>
        )}
        {result && result.messages.length > 0 && (
          <Table caption={t("office.messages.caption", { page: result.page, pages })}>
            <TableHeadings
              labels={[
                t("messages.columns.subject"),
                t("messages.columns.from"),
                t("office.messages.columns.dossier"),
                t("office.dossiers.fields.handler"),
                t("office.messages.columns.received"),
                t("office.messages.columns.state"),
              ]}
            />
            <TableBody>
              {result.messages.map((message) => (
                <MessageRow key={message.id} read={message.read}>
                  <TableCell>
                    <span className="poort-message-row__subject">
                      <RouterLink to={officePaths.message(message.id)}>
                        {message.subject}
                      </RouterLink>
                    </span>
                    <UnreadBadge read={message.read} />
                    {message.attachmentCount > 0 && (
                      <>
                        {" "}
                        <span>
                          {t("office.messages.attachmentCount", { count: message.attachmentCount })}
                        </span>
                      </>
                    )}
                  </TableCell>
                  <TableCell>
                    {message.client && message.client.name !== message.authorName
                      ? t("office.messages.authorFor", {
                          author: message.authorName,
                          client: message.client.name,
                        })
                      : message.authorName}
                  </TableCell>
                  <TableCell>
                    <RouterLink to={officePaths.dossier(message.dossier.id)}>
                      {message.dossier.number}
                    </RouterLink>
                  </TableCell>
                  <TableCell>
                    {message.handler?.name ?? t("office.dossiers.fields.noHandler")}
                  </TableCell>
                  <TableCell>{formatDateTime(message.sentAt, i18n.language)}</TableCell>
                  <TableCell>{messageStateLabel(message, t)}</TableCell>
                </MessageRow>
              ))}
            </TableBody>
          </Table>
        )}
        {result && result.total > 0 && (
          <Pagination page={result.page} pages={pages} pageLink={pageLink} />
        )}
      </section>
    </>
  );
}
