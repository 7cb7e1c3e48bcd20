import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import type { Profile } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { audienceKey, useAccountArea } from "../account-area.tsx";
import { LanguageSection } from "./LanguageSection.tsx";
import { ProfileSection } from "./ProfileSection.tsx";
import { SessionsSection } from "./SessionsSection.tsx";
import { TwoFactorSection } from "./TwoFactorSection.tsx";

interface MyDetailsPageProps {
  /** The area's own sections about the profile, shown after the language. */
  profileSections?: (profile: Profile) => ReactNode;
  /** The area's own sections at the end. */
  children?: ReactNode;
}

/** "Mijn gegevens" of every area: opened by itself at the first login. */
export function MyDetailsPage({ profileSections, children }: MyDetailsPageProps) {
  const { t } = useTranslation();
  const { area } = useAccountArea();
  const { session } = useSession();
  const location = useLocation();
  const firstLogin = Boolean((location.state as { firstLogin?: boolean } | null)?.firstLogin);
  const profile = useApiData(accountApi.profile);
  useDocumentTitle(t("account.myDetails.title"));

  // Clients may turn the second step off; staff must keep it (the server refuses).
  const canDisable = session?.account?.kind === "client";

  return (
    <>
      <Heading level={1}>{t("account.myDetails.title")}</Heading>
      {firstLogin && <Alert type="info">{t(audienceKey(area, "welcome"))}</Alert>}
      {profile.error !== undefined && (
        <Alert type="error">{errorMessage(profile.error, t("account.errors.general"))}</Alert>
      )}
      {!profile.data && profile.error === undefined && (
        <Paragraph>{t("account.loading")}</Paragraph>
      )}
      {profile.data && (
        <>
          <ProfileSection profile={profile.data} />
          <LanguageSection profile={profile.data} />
          {profileSections?.(profile.data)}
          <TwoFactorSection
            profile={profile.data}
            canDisable={canDisable}
            onChange={profile.reload}
          />
        </>
      )}
      <SessionsSection />
      {children}
    </>
  );
}
