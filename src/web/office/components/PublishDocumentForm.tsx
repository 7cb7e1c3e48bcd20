import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { Fieldset, RadioField, TextField } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { type PublishFields, uploadDossierDocument } from "../dossiers/upload.ts";

type Category = Exclude<PublishFields["category"], "message">;
const categories: Category[] = ["correspondence", "documents"];

/** A file's name without its extension, as a first guess at the document's title. */
const titleFromFileName = (name: string) => name.replace(/\.[^.]+$/, "").slice(0, 200);

/**
 * "Documenten publiceren": a document of the office for the clients of the dossier, in
 * Correspondentie or Documenten, published at once or kept as a draft.
 */
export function PublishDocumentForm({
  dossierId,
  onAdded,
}: {
  dossierId: string;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [category, setCategory] = useState<Category>("documents");
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File>();
  const [publish, setPublish] = useState(true);
  // A new key empties the file input after a successful upload.
  const [fileInputKey, setFileInputKey] = useState(0);
  const [missing, setMissing] = useState<{ title?: boolean; file?: boolean }>({});
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const trimmed = title.trim();
    const nowMissing = { title: !trimmed || trimmed.length > 200, file: !file };
    setMissing(nowMissing);
    setAttempt((n) => n + 1);
    if (nowMissing.title || !file) {
      submit.setError(undefined);
      return;
    }
    const ok = await submit.run(async () => {
      await uploadDossierDocument(dossierId, { category, title: trimmed, publish }, file);
    });
    if (ok) {
      setNotice(
        t(publish ? "office.dossiers.publish.published" : "office.dossiers.publish.drafted", {
          title: trimmed,
        }),
      );
      setTitle("");
      setFile(undefined);
      setFileInputKey((n) => n + 1);
      onAdded();
    }
  };

  const missingLinks = [
    ...(missing.title
      ? [{ id: "publish-title", message: t("office.dossiers.publish.titleMissing") }]
      : []),
    ...(missing.file
      ? [{ id: "publish-file", message: t("office.dossiers.publish.fileMissing") }]
      : []),
  ];

  return (
    <>
      <Paragraph>{t("office.dossiers.publish.intro")}</Paragraph>
      <FieldErrorSummary
        message={missingLinks.length > 0 ? t("account.errors.fillIn") : submit.error?.message}
        fields={missingLinks}
        attempt={attempt}
      />
      {notice && <Alert type="ok">{notice}</Alert>}
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <Fieldset legend={t("office.dossiers.publish.category")}>
          {categories.map((option) => (
            <RadioField
              key={option}
              id={`publish-category-${option}`}
              name="publish-category"
              value={option}
              label={t(`dossiers.category.${option}`)}
              checked={category === option}
              onChange={() => setCategory(option)}
            />
          ))}
        </Fieldset>
        <TextField
          id="publish-title"
          label={t("office.dossiers.publish.title")}
          autoComplete="off"
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={missing.title ? t("office.dossiers.publish.titleMissing") : undefined}
        />
        <TextField
          key={fileInputKey}
          id="publish-file"
          label={t("office.dossiers.publish.file")}
          type="file"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            setFile(chosen);
            if (chosen && !title.trim()) setTitle(titleFromFileName(chosen.name));
          }}
          error={missing.file ? t("office.dossiers.publish.fileMissing") : undefined}
        />
        <Fieldset legend={t("office.dossiers.publish.when")}>
          <RadioField
            id="publish-when-now"
            name="publish-when"
            value="true"
            label={t("office.dossiers.publish.now")}
            checked={publish}
            onChange={() => setPublish(true)}
          />
          <RadioField
            id="publish-when-draft"
            name="publish-when"
            value="false"
            label={t("office.dossiers.publish.draft")}
            checked={!publish}
            onChange={() => setPublish(false)}
          />
        </Fieldset>
        <div role="status">{submit.busy ? t("office.dossiers.publish.busy") : ""}</div>
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("office.dossiers.publish.submit")}
          </Button>
        </div>
      </form>
    </>
  );
}
