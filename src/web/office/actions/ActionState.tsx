import { useTranslation } from "react-i18next";
import type { OfficeAction } from "#src/contracts/actions.ts";
import { classNames } from "#src/web/ui/components/class-names.ts";
import { actionStateLabel } from "./action-labels.ts";

/** Where an action stands, in words; "Te laat" marked as well, and "Afgerond" in green. */
export function ActionState({
  action,
}: {
  action: Pick<OfficeAction, "state" | "progress" | "completedAt" | "items" | "kind">;
}) {
  const { t, i18n } = useTranslation();
  return (
    <span className={classNames("poort-action-state", `poort-action-state--${action.state}`)}>
      {actionStateLabel(action, t, i18n.language)}
    </span>
  );
}
