import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Profile } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { CheckboxField, Fieldset } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";

const kinds = ["documents", "questionnaires", "messages"] as const;

/** Which news from the office also comes by e-mail. */
export function NotificationsSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [choice, setChoice] = useState(profile.notifications);
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ok = await submit.run(async () => {
      await callApi(accountApi.updateProfile, { body: { notifications: choice } });
    });
    setSaved(ok);
  };

  return (
    <section className="poort-section" aria-labelledby="notifications-heading">
      <Heading level={2} id="notifications-heading">
        {t("account.myDetails.notifications.heading")}
      </Heading>
      <Paragraph>{t("account.myDetails.notifications.intro")}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {saved && <Alert type="ok">{t("account.myDetails.notifications.saved")}</Alert>}
      <form className="poort-form" onSubmit={(event) => void onSubmit(event)}>
        <Fieldset legend={t("account.myDetails.notifications.legend")}>
          {kinds.map((kind) => (
            <CheckboxField
              key={kind}
              id={`notify-${kind}`}
              label={t(`account.myDetails.notifications.kinds.${kind}`)}
              checked={choice[kind]}
              onChange={(event) => setChoice({ ...choice, [kind]: event.target.checked })}
            />
          ))}
        </Fieldset>
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("account.myDetails.notifications.save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
