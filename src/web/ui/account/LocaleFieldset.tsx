import { useTranslation } from "react-i18next";
import { type Locale, locales } from "#src/contracts/locale.ts";
import { Fieldset, RadioField } from "../components/FormField.tsx";

interface LocaleFieldsetProps {
  /** Makes the radio buttons' ids and name unique on the page. */
  name: string;
  legend: string;
  value: Locale;
  onChange: (locale: Locale) => void;
}

/** A choice of language, each option named in its own language. */
export function LocaleFieldset({ name, legend, value, onChange }: LocaleFieldsetProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={legend}>
      {locales.map((option) => (
        <RadioField
          key={option}
          id={`${name}-${option}`}
          name={name}
          value={option}
          lang={option}
          label={t(`language.names.${option}`)}
          checked={value === option}
          onChange={() => onChange(option)}
        />
      ))}
    </Fieldset>
  );
}
