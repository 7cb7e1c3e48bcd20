import { useTranslation } from "react-i18next";
import { AreaMenu } from "../ui/account/AreaMenu.tsx";
import { paths } from "../ui/account/paths.ts";
import { servicedeskPaths } from "./paths.ts";

/** The servicedesk's menu. */
export function ServicedeskMenu() {
  const { t } = useTranslation();
  return (
    <AreaMenu
      links={[
        { to: paths.home, label: t("servicedesk.home.title") },
        { to: servicedeskPaths.offices, label: t("servicedesk.certificates.offices.title") },
        { to: servicedeskPaths.expiring, label: t("servicedesk.certificates.expiring.title") },
        { to: servicedeskPaths.bounces, label: t("servicedesk.certificates.bounces.title") },
        { to: paths.myDetails, label: t("account.myDetails.title") },
      ]}
    />
  );
}
