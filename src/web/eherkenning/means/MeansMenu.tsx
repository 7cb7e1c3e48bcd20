import { useTranslation } from "react-i18next";
import { AreaMenu } from "../../ui/account/AreaMenu.tsx";
import { paths } from "../../ui/account/paths.ts";

/** The means holder's pages: their means and authorizations, and "Mijn gegevens". */
export function MeansMenu() {
  const { t } = useTranslation();
  return (
    <AreaMenu
      links={[
        { to: "/middel", label: t("ehMeans.title") },
        { to: paths.myDetails, label: t("account.myDetails.title") },
      ]}
    />
  );
}
