import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExtraAccount } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import { ApiError, callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { ButtonGroup, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { ExtraAccountDetailsDialog } from "./ExtraAccountDetailsDialog.tsx";

/**
 * "Accounts | Extra accounts": the main account of a company adds extra accounts, views what is
 * recorded of them and deletes them.
 */
export function ExtraAccountsSection() {
  const { t } = useTranslation();
  const accounts = useApiData(accountApi.extraAccounts);
  const add = useSubmit();
  const remove = useSubmit();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [missing, setMissing] = useState<{ name?: boolean; email?: boolean }>({});
  const [notice, setNotice] = useState<string>();
  const [confirming, setConfirming] = useState<ExtraAccount>();
  const [viewing, setViewing] = useState<ExtraAccount>();

  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const nowMissing = { name: !name.trim(), email: !email.trim() };
    setMissing(nowMissing);
    if (nowMissing.name || nowMissing.email) {
      add.setError(new ApiError(0, "missing", t("account.errors.fillIn")));
      return;
    }
    const ok = await add.run(async () => {
      await callApi(accountApi.addExtraAccount, {
        body: { name: name.trim(), email: email.trim() },
      });
    });
    if (ok) {
      setNotice(t("account.myDetails.extraAccounts.added", { name: name.trim() }));
      setName("");
      setEmail("");
      accounts.reload();
    }
  };

  const onDelete = async (account: ExtraAccount) => {
    setNotice(undefined);
    const ok = await remove.run(async () => {
      await callApi(accountApi.removeExtraAccount, { params: { accountId: account.id } });
    });
    setConfirming(undefined);
    if (ok) {
      setNotice(t("account.myDetails.extraAccounts.deleted", { name: account.name }));
      accounts.reload();
    }
  };

  return (
    <section className="poort-section" aria-labelledby="extra-accounts-heading">
      <Heading level={2} id="extra-accounts-heading">
        {t("account.myDetails.extraAccounts.heading")}
      </Heading>
      <Paragraph>{t("account.myDetails.extraAccounts.intro")}</Paragraph>
      {notice && <Alert type="ok">{notice}</Alert>}
      <ErrorSummary>{remove.error?.message}</ErrorSummary>
      {accounts.error !== undefined && (
        <Alert type="error">{errorMessage(accounts.error, t("account.errors.general"))}</Alert>
      )}
      {accounts.data &&
        (accounts.data.accounts.length === 0 ? (
          <Paragraph>{t("account.myDetails.extraAccounts.empty")}</Paragraph>
        ) : (
          <Table caption={t("account.myDetails.extraAccounts.caption")}>
            <TableHeadings
              labels={[
                t("account.fields.name"),
                t("account.fields.email"),
                t("account.myDetails.extraAccounts.status"),
                t("account.myDetails.extraAccounts.actions"),
              ]}
            />
            <TableBody>
              {accounts.data.accounts.map((account) => (
                <TableRow key={account.id}>
                  <TableCell>{account.name}</TableCell>
                  <TableCell>{account.email}</TableCell>
                  <TableCell>{t(`account.statuses.${account.status}`)}</TableCell>
                  <TableCell>
                    {confirming?.id === account.id ? (
                      <>
                        <Paragraph>
                          {t("account.myDetails.extraAccounts.confirmDelete", {
                            name: account.name,
                          })}
                        </Paragraph>
                        <ButtonGroup>
                          <Button
                            appearance="primary-action"
                            disabled={remove.busy}
                            onClick={() => void onDelete(account)}
                          >
                            {t("account.myDetails.extraAccounts.deleteYes")}
                          </Button>
                          <Button onClick={() => setConfirming(undefined)}>
                            {t("account.cancel")}
                          </Button>
                        </ButtonGroup>
                      </>
                    ) : (
                      <ButtonGroup>
                        <Button
                          appearance="subtle"
                          aria-label={t("account.myDetails.extraAccounts.viewNamed", {
                            name: account.name,
                          })}
                          onClick={() => setViewing(account)}
                        >
                          {t("account.myDetails.extraAccounts.view")}
                        </Button>
                        <Button
                          appearance="subtle"
                          aria-label={t("account.myDetails.extraAccounts.deleteNamed", {
                            name: account.name,
                          })}
                          onClick={() => setConfirming(account)}
                        >
                          {t("account.myDetails.extraAccounts.delete")}
                        </Button>
                      </ButtonGroup>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      {viewing && (
        <ExtraAccountDetailsDialog account={viewing} onClose={() => setViewing(undefined)} />
      )}

      <Heading level={3}>{t("account.myDetails.extraAccounts.addHeading")}</Heading>
      <Paragraph>{t("account.myDetails.extraAccounts.addIntro")}</Paragraph>
      <ErrorSummary>{add.error?.message}</ErrorSummary>
      <form className="poort-form" noValidate onSubmit={(event) => void onAdd(event)}>
        <TextField
          id="extra-account-name"
          label={t("account.fields.name")}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={missing.name ? t("account.errors.nameMissing") : undefined}
        />
        <TextField
          id="extra-account-email"
          label={t("account.fields.email")}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={missing.email ? t("account.errors.emailMissing") : undefined}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={add.busy}>
            {t("account.myDetails.extraAccounts.add")}
          </Button>
        </div>
      </form>
    </section>
  );
}
