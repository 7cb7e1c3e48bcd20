import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { eherkenningBeheerApi } from "#src/contracts/api/eherkenning-beheer.ts";
import type { IdentificationDetail } from "#src/contracts/eherkenning/review.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDate, formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { beheerPaths } from "../paths.ts";
import { AppointmentForm } from "./AppointmentForm.tsx";
import { LoadNotices } from "./LoadNotices.tsx";
import { RecordIdentificationForm } from "./RecordIdentificationForm.tsx";

/**
 * One identification for the partner agent: whom to meet and when the window closes, the
 * appointment, and the record of the check of the original ID.
 */
export function IdentificationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const loaded = useApiData(eherkenningBeheerApi.identification, {
    params: { identificationId: id },
  });
  const identification = loaded.data;
  useDocumentTitle(
    identification
      ? t("ehReview.identification.title", { reference: identification.reference })
      : t("ehReview.identification.loadingTitle"),
  );
  return (
    <>
      <Paragraph>
        <RouterLink to={beheerPaths.identifications}>
          {t("ehReview.identification.back")}
        </RouterLink>
      </Paragraph>
      {identification ? (
        <IdentificationView identification={identification} onChange={loaded.reload} />
      ) : (
        <>
          <Heading level={1}>{t("ehReview.identification.loadingTitle")}</Heading>
          <LoadNotices loading={loaded.loading} error={loaded.error} />
        </>
      )}
    </>
  );
}

function IdentificationView({
  identification,
  onChange,
}: {
  identification: IdentificationDetail;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const open = identification.applicationState === "identification" && !identification.recordedAt;
  const lapsed = open && new Date(identification.dueAt) < new Date();
  return (
    <>
      <Heading level={1}>
        {t("ehReview.identification.title", { reference: identification.reference })}
      </Heading>
      <section className="poort-section" aria-labelledby="person-heading">
        <Heading level={2} id="person-heading">
          {t("ehReview.identification.person")}
        </Heading>
        <DataList
          items={[
            {
              key: "name",
              label: t("ehReview.application.userName"),
              value: identification.userName ?? "–",
            },
            {
              key: "email",
              label: t("ehReview.application.userEmail"),
              value: identification.userEmail ?? "–",
            },
            {
              key: "mobile",
              label: t("ehReview.application.userMobile"),
              value: identification.userMobile ?? "–",
            },
            {
              key: "company",
              label: t("ehReview.application.companyName"),
              value: identification.companyName ?? "–",
            },
            {
              key: "kvk",
              label: t("ehReview.application.kvk"),
              value: identification.kvkNumber ?? "–",
            },
            { key: "level", label: t("ehReview.columns.level"), value: identification.level },
            {
              key: "due",
              label: t("ehReview.identification.dueAt"),
              value: formatDateTime(identification.dueAt, i18n.language),
            },
          ]}
        />
      </section>
      {identification.recordedAt && (
        <section className="poort-section" aria-labelledby="recorded-heading">
          <Heading level={2} id="recorded-heading">
            {t("ehReview.identification.recorded")}
          </Heading>
          <DataList
            items={[
              {
                key: "at",
                label: t("ehReview.identification.recordedAt"),
                value: formatDateTime(identification.recordedAt, i18n.language),
              },
              {
                key: "outcome",
                label: t("ehReview.identification.outcome"),
                value: identification.outcome
                  ? t(`ehReview.identification.outcomes.${identification.outcome}`)
                  : "–",
              },
              {
                key: "type",
                label: t("ehReview.columns.documentType"),
                value: identification.documentType
                  ? t(`ehReview.documentTypes.${identification.documentType}`)
                  : "–",
              },
              {
                key: "expires",
                label: t("ehReview.columns.expiresOn"),
                value: identification.documentExpiresOn
                  ? formatDate(identification.documentExpiresOn, i18n.language)
                  : "–",
              },
              {
                key: "photo",
                label: t("ehReview.identification.photoMatches"),
                value:
                  identification.photoMatches === null
                    ? "–"
                    : identification.photoMatches
                      ? t("ehReview.yes")
                      : t("ehReview.no"),
              },
              {
                key: "place",
                label: t("ehReview.identification.placeOfCheck"),
                value: identification.placeOfCheck ?? "–",
              },
              {
                key: "notes",
                label: t("ehReview.identification.notes"),
                value: identification.notes ?? "–",
              },
            ]}
          />
        </section>
      )}
      {!identification.recordedAt && !open && (
        <Alert type="info">{t("ehReview.identification.closed")}</Alert>
      )}
      {lapsed && <Alert type="warning">{t("ehReview.identification.lapsed")}</Alert>}
      {open && !lapsed && (
        <>
          <AppointmentForm identification={identification} onSaved={onChange} />
          <RecordIdentificationForm identification={identification} onSaved={onChange} />
        </>
      )}
    </>
  );
}
