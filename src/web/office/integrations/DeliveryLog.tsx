import { useState } from "react";
import { useTranslation } from "react-i18next";
import { officeWebhooksApi } from "#src/contracts/api/office-webhooks.ts";
import type { WebhookDelivery, WebhookEndpoint } from "#src/contracts/office-events.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
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
import { formatDateTime } from "#src/web/ui/format.ts";
import { ListNotices } from "../components/ListNotices.tsx";
import { useRowAction } from "../use-row-action.ts";

const k = "office.integrations.log";
const PAGE_SIZE = 25;

/** What the receiver last said: its status code or the error, and the start of its answer. */
function outcomeOf(delivery: WebhookDelivery): string {
  const said =
    delivery.lastStatusCode === null ? delivery.lastError : `HTTP ${delivery.lastStatusCode}`;
  return [said, delivery.lastResponseExcerpt].filter(Boolean).join(": ");
}

/**
 * One endpoint's delivery log, newest first, a page at a time; the admins may send a delivered
 * or failed one again, which queues its event anew.
 */
export function DeliveryLog({
  endpoint,
  mayResend,
}: {
  endpoint: WebhookEndpoint;
  mayResend: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const params = { endpointId: endpoint.id };
  const log = useApiData(officeWebhooksApi.deliveries, {
    params,
    query: { page, pageSize: PAGE_SIZE },
  });
  const action = useRowAction(log.reload);
  const deliveries = log.data?.deliveries;
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / PAGE_SIZE));
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : "");

  return (
    <section className="poort-section" aria-labelledby="delivery-log-heading">
      <Heading level={2} id="delivery-log-heading">
        {t(`${k}.heading`, { url: endpoint.url })}
      </Heading>
      <ListNotices loading={!deliveries && log.loading} loadError={log.error} action={action} />
      {deliveries && deliveries.length === 0 && <Paragraph>{t(`${k}.none`)}</Paragraph>}
      {deliveries && deliveries.length > 0 && (
        <Table caption={t(`${k}.caption`)}>
          <TableHeadings
            labels={[
              t(`${k}.columns.created`),
              t(`${k}.columns.event`),
              t(`${k}.columns.state`),
              t(`${k}.columns.attempts`),
              t(`${k}.columns.outcome`),
              t(`${k}.columns.actions`),
            ]}
          />
          <TableBody>
            {deliveries.map((delivery) => (
              <TableRow key={delivery.id}>
                <TableCell>{date(delivery.createdAt)}</TableCell>
                <TableCell>
                  {t(`office.integrations.events.${delivery.eventType}`)} ({delivery.eventId})
                </TableCell>
                <TableCell>
                  {t(`${k}.states.${delivery.state}`, {
                    delivered: date(delivery.deliveredAt),
                    next: date(delivery.nextAttemptAt),
                  })}
                </TableCell>
                <TableCell>{delivery.attempts}</TableCell>
                <TableCell>{outcomeOf(delivery)}</TableCell>
                <TableCell>
                  {mayResend && delivery.state !== "pending" && (
                    <Button
                      appearance="subtle"
                      disabled={action.busy}
                      onClick={() =>
                        void action.act(
                          async () =>
                            void (await callApi(officeWebhooksApi.sendAgain, {
                              params: { ...params, deliveryId: delivery.id },
                            })),
                          t(`${k}.sentAgain`, { event: delivery.eventId }),
                        )
                      }
                    >
                      {t(`${k}.sendAgain`)}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages > 1 && (
        <ButtonGroup>
          {page > 1 && <Button onClick={() => setPage(page - 1)}>{t(`${k}.previous`)}</Button>}
          <span>{t(`${k}.page`, { page, pages })}</span>
          {page < pages && <Button onClick={() => setPage(page + 1)}>{t(`${k}.next`)}</Button>}
        </ButtonGroup>
      )}
    </section>
  );
}
