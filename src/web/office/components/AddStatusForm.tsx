import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { officeApi } from "#src/contracts/api/office.ts";
import { createDossierStatusSchema } from "#src/contracts/dossiers.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";

/** For the office's admins: a status of the office's own, beside the built-in ones. */
export function AddStatusForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [label, setLabel] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [added, setAdded] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(undefined);
    const checked = createDossierStatusSchema.safeParse({ label });
    setInvalid(!checked.success);
    if (!checked.success) {
      submit.setError(new ApiError(0, "invalid", t("account.errors.fixFields")));
      return;
    }
    const ok = await submit.run(async () => {
      await callApi(officeApi.createDossierStatus, { body: checked.data });
    });
    if (ok) {
      setAdded(t("office.dossiers.statuses.added", { label: checked.data.label }));
      setLabel("");
      onAdded();
    }
  };

  return (
    <section className="poort-section" aria-labelledby="add-status-heading">
      <Heading level={2} id="add-status-heading">
        {t("office.dossiers.statuses.heading")}
      </Heading>
      <Paragraph>{t("office.dossiers.statuses.intro")}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {added && <Alert type="ok">{added}</Alert>}
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="status-label"
          label={t("office.dossiers.statuses.label")}
          autoComplete="off"
          maxLength={60}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          error={invalid ? t("office.dossiers.statuses.labelInvalid") : undefined}
        />
        <div>
          <Button type="submit" appearance="secondary-action" disabled={submit.busy}>
            {t("office.dossiers.statuses.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}
