import { useTranslation } from "react-i18next";
import type { AccountListItem } from "#src/contracts/accounts.ts";

/** The account's status and, while invited, the state of its invitation. */
export function AccountState({ account }: { account: AccountListItem }) {
  const { t } = useTranslation();
  const status = t(`account.statuses.${account.status}`);
  if (!account.invitation || account.status !== "invited") return status;
  return `${status} (${t(`office.invitation.states.${account.invitation}`)})`;
}
