import { useTranslation } from "react-i18next";
import { AreaMenu, type MenuLink } from "../ui/account/AreaMenu.tsx";
import { paths } from "../ui/account/paths.ts";
import { useSession } from "../ui/api/session.tsx";
import { isOfficeAdmin } from "./is-admin.ts";
import { officePaths } from "./paths.ts";

/** The back office's menu; "Medewerkers" and "Auditlog" only for admins. */
export function OfficeMenu() {
  const { t } = useTranslation();
  const { session } = useSession();
  const links: MenuLink[] = [
    { to: paths.home, label: t("office.home.title") },
    { to: officePaths.dossiers, label: t("office.dossiers.title") },
    { to: officePaths.messages, label: t("messages.title") },
    { to: officePaths.questionnaires, label: t("office.questionnaires.title") },
    { to: officePaths.clients, label: t("office.clients.title") },
    ...(isOfficeAdmin(session) ? [{ to: officePaths.staff, label: t("office.staff.title") }] : []),
    ...(isOfficeAdmin(session)
      ? [{ to: officePaths.settings, label: t("office.settings.title") }]
      : []),
    { to: officePaths.integrations, label: t("office.integrations.title") },
    ...(isOfficeAdmin(session)
      ? [{ to: officePaths.auditLog, label: t("office.auditLog.title") }]
      : []),
    { to: paths.myDetails, label: t("account.myDetails.title") },
  ];
  return <AreaMenu links={links} />;
}
