import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { officeSettingsApi } from "#src/contracts/api/office-settings.ts";
import { RETENTION_MONTHS, retentionMonthsSchema } from "#src/contracts/office-settings.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { SubmitForm } from "#src/web/ui/components/SubmitForm.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { isOfficeAdmin } from "../is-admin.ts";

const s = "office.settings";

/** "Instellingen": the office's settings, for its admins. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  useDocumentTitle(t(`${s}.title`));
  return (
    <>
      <Heading level={1}>{t(`${s}.title`)}</Heading>
      {isOfficeAdmin(session) ? (
        <RetentionSection />
      ) : (
        <Alert type="warning">{t(`${s}.noAccess`)}</Alert>
      )}
    </>
  );
}

/**
 * "Bewaartermijn in het portaal": months after its completion or cancellation that a dossier
 * leaves the client portal with its documents and messages (ADR 0023).
 */
function RetentionSection() {
  const { t } = useTranslation();
  const settings = useApiData(officeSettingsApi.settings);
  return (
    <section className="poort-section" aria-labelledby="office-retention-heading">
      <Heading level={2} id="office-retention-heading">
        {t(`${s}.retention.heading`)}
      </Heading>
      <Paragraph>{t(`${s}.retention.intro`)}</Paragraph>
      {settings.loading && !settings.data && <Paragraph>{t("account.loading")}</Paragraph>}
      {settings.error !== undefined && (
        <Alert type="error">{errorMessage(settings.error, t("account.errors.general"))}</Alert>
      )}
      {settings.data && (
        <RetentionForm current={settings.data.retentionMonths} onSaved={settings.reload} />
      )}
    </section>
  );
}

/**
 * The period's form, first shown with the stored period: it is mounted only once that has
 * loaded, so the field is never empty in between.
 */
function RetentionForm({ current, onSaved }: { current: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [months, setMonths] = useState(String(current));
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = retentionMonthsSchema.safeParse(Number(months.trim() || Number.NaN));
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    const ok = await submit.run(async () => {
      await callApi(officeSettingsApi.update, { body: { retentionMonths: parsed.data } });
    });
    setSaved(ok);
    if (ok) onSaved();
  };

  return (
    <SubmitForm
      submit={submit}
      done={saved ? t(`${s}.retention.saved`) : undefined}
      submitLabel={t(`${s}.retention.save`)}
      onSubmit={onSubmit}
    >
      <TextField
        id="office-retention-months"
        label={t(`${s}.retention.label`)}
        description={t(`${s}.retention.hint`, RETENTION_MONTHS)}
        error={invalid ? t(`${s}.retention.invalid`, RETENTION_MONTHS) : undefined}
        inputMode="numeric"
        value={months}
        onChange={(event) => {
          setSaved(false);
          setMonths(event.target.value);
        }}
      />
    </SubmitForm>
  );
}
