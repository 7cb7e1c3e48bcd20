import { useTranslation } from "react-i18next";
import { AreaMenu, type MenuLink } from "../ui/account/AreaMenu.tsx";
import { paths } from "../ui/account/paths.ts";
import { portalPaths } from "./paths.ts";

/** The client portal's menu. */
export function PortalMenu() {
  const { t } = useTranslation();
  const links: MenuLink[] = [
    { to: paths.home, label: t("portal.home.title") },
    { to: portalPaths.dossiers, label: t("portal.dossiers.title") },
    { to: paths.myDetails, label: t("account.myDetails.title") },
  ];
  return <AreaMenu links={links} />;
}
