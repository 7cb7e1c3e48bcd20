import { useTranslation } from "react-i18next";
import { staffRoleSchema } from "#src/contracts/accounts.ts";
import { staffRoleLabel } from "#src/contracts/audit-actors.ts";
import { localeOfLanguage } from "#src/web/ui/i18n/language.ts";

/** The staff roles as options of a drop-down list, in the reader's language. */
export function useRoleOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const locale = localeOfLanguage(i18n.language);
  return staffRoleSchema.options.map((role) => ({
    value: role,
    label: staffRoleLabel(role, locale),
  }));
}
