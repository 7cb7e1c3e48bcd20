import { useTranslation } from "react-i18next";
import { staffRoleSchema } from "#src/contracts/accounts.ts";

/** The staff roles as options of a drop-down list, in the reader's language. */
export function useRoleOptions(): { value: string; label: string }[] {
  const { t } = useTranslation();
  return staffRoleSchema.options.map((role) => ({ value: role, label: t(`office.roles.${role}`) }));
}
