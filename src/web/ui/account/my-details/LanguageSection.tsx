import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Profile } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { audienceKey, useAccountArea } from "../account-area.tsx";
import { LocaleFieldset } from "../LocaleFieldset.tsx";

/** The language of the area and of the mails: saved in the profile, and used at once. */
export function LanguageSection({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const { area } = useAccountArea();
  const submit = useSubmit();
  const [locale, setLocale] = useState<Locale>(profile.locale);
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ok = await submit.run(async () => {
      await callApi(accountApi.updateProfile, { body: { locale } });
      await i18n.changeLanguage(locale);
    });
    setSaved(ok);
  };

  return (
    <section className="poort-section" aria-labelledby="language-heading">
      <Heading level={2} id="language-heading">
        {t("account.myDetails.language.heading")}
      </Heading>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {saved && <Alert type="ok">{t("account.myDetails.language.saved")}</Alert>}
      <form className="poort-form" onSubmit={(event) => void onSubmit(event)}>
        <LocaleFieldset
          name="language"
          legend={t(audienceKey(area, "languageLegend"))}
          value={locale}
          onChange={setLocale}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("account.myDetails.language.save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
