import { MyDetailsPage } from "#src/web/ui/account/my-details/MyDetailsPage.tsx";
import { useSession } from "#src/web/ui/api/session.tsx";
import { DataExportSection } from "./my-details/DataExportSection.tsx";
import { ExtraAccountsSection } from "./my-details/ExtraAccountsSection.tsx";
import { NotificationsSection } from "./my-details/NotificationsSection.tsx";
import { SecurityEventsSection } from "./my-details/SecurityEventsSection.tsx";

/**
 * The client's "Mijn gegevens": also notifications, for a company its extra accounts, the
 * login's own security events and the download of everything Poort holds about it.
 */
export function PortalMyDetailsPage() {
  const { session } = useSession();
  const account = session?.account;
  const isCompanyMain = account?.clientKind === "company" && account.isMainAccount;
  return (
    <MyDetailsPage profileSections={(profile) => <NotificationsSection profile={profile} />}>
      {isCompanyMain && <ExtraAccountsSection />}
      <SecurityEventsSection />
      <DataExportSection />
    </MyDetailsPage>
  );
}
