import { useTranslation } from "react-i18next";
import type { IdentificationSummary } from "#src/contracts/eherkenning/review.ts";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";

/** The face-to-face identification's progress, read-only, for the reviewer. */
export function IdentificationState({ identification }: { identification: IdentificationSummary }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : "–");
  return (
    <section className="poort-section" aria-labelledby="identification-heading">
      <Heading level={2} id="identification-heading">
        {t("ehReview.identification.heading")}
      </Heading>
      <DataList
        items={[
          {
            key: "invited",
            label: t("ehReview.identification.invitedAt"),
            value: date(identification.invitedAt),
          },
          {
            key: "due",
            label: t("ehReview.identification.dueAt"),
            value: date(identification.dueAt),
          },
          {
            key: "appointment",
            label: t("ehReview.identification.appointment"),
            value: identification.appointmentAt
              ? `${date(identification.appointmentAt)}, ${identification.appointmentPlace ?? ""}`
              : t("ehReview.identification.notPlanned"),
          },
          {
            key: "recorded",
            label: t("ehReview.identification.recordedAt"),
            value: date(identification.recordedAt),
          },
          {
            key: "outcome",
            label: t("ehReview.identification.outcome"),
            value: identification.outcome
              ? t(`ehReview.identification.outcomes.${identification.outcome}`)
              : "–",
          },
        ]}
      />
    </section>
  );
}
