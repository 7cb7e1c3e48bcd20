import { useTranslation } from "react-i18next";
import { AreaMenu } from "../ui/account/AreaMenu.tsx";
import { paths } from "../ui/account/paths.ts";

/** The servicedesk's menu. */
export function ServicedeskMenu() {
  const { t } = useTranslation();
  return (
    <AreaMenu
      links={[
        { to: paths.home, label: t("servicedesk.home.title") },
        { to: paths.myDetails, label: t("account.myDetails.title") },
      ]}
    />
  );
}
