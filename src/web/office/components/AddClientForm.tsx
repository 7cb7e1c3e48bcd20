import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { officeApi } from "#src/contracts/api/office.ts";
import { kvkNumberSchema } from "#src/contracts/eherkenning/kvk-numbers.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { LocaleFieldset } from "#src/web/ui/account/LocaleFieldset.tsx";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { Fieldset, RadioField, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";

type Kind = "person" | "company";
const empty = { name: "", contactName: "", kvkNumber: "", email: "", mobile: "" };

/** "Cliënt toevoegen": a person or a company, who then gets an invitation by e-mail. */
export function AddClientForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [kind, setKind] = useState<Kind>("person");
  const [values, setValues] = useState(empty);
  const [locale, setLocale] = useState<Locale>("nl");
  const [missing, setMissing] = useState<Partial<Record<keyof typeof empty, boolean>>>({});
  const [kvkInvalid, setKvkInvalid] = useState(false);
  const [added, setAdded] = useState<string>();
  const isCompany = kind === "company";
  // The number's form is checked here; whether another company has it, only the server knows.
  const kvkFieldError = kvkInvalid
    ? t("office.clients.kvk.invalid")
    : submit.error?.code === "kvk_number_taken"
      ? submit.error.message
      : undefined;

  const field = (key: keyof typeof empty) => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) =>
      setValues({ ...values, [key]: event.target.value }),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(undefined);
    const nowMissing = {
      name: !values.name.trim(),
      contactName: isCompany && !values.contactName.trim(),
      email: !values.email.trim(),
    };
    // Optional, and a company's only: an empty field sends none, what is typed is checked.
    const typedKvk = isCompany ? values.kvkNumber.trim() : "";
    const kvk = typedKvk ? kvkNumberSchema.safeParse(typedKvk) : undefined;
    setMissing(nowMissing);
    setKvkInvalid(kvk?.success === false);
    if (Object.values(nowMissing).some(Boolean)) {
      submit.setError(new ApiError(0, "missing", t("account.errors.fillIn")));
      return;
    }
    if (kvk?.success === false) {
      submit.setError(new ApiError(0, "invalid", t("office.clients.kvk.invalid")));
      return;
    }
    const name = values.name.trim();
    const ok = await submit.run(async () => {
      await callApi(officeApi.inviteClient, {
        body: {
          kind,
          name,
          contactName: isCompany ? values.contactName.trim() : undefined,
          kvkNumber: kvk?.data,
          email: values.email.trim(),
          mobile: values.mobile.trim() || undefined,
          locale,
        },
      });
    });
    if (ok) {
      setAdded(t("office.clients.added", { name }));
      setValues(empty);
      onAdded();
    }
  };

  return (
    <section className="poort-section" aria-labelledby="add-client-heading">
      <Heading level={2} id="add-client-heading">
        {t("office.clients.addHeading")}
      </Heading>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {added && <Alert type="ok">{added}</Alert>}
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <Fieldset legend={t("office.clients.kind")}>
          {(["person", "company"] as const).map((option) => (
            <RadioField
              key={option}
              id={`client-kind-${option}`}
              name="client-kind"
              value={option}
              label={t(`office.clients.kinds.${option}`)}
              checked={kind === option}
              onChange={() => setKind(option)}
            />
          ))}
        </Fieldset>
        <TextField
          id="client-name"
          label={t(isCompany ? "office.clients.companyName" : "account.fields.name")}
          autoComplete="off"
          {...field("name")}
          error={missing.name ? t("account.errors.nameMissing") : undefined}
        />
        {isCompany && (
          <TextField
            id="client-contact-name"
            label={t("office.clients.contactName")}
            description={t("office.clients.contactNameHelp")}
            autoComplete="off"
            {...field("contactName")}
            error={missing.contactName ? t("account.errors.nameMissing") : undefined}
          />
        )}
        {isCompany && (
          <TextField
            id="client-kvk-number"
            label={t("office.clients.kvk.optional")}
            description={t("office.clients.kvk.help")}
            inputMode="numeric"
            autoComplete="off"
            {...field("kvkNumber")}
            error={kvkFieldError}
          />
        )}
        <TextField
          id="client-email"
          label={t("account.fields.email")}
          type="email"
          autoComplete="off"
          {...field("email")}
          error={missing.email ? t("office.errors.emailMissing") : undefined}
        />
        <TextField
          id="client-mobile"
          label={t("office.clients.mobile")}
          type="tel"
          autoComplete="off"
          {...field("mobile")}
        />
        <LocaleFieldset
          name="client-locale"
          legend={t("office.fields.locale")}
          value={locale}
          onChange={setLocale}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("office.clients.add")}
          </Button>
        </div>
      </form>
    </section>
  );
}
