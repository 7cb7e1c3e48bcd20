import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SecurityEvent } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { describeBrowser, formatDutchMoment } from "./describe-browser.ts";

/**
 * "Beveiligingsgebeurtenissen": the login's own logins, failed attempts, sessions and 2-step
 * changes (issue 19), newest first, a page at a time, in Dutch time.
 */
export function SecurityEventsSection() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const events = useApiData(accountApi.securityEvents, { query: { page } });
  const unknown = t("account.myDetails.securityEvents.unknown");
  const what = (event: SecurityEvent) =>
    event.method
      ? `${t(`account.myDetails.securityEvents.kinds.${event.kind}`)} (${t(`account.myDetails.securityEvents.methods.${event.method}`)})`
      : t(`account.myDetails.securityEvents.kinds.${event.kind}`);
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / events.data.pageSize)) : 1;

  return (
    <section className="poort-section" aria-labelledby="security-events-heading">
      <Heading level={2} id="security-events-heading">
        {t("account.myDetails.securityEvents.heading")}
      </Heading>
      <Paragraph>{t("account.myDetails.securityEvents.intro")}</Paragraph>
      {events.error !== undefined && (
        <Alert type="error">{errorMessage(events.error, t("account.errors.general"))}</Alert>
      )}
      {events.data &&
        (events.data.total === 0 ? (
          <Paragraph>{t("account.myDetails.securityEvents.empty")}</Paragraph>
        ) : (
          <>
            <Table caption={t("account.myDetails.securityEvents.caption", { page, pages })}>
              <TableHeadings
                labels={[
                  t("account.myDetails.securityEvents.when"),
                  t("account.myDetails.securityEvents.what"),
                  t("account.myDetails.securityEvents.ip"),
                  t("account.myDetails.securityEvents.device"),
                ]}
              />
              <TableBody>
                {events.data.events.map((event) => (
                  <TableRow key={event.id}>
                    <TableCell>{formatDutchMoment(event.at, i18n.language)}</TableCell>
                    <TableCell>{what(event)}</TableCell>
                    <TableCell>{event.ip ?? unknown}</TableCell>
                    <TableCell>
                      {event.userAgent
                        ? (describeBrowser(event.userAgent) ?? event.userAgent)
                        : unknown}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {pages > 1 && (
              <ButtonGroup>
                <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t("account.myDetails.securityEvents.newer")}
                </Button>
                <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>
                  {t("account.myDetails.securityEvents.older")}
                </Button>
              </ButtonGroup>
            )}
          </>
        ))}
    </section>
  );
}
