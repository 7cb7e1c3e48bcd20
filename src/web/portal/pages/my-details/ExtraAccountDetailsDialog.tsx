import { useTranslation } from "react-i18next";
import type { ExtraAccount } from "#src/contracts/accounts.ts";
import { AccountState } from "#src/web/ui/account/AccountState.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Dialog } from "#src/web/ui/components/Dialog.tsx";
import { formatDate } from "#src/web/ui/format.ts";

interface ExtraAccountDetailsDialogProps {
  account: ExtraAccount;
  onClose(): void;
}

/** "Inzien" (B12): what is recorded of an extra account, for the company's main account. */
export function ExtraAccountDetailsDialog({ account, onClose }: ExtraAccountDetailsDialogProps) {
  const { t, i18n } = useTranslation();
  return (
    <Dialog
      title={t("account.myDetails.extraAccounts.detailsTitle", { name: account.name })}
      onClose={onClose}
    >
      <DataList
        items={[
          { key: "name", label: t("account.fields.name"), value: account.name },
          { key: "email", label: t("account.fields.email"), value: account.email },
          {
            key: "mobile",
            label: t("account.fields.mobile"),
            value: account.mobile ?? t("account.myDetails.profile.noMobile"),
          },
          {
            key: "status",
            label: t("account.myDetails.extraAccounts.status"),
            value: <AccountState account={account} />,
          },
          {
            key: "createdAt",
            label: t("account.myDetails.extraAccounts.createdAt"),
            value: formatDate(account.createdAt, i18n.language),
          },
          {
            key: "twoFactor",
            label: t("account.myDetails.extraAccounts.twoFactor"),
            value: t(`account.myDetails.extraAccounts.twoFactorMethods.${account.twoFactorMethod}`),
          },
        ]}
      />
    </Dialog>
  );
}
