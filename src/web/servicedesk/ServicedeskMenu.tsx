import { useTranslation } from "react-i18next";
import { AreaMenu } from "../ui/account/AreaMenu.tsx";
import { paths } from "../ui/account/paths.ts";
import { useSession } from "../ui/api/session.tsx";
import { isServicedesk } from "./is-servicedesk.ts";
import { servicedeskPaths } from "./paths.ts";

/** The servicedesk's menu; the certificate events for the servicedesk role only. */
export function ServicedeskMenu() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <AreaMenu
      links={[
        { to: paths.home, label: t("servicedesk.home.title") },
        { to: servicedeskPaths.offices, label: t("servicedesk.certificates.offices.title") },
        { to: servicedeskPaths.expiring, label: t("servicedesk.certificates.expiring.title") },
        { to: servicedeskPaths.bounces, label: t("servicedesk.certificates.bounces.title") },
        ...(isServicedesk(session?.account?.role)
          ? [
              {
                to: servicedeskPaths.certificateEvents,
                label: t("servicedesk.certificateEvents.title"),
              },
            ]
          : []),
        { to: paths.myDetails, label: t("account.myDetails.title") },
      ]}
    />
  );
}
