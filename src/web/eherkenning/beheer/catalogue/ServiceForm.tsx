import { useTranslation } from "react-i18next";
import { type Level, levelSchema } from "#src/contracts/eherkenning/levels.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ButtonGroup, SelectField, TextField } from "#src/web/ui/components/FormField.tsx";
import { TextAreaField } from "#src/web/ui/components/TextAreaField.tsx";
import { invalidServiceFields } from "./provider-fields.ts";
import { type SaveOutcome, useCheckedForm } from "./use-checked-form.tsx";

const a = "ehCatalogue.admin";

export interface ServiceValues {
  /** Only for a new service: the index is for good. */
  serviceIndex?: string;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  level: Level;
}

export const emptyService: ServiceValues = {
  serviceIndex: "",
  nameNl: "",
  nameEn: "",
  descriptionNl: "",
  descriptionEn: "",
  level: "EH3",
};

/**
 * A service's index (new services only), names and descriptions in both languages, and the
 * level it demands; a taken index comes back from the server and is shown at its field.
 */
export function ServiceForm({
  idPrefix,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  idPrefix: string;
  initial: ServiceValues;
  submitLabel: string;
  /** Sends the values; returns the confirmation to show, and whether to empty the form. */
  onSave: (values: ServiceValues) => Promise<SaveOutcome>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const form = useCheckedForm({
    initial,
    invalidFields: invalidServiceFields,
    messages: {
      serviceIndex: t(`${a}.errors.index`),
      nameNl: t(`${a}.errors.nameNl`),
      nameEn: t(`${a}.errors.nameEn`),
    },
    fixMessage: t(`${a}.fix`),
    idPrefix,
    serverChecked: { field: "serviceIndex", code: "service_index_taken" },
    onSave,
  });
  const { values, setValues, set, fieldId, errorOf } = form;

  return (
    <>
      {form.summary}
      <form className="poort-form" noValidate onSubmit={(event) => void form.onSubmit(event)}>
        {initial.serviceIndex !== undefined && (
          <TextField
            id={fieldId("serviceIndex")}
            label={t(`${a}.serviceIndex`)}
            description={t(`${a}.serviceIndexDescription`)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            value={values.serviceIndex}
            onChange={set("serviceIndex")}
            error={errorOf("serviceIndex")}
          />
        )}
        <TextField
          id={fieldId("nameNl")}
          label={t(`${a}.nameNl`)}
          lang="nl"
          autoComplete="off"
          value={values.nameNl}
          onChange={set("nameNl")}
          error={errorOf("nameNl")}
        />
        <TextField
          id={fieldId("nameEn")}
          label={t(`${a}.nameEn`)}
          lang="en"
          autoComplete="off"
          value={values.nameEn}
          onChange={set("nameEn")}
          error={errorOf("nameEn")}
        />
        <TextAreaField
          id={fieldId("descriptionNl")}
          label={t(`${a}.descriptionNl`)}
          lang="nl"
          rows={3}
          value={values.descriptionNl}
          onChange={set("descriptionNl")}
        />
        <TextAreaField
          id={fieldId("descriptionEn")}
          label={t(`${a}.descriptionEn`)}
          lang="en"
          rows={3}
          value={values.descriptionEn}
          onChange={set("descriptionEn")}
        />
        <SelectField
          id={fieldId("level")}
          label={t(`${a}.demandedLevel`)}
          options={levelSchema.options.map((level) => ({
            value: level,
            label: t(`ehCatalogue.levels.${level}`),
          }))}
          value={values.level}
          onChange={(event) =>
            setValues((previous) => ({
              ...previous,
              level: levelSchema.parse(event.target.value),
            }))
          }
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" disabled={form.submit.busy}>
            {submitLabel}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t(`${a}.cancel`)}</Button>}
        </ButtonGroup>
      </form>
    </>
  );
}
