import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { officeWebhooksApi } from "#src/contracts/api/office-webhooks.ts";
import type { WebhookEndpoint, WebhookSecretAnswer } from "#src/contracts/office-events.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { CopyButton } from "#src/web/ui/components/CopyButton.tsx";
import { Dialog } from "#src/web/ui/components/Dialog.tsx";
import { ButtonGroup, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { SubmitForm } from "#src/web/ui/components/SubmitForm.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { ListNotices } from "../components/ListNotices.tsx";
import { isOfficeAdmin } from "../is-admin.ts";
import { type RowAction, useRowAction } from "../use-row-action.ts";
import { DeliveryLog } from "./DeliveryLog.tsx";

const k = "office.integrations";

type Confirming = { kind: "rotate" | "disable"; endpoint: WebhookEndpoint };

/**
 * "Koppelingen": the webhook endpoints where the office's own software hears what clients do.
 * Admins add, rotate and disable them; every staff member reads them and their delivery log.
 */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const admin = isOfficeAdmin(session);
  const list = useApiData(officeWebhooksApi.list);
  const action = useRowAction(list.reload);
  const [secret, setSecret] = useState<{ url: string; secret: string }>();
  const [confirming, setConfirming] = useState<Confirming>();
  const [logOf, setLogOf] = useState<WebhookEndpoint>();
  const endpoints = list.data?.endpoints;
  useDocumentTitle(t(`${k}.title`));

  const showSecret = (answer: WebhookSecretAnswer) =>
    setSecret({ url: answer.endpoint.url, secret: answer.secret });

  return (
    <>
      <Heading level={1}>{t(`${k}.title`)}</Heading>
      <Paragraph>{t(`${k}.intro`)}</Paragraph>
      {secret && <SecretOnce {...secret} onDone={() => setSecret(undefined)} />}
      <section className="poort-section" aria-labelledby="integrations-heading">
        <Heading level={2} id="integrations-heading">
          {t(`${k}.listHeading`)}
        </Heading>
        <ListNotices loading={!endpoints && list.loading} loadError={list.error} action={action} />
        {endpoints && endpoints.length === 0 && <Paragraph>{t(`${k}.none`)}</Paragraph>}
        {endpoints && endpoints.length > 0 && (
          <Table caption={t(`${k}.caption`)}>
            <TableHeadings
              labels={[
                t(`${k}.columns.url`),
                t(`${k}.columns.description`),
                t(`${k}.columns.state`),
                t(`${k}.columns.actions`),
              ]}
            />
            <TableBody>
              {endpoints.map((endpoint) => (
                <TableRow key={endpoint.id}>
                  <TableCell>
                    <code>{endpoint.url}</code>
                  </TableCell>
                  <TableCell>{endpoint.description}</TableCell>
                  <TableCell>
                    <EndpointState endpoint={endpoint} />
                  </TableCell>
                  <TableCell>
                    <ButtonGroup>
                      <Button appearance="subtle" onClick={() => setLogOf(endpoint)}>
                        {t(`${k}.showLog`)}
                      </Button>
                      {admin && !endpoint.disabledAt && (
                        <>
                          <Button
                            appearance="subtle"
                            disabled={action.busy}
                            onClick={() => setConfirming({ kind: "rotate", endpoint })}
                          >
                            {t(`${k}.rotate`)}
                          </Button>
                          <Button
                            appearance="subtle"
                            disabled={action.busy}
                            onClick={() => setConfirming({ kind: "disable", endpoint })}
                          >
                            {t(`${k}.disable`)}
                          </Button>
                        </>
                      )}
                    </ButtonGroup>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {confirming && (
        <ConfirmDialog
          confirming={confirming}
          action={action}
          onSecret={showSecret}
          onClose={() => setConfirming(undefined)}
        />
      )}
      {logOf && <DeliveryLog endpoint={logOf} mayResend={admin && !logOf.disabledAt} />}
      {admin && (
        <AddEndpointForm
          onAdded={(answer) => {
            showSecret(answer);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function EndpointState({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, i18n } = useTranslation();
  if (endpoint.disabledAt) {
    return (
      <>{t(`${k}.state.disabled`, { date: formatDateTime(endpoint.disabledAt, i18n.language) })}</>
    );
  }
  return (
    <>
      {t(`${k}.state.active`, { pending: endpoint.pending, failed: endpoint.failed })}
      {endpoint.previousSecretUntil &&
        new Date(endpoint.previousSecretUntil) > new Date() &&
        ` ${t(`${k}.state.overlap`, { date: formatDateTime(endpoint.previousSecretUntil, i18n.language) })}`}
    </>
  );
}

/** The new secret, shown this once: the server keeps it sealed and never answers it again. */
function SecretOnce({ url, secret, onDone }: { url: string; secret: string; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <Alert type="warning">
      <Paragraph>{t(`${k}.secret.intro`, { url })}</Paragraph>
      <Paragraph>
        <code data-testid="webhook-secret">{secret}</code>
      </Paragraph>
      <ButtonGroup>
        <CopyButton text={secret} label={t(`${k}.secret.copy`)} />
        <Button onClick={onDone}>{t(`${k}.secret.done`)}</Button>
      </ButtonGroup>
    </Alert>
  );
}

function ConfirmDialog({
  confirming,
  action,
  onSecret,
  onClose,
}: {
  confirming: Confirming;
  action: RowAction;
  onSecret(answer: WebhookSecretAnswer): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { kind, endpoint } = confirming;
  const params = { endpointId: endpoint.id };
  const confirm = () => {
    onClose();
    void action.act(
      async () => {
        if (kind === "disable") {
          await callApi(officeWebhooksApi.disable, { params });
        } else {
          onSecret(await callApi(officeWebhooksApi.rotateSecret, { params }));
        }
      },
      t(`${k}.${kind}Done`, { url: endpoint.url }),
    );
  };
  return (
    <Dialog title={t(`${k}.${kind}Title`)} onClose={onClose}>
      <Paragraph>{t(`${k}.${kind}Confirm`, { url: endpoint.url })}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action" onClick={confirm}>
          {t(`${k}.${kind}`)}
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}

function AddEndpointForm({ onAdded }: { onAdded(answer: WebhookSecretAnswer): void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const ok = await submit.run(async () => {
      onAdded(await callApi(officeWebhooksApi.create, { body: { url, description } }));
    });
    if (ok) {
      // A reset, not just empty values: the browser would otherwise mark the emptied required
      // field as wrongly filled in (:user-invalid) before anyone typed in it again.
      form.reset();
      setUrl("");
      setDescription("");
    }
  };

  return (
    <section className="poort-section" aria-labelledby="add-integration-heading">
      <Heading level={2} id="add-integration-heading">
        {t(`${k}.add.heading`)}
      </Heading>
      <SubmitForm submit={submit} submitLabel={t(`${k}.add.submit`)} onSubmit={onSubmit}>
        <TextField
          id="integration-url"
          label={t(`${k}.add.url`)}
          description={t(`${k}.add.urlHint`)}
          type="url"
          required
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <TextField
          id="integration-description"
          label={t(`${k}.add.description`)}
          value={description}
          maxLength={200}
          onChange={(event) => setDescription(event.target.value)}
        />
      </SubmitForm>
    </section>
  );
}
