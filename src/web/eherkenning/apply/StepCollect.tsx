import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import { identityDocumentTypeSchema } from "#src/contracts/eherkenning/applications.ts";
import { levelSchema } from "#src/contracts/eherkenning/levels.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import {
  ButtonGroup,
  FieldShell,
  SelectField,
  TextField,
} from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { formatDate, formatFileSize } from "#src/web/ui/format.ts";
import type { StepProps } from "./step-props.ts";
import { uploadIdCopy } from "./upload-id-copy.ts";

const p = "ehApply.collect";

/** What each level needs (rows), and at which levels (columns): the seed's table. */
const requirements = [
  { key: "idCopy", levels: ["EH2+", "EH3", "EH4"] },
  { key: "kvkAuthority", levels: ["EH2+", "EH3", "EH4"] },
  { key: "faceToFace", levels: ["EH3", "EH4"] },
  { key: "representativesInPerson", levels: ["EH4"] },
] as const;

/** The level table of step 3: a row per requirement, a column per level. */
function RequirementsTable({ partnerName }: { partnerName: string }) {
  const { t } = useTranslation();
  return (
    <Table caption={t(`${p}.tableCaption`)}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t(`${p}.requirement`)}</TableHeaderCell>
          {levelSchema.options.map((level) => (
            <TableHeaderCell key={level}>{level}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {requirements.map((row) => (
          <TableRow key={row.key}>
            <TableCell>{t(`${p}.rows.${row.key}`, { partner: partnerName })}</TableCell>
            {levelSchema.options.map((level) => (
              <TableCell key={level}>
                {(row.levels as readonly string[]).includes(level)
                  ? t(`${p}.needed`)
                  : t(`${p}.notNeeded`)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Step 3, "Verzamelen van gegevens": what the level needs, then the copy of the user's ID with
 * its type and expiry date (required when the user does not work for the company, and at EH2+).
 */
export function StepCollect({ application, goTo, reload }: StepProps) {
  const { t, i18n } = useTranslation();
  const [documentType, setDocumentType] = useState<string>("passport");
  const [expiresOn, setExpiresOn] = useState("");
  const [file, setFile] = useState<File>();
  const [uploaded, setUploaded] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [missingFile, setMissingFile] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useSubmit();
  const remove = useSubmit();

  async function onUpload(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setUploaded(undefined);
    if (!file) return setMissingFile(true);
    setMissingFile(false);
    const ok = await upload.run(async () => {
      try {
        const type = identityDocumentTypeSchema.parse(documentType);
        await uploadIdCopy({ documentType: type, expiresOn }, file);
      } catch (error) {
        throw error instanceof ApiError && !error.message
          ? new ApiError(error.status, error.code, t(`${p}.uploadFailed`))
          : error;
      }
    });
    if (ok) {
      setUploaded(file.name);
      setFile(undefined);
      if (fileInput.current) fileInput.current.value = "";
      reload();
    }
  }

  const fieldError = (field: string) =>
    upload.error?.details.some((detail) => detail.path === `body.${field}`) ||
    (field === "expiresOn" && upload.error?.code === "id_document_expires_too_soon");
  const fileError = missingFile
    ? t(`${p}.errors.file`)
    : upload.error && !fieldError("expiresOn") && !fieldError("documentType")
      ? upload.error.message
      : undefined;

  return (
    <section aria-labelledby="eh-step-heading">
      <Heading level={2} id="eh-step-heading">
        {t("ehApply.steps.collect")}
      </Heading>
      <Paragraph>{t(`${p}.intro`)}</Paragraph>
      <RequirementsTable partnerName={application.partnerName} />
      <Paragraph>{t(`${p}.idCopyNote`)}</Paragraph>
      <Paragraph>{t(`${p}.notEmployed`)}</Paragraph>

      <section className="poort-eh-box" aria-labelledby="eh-upload-heading">
        <Heading level={3} id="eh-upload-heading">
          {t(`${p}.uploadHeading`)}
        </Heading>
        <Alert type={application.idCopyRequired ? "warning" : "info"}>
          {application.idCopyRequired ? t(`${p}.required`) : t(`${p}.optional`)}
        </Alert>
        {application.attachments.length > 0 && (
          <UnorderedList>
            {application.attachments.map((attachment) => (
              <UnorderedListItem key={attachment.id}>
                {t(`${p}.attachment`, {
                  name: attachment.fileName,
                  type: t(`ehApply.documentTypes.${attachment.documentType}`),
                  expires: formatDate(attachment.expiresOn, i18n.language),
                  size: formatFileSize(attachment.size, i18n.language),
                })}{" "}
                <Button
                  appearance="subtle"
                  disabled={remove.busy}
                  onClick={() =>
                    void remove
                      .run(async () => {
                        await callApi(eherkenningApplyApi.removeAttachment, {
                          params: { attachmentId: attachment.id },
                        });
                      })
                      .then((ok) => ok && reload())
                  }
                >
                  {t(`${p}.remove`, { name: attachment.fileName })}
                </Button>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        {uploaded && <Alert type="ok">{t(`${p}.uploaded`, { name: uploaded })}</Alert>}
        <FieldErrorSummary
          message={
            missingFile ? t(`${p}.errors.file`) : (upload.error?.message ?? remove.error?.message)
          }
          fields={
            fieldError("expiresOn")
              ? [{ id: "eh-id-expires", message: upload.error?.message ?? "" }]
              : missingFile
                ? [{ id: "eh-id-file", message: t(`${p}.errors.file`) }]
                : []
          }
          attempt={attempt}
        />
        <form className="poort-form" noValidate onSubmit={(event) => void onUpload(event)}>
          <SelectField
            id="eh-id-type"
            label={t(`${p}.documentType`)}
            value={documentType}
            onChange={(event) => setDocumentType(event.target.value)}
            options={identityDocumentTypeSchema.options.map((type) => ({
              value: type,
              label: t(`ehApply.documentTypes.${type}`),
            }))}
          />
          <TextField
            id="eh-id-expires"
            type="date"
            label={t(`${p}.expiresOn`)}
            description={t(`${p}.expiresHint`)}
            value={expiresOn}
            error={fieldError("expiresOn") ? upload.error?.message : undefined}
            onChange={(event) => setExpiresOn(event.target.value)}
          />
          <FieldShell
            id="eh-id-file"
            label={t(`${p}.file`)}
            kind="text"
            description={t(`${p}.fileHint`)}
            error={fileError}
          >
            {(aria) => (
              <input
                id="eh-id-file"
                ref={fileInput}
                type="file"
                accept="application/pdf,image/jpeg,image/png"
                className="utrecht-textbox utrecht-textbox--html-input"
                {...aria}
                onChange={(event) => setFile(event.target.files?.[0])}
              />
            )}
          </FieldShell>
          {upload.busy && <Paragraph role="status">{t(`${p}.uploading`)}</Paragraph>}
          <div>
            <Button type="submit" disabled={upload.busy}>
              {t(`${p}.upload`)}
            </Button>
          </div>
        </form>
      </section>

      <ButtonGroup>
        <Button onClick={() => goTo(2)}>{t("ehApply.previous")}</Button>
        <Button appearance="primary-action" onClick={() => goTo(4)}>
          {t("ehApply.next")}
        </Button>
      </ButtonGroup>
    </section>
  );
}
