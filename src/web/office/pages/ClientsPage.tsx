import { useTranslation } from "react-i18next";
import type { OfficeClient } from "#src/contracts/accounts.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import { AccountState } from "#src/web/ui/account/AccountState.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
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
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { AddClientForm } from "../components/AddClientForm.tsx";
import { InvitationActions } from "../components/InvitationActions.tsx";
import { KvkNumberActions } from "../components/KvkNumberActions.tsx";
import { ListNotices } from "../components/ListNotices.tsx";
import { useRowAction } from "../use-row-action.ts";

/** A company's KvK number, or that it has none yet; nothing for a person. */
function KvkNumber({ client }: { client: OfficeClient }) {
  const { t } = useTranslation();
  if (client.kind !== "company") return null;
  return <>{client.kvkNumber ?? t("office.clients.kvk.none")}</>;
}

/**
 * "Cliënten": the office's client accounts, their invitations, a company's KvK number, and
 * adding a client.
 */
export function ClientsPage() {
  const { t, i18n } = useTranslation();
  const clients = useApiData(officeApi.clients);
  const action = useRowAction(clients.reload);
  useDocumentTitle(t("office.clients.title"));
  const accounts = clients.data?.accounts;

  return (
    <>
      <Heading level={1}>{t("office.clients.title")}</Heading>
      <section className="poort-section" aria-labelledby="clients-heading">
        <Heading level={2} id="clients-heading">
          {t("office.clients.listHeading")}
        </Heading>
        <ListNotices
          loading={!accounts && clients.loading}
          loadError={clients.error}
          action={action}
        />
        {accounts && accounts.length === 0 && <Paragraph>{t("office.clients.empty")}</Paragraph>}
        {accounts && accounts.length > 0 && (
          <Table caption={t("office.clients.caption")}>
            <TableHeadings
              labels={[
                t("account.fields.name"),
                t("account.fields.email"),
                t("office.fields.status"),
                t("office.clients.kvk.heading"),
                t("office.fields.createdAt"),
                t("office.fields.actions"),
              ]}
            />
            <TableBody>
              {accounts.map((account) => (
                <TableRow key={account.id}>
                  <TableCell>{account.name}</TableCell>
                  <TableCell>{account.email}</TableCell>
                  <TableCell>
                    <AccountState account={account} />
                  </TableCell>
                  <TableCell>
                    <KvkNumber client={account.client} />
                  </TableCell>
                  <TableCell>{formatDateTime(account.createdAt, i18n.language)}</TableCell>
                  <TableCell>
                    <InvitationActions account={account} action={action} />
                    {/* Keyed by the number, so the field shows it anew once it changed. */}
                    <KvkNumberActions
                      key={account.client.kvkNumber}
                      account={account}
                      action={action}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <AddClientForm onAdded={clients.reload} />
    </>
  );
}
