import { MyDetailsPage } from "#src/web/ui/account/my-details/MyDetailsPage.tsx";
import { useSession } from "#src/web/ui/api/session.tsx";
import { ExtraAccountsSection } from "./my-details/ExtraAccountsSection.tsx";
import { NotificationsSection } from "./my-details/NotificationsSection.tsx";

/** The client's "Mijn gegevens": also notifications and, for a company, its extra accounts. */
export function PortalMyDetailsPage() {
  const { session } = useSession();
  const account = session?.account;
  const isCompanyMain = account?.clientKind === "company" && account.isMainAccount;
  return (
    <MyDetailsPage profileSections={(profile) => <NotificationsSection profile={profile} />}>
      {isCompanyMain && <ExtraAccountsSection />}
    </MyDetailsPage>
  );
}
