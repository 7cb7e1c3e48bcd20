import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OfficeClientAccount } from "#src/contracts/accounts.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import { kvkNumberSchema } from "#src/contracts/eherkenning/kvk-numbers.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ButtonGroup, TextField } from "#src/web/ui/components/FormField.tsx";
import type { RowAction } from "../use-row-action.ts";

/**
 * Per company, on its main account's row only (its extra accounts act for the same company):
 * "KvK-nummer opslaan" and "KvK-nummer verwijderen".
 */
export function KvkNumberActions({
  account,
  action,
}: {
  account: OfficeClientAccount;
  action: RowAction;
}) {
  const { t } = useTranslation();
  const { client } = account;
  const [typed, setTyped] = useState(client.kvkNumber ?? "");
  const [invalid, setInvalid] = useState(false);
  if (client.kind !== "company" || !account.isMainAccount) return null;
  const company = client.name;

  const store = (kvkNumber: string | null, success: string) =>
    void action.act(
      async () =>
        void (await callApi(officeApi.setClientKvkNumber, {
          params: { clientId: client.id },
          body: { kvkNumber },
        })),
      success,
    );
  const save = () => {
    const parsed = kvkNumberSchema.safeParse(typed);
    setInvalid(!parsed.success);
    if (parsed.success) {
      store(parsed.data, t("office.clients.kvk.saved", { company, number: parsed.data }));
    }
  };

  return (
    <>
      <TextField
        id={`kvk-${client.id}`}
        label={t("office.clients.kvk.of", { company })}
        inputMode="numeric"
        autoComplete="off"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        error={invalid ? t("office.clients.kvk.invalid") : undefined}
      />
      <ButtonGroup>
        <Button
          disabled={action.busy}
          aria-label={t("office.clients.kvk.saveNamed", { company })}
          onClick={save}
        >
          {t("office.clients.kvk.save")}
        </Button>
        {client.kvkNumber && (
          <Button
            disabled={action.busy}
            aria-label={t("office.clients.kvk.removeNamed", { company })}
            onClick={() => store(null, t("office.clients.kvk.removed", { company }))}
          >
            {t("office.clients.kvk.remove")}
          </Button>
        )}
      </ButtonGroup>
    </>
  );
}
