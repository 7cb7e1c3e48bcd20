import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Profile } from "../../../../contracts/accounts.ts";
import type { Locale } from "../../../../contracts/locale.ts";
import { locales } from "../../../../contracts/locale.ts";
import { apiRequest } from "../../../ui/api/api-client.ts";
import { useSubmit } from "../../../ui/api/use-submit.ts";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { ErrorSummary } from "../../../ui/components/ErrorSummary.tsx";
import { Fieldset, RadioField } from "../../../ui/components/FormField.tsx";
import { Heading } from "../../../ui/components/Heading.tsx";

/** The language of the portal and of the mails: saved in the profile, and used at once. */
export function LanguageSection({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const [locale, setLocale] = useState<Locale>(profile.locale);
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ok = await submit.run(async () => {
      await apiRequest("PATCH", "/api/me/profile", { body: { locale } });
      await i18n.changeLanguage(locale);
    });
    setSaved(ok);
  };

  return (
    <section className="poort-section" aria-labelledby="language-heading">
      <Heading level={2} id="language-heading">
        {t("portal.myDetails.language.heading")}
      </Heading>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {saved && <Alert type="ok">{t("portal.myDetails.language.saved")}</Alert>}
      <form className="poort-form" onSubmit={(event) => void onSubmit(event)}>
        <Fieldset legend={t("portal.myDetails.language.legend")}>
          {locales.map((option) => (
            <RadioField
              key={option}
              id={`language-${option}`}
              name="language"
              value={option}
              lang={option}
              label={t(`language.names.${option}`)}
              checked={locale === option}
              onChange={() => setLocale(option)}
            />
          ))}
        </Fieldset>
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("portal.myDetails.language.save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
