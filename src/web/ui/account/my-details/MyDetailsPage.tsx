import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { profileSchema } from "../../../../contracts/accounts.ts";
import { apiRequest, errorMessage } from "../../../ui/api/api-client.ts";
import { useSession } from "../../../ui/api/session.tsx";
import { useApiData } from "../../../ui/api/use-api-data.ts";
import { Alert } from "../../../ui/components/Alert.tsx";
import { DataList } from "../../../ui/components/DataList.tsx";
import { Heading } from "../../../ui/components/Heading.tsx";
import { Paragraph } from "../../../ui/components/Paragraph.tsx";
import { useDocumentTitle } from "../../../ui/use-document-title.ts";
import { ExtraAccountsSection } from "./ExtraAccountsSection.tsx";
import { LanguageSection } from "./LanguageSection.tsx";
import { NotificationsSection } from "./NotificationsSection.tsx";
import { SessionsSection } from "./SessionsSection.tsx";
import { TwoFactorSection } from "./TwoFactorSection.tsx";

/** "Mijn gegevens": opened by itself at the first login. */
export function MyDetailsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  const firstLogin = Boolean((location.state as { firstLogin?: boolean } | null)?.firstLogin);
  const profile = useApiData("/api/me/profile", profileSchema);
  useDocumentTitle(t("portal.myDetails.title"));

  useEffect(() => {
    // The first visit is recorded, so the next login opens the portal as usual.
    if (firstLogin) apiRequest("POST", "/api/me/profile/seen").catch(() => undefined);
  }, [firstLogin]);

  const account = session?.account;
  const isCompanyMain = account?.clientKind === "company" && account.isMainAccount;

  return (
    <>
      <Heading level={1}>{t("portal.myDetails.title")}</Heading>
      {firstLogin && <Alert type="info">{t("portal.myDetails.welcome")}</Alert>}
      {profile.error !== undefined && (
        <Alert type="error">{errorMessage(profile.error, t("portal.errors.general"))}</Alert>
      )}
      {!profile.data && profile.error === undefined && <Paragraph>{t("portal.loading")}</Paragraph>}
      {profile.data && (
        <>
          <section className="poort-section" aria-labelledby="profile-heading">
            <Heading level={2} id="profile-heading">
              {t("portal.myDetails.profile.heading")}
            </Heading>
            <DataList
              items={[
                { key: "name", label: t("portal.fields.name"), value: profile.data.name },
                { key: "email", label: t("portal.fields.email"), value: profile.data.email },
                {
                  key: "mobile",
                  label: t("portal.fields.mobile"),
                  value: profile.data.mobile ?? t("portal.myDetails.profile.noMobile"),
                },
              ]}
            />
          </section>
          <LanguageSection profile={profile.data} />
          <NotificationsSection profile={profile.data} />
          <TwoFactorSection profile={profile.data} onChange={profile.reload} />
        </>
      )}
      <SessionsSection />
      {isCompanyMain && <ExtraAccountsSection />}
    </>
  );
}
