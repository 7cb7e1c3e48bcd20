import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningIdpAdminApi } from "#src/contracts/api/eherkenning-idp.ts";
import type { IdpServiceOption, MetadataSource } from "#src/contracts/eherkenning/idp.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import {
  CheckboxField,
  FieldError,
  Fieldset,
  RadioField,
  TextField,
} from "#src/web/ui/components/FormField.tsx";

const a = "ehIdpAdmin.register";
type Field = "name" | "url" | "file" | "services";

/**
 * Registers an SP by its metadata, fetched from its https URL by the server or read from a file
 * here, with the catalogue services it may ask for. The browser checks what it can; the server's
 * refusal of the metadata (unreadable, too large, not fetched, already registered) shows above.
 */
export function RegisterServiceProviderForm({
  options,
  onRegistered,
}: {
  options: IdpServiceOption[];
  onRegistered: () => void;
}) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const [name, setName] = useState("");
  const [source, setSource] = useState<MetadataSource["source"]>("url");
  const [url, setUrl] = useState("");
  const [file, setFile] = useState<File>();
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [wrong, setWrong] = useState<Field[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string>();
  // A file input cannot be emptied by state: a new one replaces it after each registration.
  const [registrations, setRegistrations] = useState(0);

  const messages: Record<Field, string> = {
    name: t(`${a}.errors.name`),
    url: t(`${a}.errors.url`),
    file: t(`${a}.errors.file`),
    services: t(`${a}.errors.services`),
  };
  const ids: Record<Field, string> = {
    name: "sp-name",
    url: "sp-metadata-url",
    file: "sp-metadata-file",
    services: `sp-service-${options[0]?.id ?? "none"}`,
  };
  const errorOf = (field: Field) => (wrong.includes(field) ? messages[field] : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setDone(undefined);
    const nowWrong: Field[] = [];
    if (!name.trim()) nowWrong.push("name");
    if (source === "url" && !/^https:\/\/\S+$/.test(url.trim())) nowWrong.push("url");
    if (source === "file" && !file) nowWrong.push("file");
    if (serviceIds.length === 0) nowWrong.push("services");
    setWrong(nowWrong);
    if (nowWrong.length > 0) {
      submit.setError(undefined);
      return;
    }
    const ok = await submit.run(async () => {
      const metadata: MetadataSource =
        source === "url"
          ? { source: "url", url: url.trim() }
          : { source: "file", xml: (await file?.text()) ?? "" };
      const registered = await callApi(eherkenningIdpAdminApi.register, {
        body: { name: name.trim(), metadata, catalogueServiceIds: serviceIds },
      });
      setDone(t(`${a}.done`, { name: registered.name, entityId: registered.entityId }));
    });
    if (ok) {
      setName("");
      setUrl("");
      setFile(undefined);
      setServiceIds([]);
      setRegistrations((n) => n + 1);
      onRegistered();
    }
  };

  return (
    <>
      <FieldErrorSummary
        attempt={attempt}
        message={wrong.length > 0 ? t(`${a}.errors.fix`) : submit.error?.message}
        fields={wrong.map((field) => ({ id: ids[field], message: messages[field] }))}
      />
      {done && <Alert type="ok">{done}</Alert>}
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id={ids.name}
          label={t(`${a}.name`)}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errorOf("name")}
        />
        <Fieldset legend={t(`${a}.source`)}>
          <RadioField
            id="sp-source-url"
            name="sp-source"
            label={t(`${a}.byUrl`)}
            checked={source === "url"}
            onChange={() => setSource("url")}
          />
          <RadioField
            id="sp-source-file"
            name="sp-source"
            label={t(`${a}.byFile`)}
            checked={source === "file"}
            onChange={() => setSource("file")}
          />
        </Fieldset>
        {source === "url" ? (
          <TextField
            key="url"
            id={ids.url}
            label={t(`${a}.url`)}
            type="url"
            inputMode="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            error={errorOf("url")}
          />
        ) : (
          // Its own key: the file input is uncontrolled, the URL field in its place is not.
          <TextField
            key={`file-${registrations}`}
            id={ids.file}
            label={t(`${a}.file`)}
            type="file"
            accept=".xml,application/samlmetadata+xml,application/xml,text/xml"
            onChange={(event) => setFile(event.target.files?.[0])}
            error={errorOf("file")}
          />
        )}
        <Fieldset legend={t(`${a}.services`)}>
          {errorOf("services") && (
            <FieldError id="sp-services-error">{errorOf("services")}</FieldError>
          )}
          {options.map((option) => (
            <CheckboxField
              key={option.id}
              id={`sp-service-${option.id}`}
              label={t(`${a}.serviceOption`, {
                service: i18n.language === "en" ? option.nameEn : option.nameNl,
                provider: option.providerName,
                level: option.level,
              })}
              checked={serviceIds.includes(option.id)}
              onChange={(event) =>
                setServiceIds((previous) =>
                  event.target.checked
                    ? [...previous, option.id]
                    : previous.filter((id) => id !== option.id),
                )
              }
              {...(errorOf("services") ? { "aria-describedby": "sp-services-error" } : {})}
            />
          ))}
        </Fieldset>
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t(`${a}.submit`)}
          </Button>
        </div>
      </form>
    </>
  );
}
