import { useTranslation } from "react-i18next";
import type { Profile } from "#src/contracts/accounts.ts";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";

/** Name, e-mail address and mobile number of the account. */
export function ProfileSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  return (
    <section className="poort-section" aria-labelledby="profile-heading">
      <Heading level={2} id="profile-heading">
        {t("account.myDetails.profile.heading")}
      </Heading>
      <DataList
        items={[
          { key: "name", label: t("account.fields.name"), value: profile.name },
          { key: "email", label: t("account.fields.email"), value: profile.email },
          {
            key: "mobile",
            label: t("account.fields.mobile"),
            value: profile.mobile ?? t("account.myDetails.profile.noMobile"),
          },
        ]}
      />
    </section>
  );
}
