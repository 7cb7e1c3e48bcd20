import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AccountListItem, type StaffRole, staffRoleSchema } from "#src/contracts/accounts.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import { staffRoleLabel } from "#src/contracts/audit-actors.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ButtonGroup, SelectField } from "#src/web/ui/components/FormField.tsx";
import { localeOfLanguage } from "#src/web/ui/i18n/language.ts";
import type { RowAction } from "../use-row-action.ts";
import { InvitationActions } from "./InvitationActions.tsx";
import { useRoleOptions } from "./use-role-options.ts";

/** Per colleague: "Rol wijzigen" and "Deactiveren", and the invitation while invited. */
export function StaffActions({ account, action }: { account: AccountListItem; action: RowAction }) {
  const { t, i18n } = useTranslation();
  const roleOptions = useRoleOptions();
  const current = staffRoleSchema.safeParse(account.role);
  const [role, setRole] = useState<StaffRole>(current.success ? current.data : "handler");
  const params = { accountId: account.id };
  const name = account.name;
  if (account.status === "deactivated") return null;

  return (
    <>
      <SelectField
        id={`role-${account.id}`}
        label={t("office.staff.roleOf", { name })}
        options={roleOptions}
        value={role}
        onChange={(event) => setRole(staffRoleSchema.parse(event.target.value))}
      />
      <ButtonGroup>
        <Button
          disabled={action.busy}
          aria-label={t("office.staff.changeRoleNamed", { name })}
          onClick={() =>
            void action.act(
              async () => void (await callApi(officeApi.updateStaff, { params, body: { role } })),
              t("office.staff.roleChanged", {
                name,
                role: staffRoleLabel(role, localeOfLanguage(i18n.language)),
              }),
            )
          }
        >
          {t("office.staff.changeRole")}
        </Button>
        <Button
          disabled={action.busy}
          aria-label={t("office.staff.deactivateNamed", { name })}
          onClick={() =>
            void action.act(
              async () =>
                void (await callApi(officeApi.updateStaff, { params, body: { active: false } })),
              t("office.staff.deactivated", { name }),
            )
          }
        >
          {t("office.staff.deactivate")}
        </Button>
      </ButtonGroup>
      <InvitationActions account={account} action={action} />
    </>
  );
}
