import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { officeEherkenningApi } from "#src/contracts/api/office-eherkenning.ts";
import { type Level, levelSchema } from "#src/contracts/eherkenning/levels.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { SelectField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { SubmitForm } from "#src/web/ui/components/SubmitForm.tsx";

const e = "office.eherkenning";

/**
 * "eHerkenning" for the office's admins: the level of assurance the office's client portal
 * demands of companies that log in with eHerkenning (that level or higher).
 */
export function EherkenningLevelSection() {
  const { t } = useTranslation();
  const setting = useApiData(officeEherkenningApi.setting);
  const submit = useSubmit();
  const [level, setLevel] = useState<Level>();
  const [saved, setSaved] = useState(false);
  const current = setting.data?.level;
  useEffect(() => {
    if (current) setLevel(current);
  }, [current]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!level) return;
    const ok = await submit.run(async () => {
      await callApi(officeEherkenningApi.setLevel, { body: { level } });
    });
    setSaved(ok);
    if (ok) setting.reload();
  };

  return (
    <section className="poort-section" aria-labelledby="office-eherkenning-heading">
      <Heading level={2} id="office-eherkenning-heading">
        {t(`${e}.heading`)}
      </Heading>
      <Paragraph>{t(`${e}.intro`)}</Paragraph>
      {setting.loading && !setting.data && <Paragraph>{t("account.loading")}</Paragraph>}
      {setting.error !== undefined && (
        <Alert type="error">{errorMessage(setting.error, t("account.errors.general"))}</Alert>
      )}
      {setting.data?.withdrawn && <Alert type="warning">{t(`${e}.withdrawn`)}</Alert>}
      {setting.data && level && (
        <>
          <DataList
            items={[
              {
                key: "serviceId",
                label: t(`${e}.serviceId`),
                value: <code>{setting.data.serviceId}</code>,
              },
            ]}
          />
          <SubmitForm
            submit={submit}
            done={saved ? t(`${e}.saved`) : undefined}
            submitLabel={t(`${e}.save`)}
            onSubmit={onSubmit}
          >
            <SelectField
              id="office-eherkenning-level"
              label={t(`${e}.level`)}
              options={levelSchema.options.map((option) => ({
                value: option,
                label: t(`ehCatalogue.levels.${option}`),
              }))}
              value={level}
              onChange={(event) => {
                setSaved(false);
                setLevel(levelSchema.parse(event.target.value));
              }}
            />
          </SubmitForm>
        </>
      )}
    </section>
  );
}
