import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningBeheerApi } from "#src/contracts/api/eherkenning-beheer.ts";
import { identityDocumentTypeSchema } from "#src/contracts/eherkenning/applications.ts";
import { type IdentificationDetail, PLACE_MAX } from "#src/contracts/eherkenning/review.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import {
  ButtonGroup,
  Fieldset,
  RadioField,
  SelectField,
  TextField,
} from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { TextAreaField } from "#src/web/ui/components/TextAreaField.tsx";
import { useFieldChecks } from "./use-field-checks.tsx";

type Field =
  | "documentType"
  | "documentNumber"
  | "documentExpiresOn"
  | "photoMatches"
  | "placeOfCheck"
  | "outcome"
  | "notes";
const ids: Record<Field, string> = {
  documentType: "record-document-type",
  documentNumber: "record-document-number",
  documentExpiresOn: "record-document-expires",
  photoMatches: "record-photo-yes",
  placeOfCheck: "record-place",
  outcome: "record-outcome-verified",
  notes: "record-notes",
};

/**
 * The check of the original ID, face to face: document type, number, expiry, whether the photo
 * matches, the place, and the outcome. "Verified" issues the means; confirmed first, as it
 * cannot be undone.
 */
export function RecordIdentificationForm({
  identification,
  onSaved,
}: {
  identification: IdentificationDetail;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [documentType, setDocumentType] = useState("");
  const [documentNumber, setDocumentNumber] = useState("");
  const [documentExpiresOn, setDocumentExpiresOn] = useState("");
  const [photoMatches, setPhotoMatches] = useState<boolean>();
  const [placeOfCheck, setPlaceOfCheck] = useState(identification.appointmentPlace ?? "");
  const [outcome, setOutcome] = useState<"verified" | "failed">();
  const [notes, setNotes] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { submit, errors, accept, summary } = useFieldChecks(ids, (field) =>
    t(`ehReview.record.invalid.${field}`),
  );

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!documentType) found.documentType = t("ehReview.record.missing.documentType");
    if (!/^[A-Za-z0-9]{6,20}$/.test(documentNumber.trim())) {
      found.documentNumber = t("ehReview.record.invalid.documentNumber");
    }
    if (!documentExpiresOn)
      found.documentExpiresOn = t("ehReview.record.missing.documentExpiresOn");
    if (photoMatches === undefined) found.photoMatches = t("ehReview.record.missing.photoMatches");
    if (!placeOfCheck.trim()) found.placeOfCheck = t("ehReview.record.missing.placeOfCheck");
    if (!outcome) found.outcome = t("ehReview.record.missing.outcome");
    if (!accept(found)) return;
    submit.setError(undefined);
    setConfirming(true);
  };

  const record = () =>
    void submit
      .run(async () => {
        await callApi(eherkenningBeheerApi.recordIdentification, {
          params: { identificationId: identification.id },
          body: {
            documentType: identityDocumentTypeSchema.parse(documentType),
            documentNumber: documentNumber.trim(),
            documentExpiresOn,
            photoMatches: photoMatches === true,
            placeOfCheck,
            outcome: outcome ?? "failed",
            ...(notes.trim() ? { notes } : {}),
          },
        });
      })
      .then((ok) => {
        setConfirming(false);
        if (ok) onSaved();
      });

  return (
    <section className="poort-section" aria-labelledby="record-heading">
      <Heading level={2} id="record-heading">
        {t("ehReview.record.heading")}
      </Heading>
      <Paragraph>{t("ehReview.record.intro")}</Paragraph>
      {summary}
      {confirming ? (
        <>
          <FocusHeading level={3}>{t("ehReview.record.confirmHeading")}</FocusHeading>
          <Paragraph>
            {outcome === "verified"
              ? t("ehReview.record.confirmVerified")
              : t("ehReview.record.confirmFailed")}
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action" disabled={submit.busy} onClick={record}>
              {t("ehReview.record.confirm")}
            </Button>
            <Button disabled={submit.busy} onClick={() => setConfirming(false)}>
              {t("ehReview.decision.cancel")}
            </Button>
          </ButtonGroup>
        </>
      ) : (
        <form className="poort-form" noValidate onSubmit={check}>
          <SelectField
            id={ids.documentType}
            label={t("ehReview.columns.documentType")}
            value={documentType}
            error={errors.documentType}
            required
            options={[
              { value: "", label: t("ehReview.record.choose") },
              ...identityDocumentTypeSchema.options.map((type) => ({
                value: type,
                label: t(`ehReview.documentTypes.${type}`),
              })),
            ]}
            onChange={(event) => setDocumentType(event.target.value)}
          />
          <TextField
            id={ids.documentNumber}
            label={t("ehReview.record.documentNumber")}
            description={t("ehReview.record.documentNumberHint")}
            value={documentNumber}
            maxLength={20}
            autoComplete="off"
            spellCheck={false}
            required
            error={errors.documentNumber}
            onChange={(event) => setDocumentNumber(event.target.value)}
          />
          <TextField
            id={ids.documentExpiresOn}
            type="date"
            label={t("ehReview.columns.expiresOn")}
            value={documentExpiresOn}
            required
            error={errors.documentExpiresOn}
            onChange={(event) => setDocumentExpiresOn(event.target.value)}
          />
          <Fieldset legend={t("ehReview.identification.photoMatches")}>
            <RadioField
              id="record-photo-yes"
              name="photo-matches"
              label={t("ehReview.yes")}
              checked={photoMatches === true}
              aria-invalid={errors.photoMatches ? true : undefined}
              onChange={() => setPhotoMatches(true)}
            />
            <RadioField
              id="record-photo-no"
              name="photo-matches"
              label={t("ehReview.no")}
              checked={photoMatches === false}
              aria-invalid={errors.photoMatches ? true : undefined}
              onChange={() => setPhotoMatches(false)}
            />
          </Fieldset>
          <TextField
            id={ids.placeOfCheck}
            label={t("ehReview.identification.placeOfCheck")}
            value={placeOfCheck}
            maxLength={PLACE_MAX}
            required
            error={errors.placeOfCheck}
            onChange={(event) => setPlaceOfCheck(event.target.value)}
          />
          <Fieldset legend={t("ehReview.identification.outcome")}>
            {(["verified", "failed"] as const).map((option) => (
              <RadioField
                key={option}
                id={`record-outcome-${option}`}
                name="outcome"
                label={t(`ehReview.identification.outcomes.${option}`)}
                checked={outcome === option}
                aria-invalid={errors.outcome ? true : undefined}
                onChange={() => setOutcome(option)}
              />
            ))}
          </Fieldset>
          <TextAreaField
            id={ids.notes}
            label={t("ehReview.identification.notes")}
            description={t("ehReview.record.notesHint")}
            value={notes}
            maxLength={2000}
            rows={3}
            error={errors.notes}
            onChange={(event) => setNotes(event.target.value)}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action">
              {t("ehReview.record.submit")}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
