import { useTranslation } from "react-i18next";
import { Button } from "#src/web/ui/components/Button.tsx";
import { TextField } from "#src/web/ui/components/FormField.tsx";
import { invalidProviderFields } from "./provider-fields.ts";
import { type SaveOutcome, useCheckedForm } from "./use-checked-form.tsx";

const a = "ehCatalogue.admin";

export interface ProviderValues {
  name: string;
  websiteUrl: string;
  /** Only for a new provider: the OIN is for good. */
  oin?: string;
}

/**
 * The provider's name, website and (for a new one) OIN, checked in the browser first; a taken
 * OIN comes back from the server and is shown at its field.
 */
export function ProviderForm({
  idPrefix,
  initial,
  submitLabel,
  onSave,
}: {
  idPrefix: string;
  initial: ProviderValues;
  submitLabel: string;
  /** Sends the values; returns the confirmation to show, and whether to empty the form. */
  onSave: (values: ProviderValues) => Promise<SaveOutcome>;
}) {
  const { t } = useTranslation();
  const form = useCheckedForm({
    initial,
    invalidFields: invalidProviderFields,
    messages: {
      name: t(`${a}.errors.name`),
      oin: t(`${a}.errors.oin`),
      websiteUrl: t(`${a}.errors.website`),
    },
    fixMessage: t(`${a}.fix`),
    idPrefix,
    serverChecked: { field: "oin", code: "provider_oin_taken" },
    onSave,
  });
  const { values, set, fieldId, errorOf } = form;
  const isNew = initial.oin !== undefined;

  return (
    <>
      {form.summary}
      <form className="poort-form" noValidate onSubmit={(event) => void form.onSubmit(event)}>
        <TextField
          id={fieldId("name")}
          label={t(`${a}.name`)}
          autoComplete="organization"
          value={values.name}
          onChange={set("name")}
          error={errorOf("name")}
        />
        {isNew && (
          <TextField
            id={fieldId("oin")}
            label={t(`${a}.oin`)}
            description={t(`${a}.oinDescription`)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            value={values.oin}
            onChange={set("oin")}
            error={errorOf("oin")}
          />
        )}
        <TextField
          id={fieldId("websiteUrl")}
          label={t(`${a}.websiteOptional`)}
          description={t(`${a}.websiteDescription`)}
          type="url"
          autoComplete="url"
          value={values.websiteUrl}
          onChange={set("websiteUrl")}
          error={errorOf("websiteUrl")}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={form.submit.busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
