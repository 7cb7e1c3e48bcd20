import { useTranslation } from "react-i18next";
import { AreaMenu, type MenuLink } from "../ui/account/AreaMenu.tsx";
import { paths } from "../ui/account/paths.ts";
import { useSession } from "../ui/api/session.tsx";
import { RouterLink } from "../ui/components/Link.tsx";
import { officeLabel } from "./office/office-label.ts";
import "./portal.css";
import { portalPaths } from "./paths.ts";

/**
 * The client portal's menu. A login of several offices sees the office it acts for, with the
 * way to another (ADR 0011); until it has chosen, the choice is all there is.
 */
export function PortalMenu() {
  const { t } = useTranslation();
  const { session } = useSession();
  const choice = session?.officeChoice;
  if (choice?.needed) return null;
  const current = choice?.offices.find((office) => office.id === choice.current);
  const links: MenuLink[] = [
    { to: paths.home, label: t("portal.home.title") },
    { to: portalPaths.dossiers, label: t("portal.dossiers.title") },
    { to: portalPaths.actions, label: t("portal.actions.title") },
    { to: paths.myDetails, label: t("account.myDetails.title") },
  ];
  return (
    <>
      {current && choice && choice.offices.length > 1 && (
        <p className="utrecht-paragraph poort-office-bar">
          <span>{t("portal.offices.current", { office: officeLabel(t, current) })}</span>{" "}
          <RouterLink to={portalPaths.chooseOffice}>{t("portal.offices.switch")}</RouterLink>
        </p>
      )}
      <AreaMenu links={links} />
    </>
  );
}
