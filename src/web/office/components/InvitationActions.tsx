import { useTranslation } from "react-i18next";
import type { AccountListItem } from "#src/contracts/accounts.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import type { RowAction } from "../use-row-action.ts";

/** "Uitnodiging opnieuw versturen" and "Uitnodiging intrekken" for an invited account. */
export function InvitationActions({
  account,
  action,
}: {
  account: AccountListItem;
  action: RowAction;
}) {
  const { t } = useTranslation();
  if (account.status !== "invited") return null;
  const params = { accountId: account.id };
  const name = account.name;
  return (
    <ButtonGroup>
      <Button
        disabled={action.busy}
        aria-label={t("office.invitation.resendNamed", { name })}
        onClick={() =>
          void action.act(
            async () => void (await callApi(officeApi.resendInvitation, { params })),
            t("office.invitation.resent", { name }),
          )
        }
      >
        {t("office.invitation.resend")}
      </Button>
      {account.invitation !== "revoked" && (
        <Button
          disabled={action.busy}
          aria-label={t("office.invitation.revokeNamed", { name })}
          onClick={() =>
            void action.act(
              async () => void (await callApi(officeApi.revokeInvitation, { params })),
              t("office.invitation.revoked", { name }),
            )
          }
        >
          {t("office.invitation.revoke")}
        </Button>
      )}
    </ButtonGroup>
  );
}
