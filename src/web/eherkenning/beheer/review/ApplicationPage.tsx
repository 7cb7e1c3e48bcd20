import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { eherkenningBeheerApi } from "#src/contracts/api/eherkenning-beheer.ts";
import type { ReviewApplication } from "#src/contracts/eherkenning/review.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link, RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { VisuallyHidden } from "#src/web/ui/components/VisuallyHidden.tsx";
import { formatDate, formatDateTime, formatFileSize } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { RepresentativesTable } from "../../apply/RepresentativesTable.tsx";
import { beheerPaths } from "../paths.ts";
import { ChecklistSection } from "./ChecklistSection.tsx";
import { DecisionSection } from "./DecisionSection.tsx";
import { IdentificationState } from "./IdentificationState.tsx";
import { LoadNotices } from "./LoadNotices.tsx";

/** One application for the reviewer: data, company, signatures, ID copies, checklist, decision. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const loaded = useApiData(eherkenningBeheerApi.application, { params: { applicationId: id } });
  const application = loaded.data;
  useDocumentTitle(
    application
      ? t("ehReview.application.title", { reference: application.reference })
      : t("ehReview.application.loadingTitle"),
  );

  return (
    <>
      <Paragraph>
        <RouterLink to={beheerPaths.applications}>{t("ehReview.application.back")}</RouterLink>
      </Paragraph>
      {!application && (
        <>
          <Heading level={1}>{t("ehReview.application.loadingTitle")}</Heading>
          <LoadNotices loading={loaded.loading} error={loaded.error} />
        </>
      )}
      {application && <ApplicationDetails application={application} onChange={loaded.reload} />}
    </>
  );
}

function ApplicationDetails({
  application,
  onChange,
}: {
  application: ReviewApplication;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : "–");
  const yesNo = (value: boolean | null) =>
    value === null ? "–" : value ? t("ehReview.yes") : t("ehReview.no");
  const verified = (value: string | null, isVerified: boolean) =>
    value ? `${value} (${isVerified ? t("ehReview.verified") : t("ehReview.notVerified")})` : "–";
  const scope = application.scope;
  const representativeName = (representativeId: string | null) =>
    application.company?.representatives.find((person) => person.id === representativeId)?.name ??
    "–";

  return (
    <>
      <Heading level={1}>
        {t("ehReview.application.title", { reference: application.reference })}
      </Heading>
      {application.erasedAt && (
        <Alert type="info">
          {t("ehReview.application.erased", {
            date: formatDate(application.erasedAt, i18n.language),
          })}
        </Alert>
      )}
      {application.rejectionReason && (
        <Alert type="info">
          {t("ehReview.application.rejectedBecause", { reason: application.rejectionReason })}
        </Alert>
      )}
      <section className="poort-section" aria-labelledby="summary-heading">
        <Heading level={2} id="summary-heading">
          {t("ehReview.application.summary")}
        </Heading>
        <DataList
          items={[
            {
              key: "state",
              label: t("ehReview.columns.state"),
              value: t(`ehReview.states.${application.state}`),
            },
            { key: "level", label: t("ehReview.columns.level"), value: application.level ?? "–" },
            {
              key: "scope",
              label: t("ehReview.application.scope"),
              value: scope
                ? `${t(`ehReview.scopeKinds.${scope.scope.kind}`)}${scope.names.length ? `: ${scope.names.join(", ")}` : ""}`
                : "–",
            },
            {
              key: "name",
              label: t("ehReview.application.userName"),
              value: application.user.name ?? "–",
            },
            {
              key: "email",
              label: t("ehReview.application.userEmail"),
              value: verified(application.user.email, application.user.emailVerified),
            },
            {
              key: "mobile",
              label: t("ehReview.application.userMobile"),
              value: verified(application.user.mobile, application.user.mobileVerified),
            },
            {
              key: "works",
              label: t("ehReview.application.worksForCompany"),
              value: yesNo(application.user.worksForCompany),
            },
            {
              key: "submitted",
              label: t("ehReview.columns.submitted"),
              value: date(application.submittedAt),
            },
            {
              key: "signed",
              label: t("ehReview.application.signedAt"),
              value: date(application.signedAt),
            },
            {
              key: "reviewed",
              label: t("ehReview.application.reviewedAt"),
              value: date(application.reviewedAt),
            },
            {
              key: "issued",
              label: t("ehReview.application.issuedAt"),
              value: date(application.issuedAt),
            },
          ]}
        />
      </section>
      <section className="poort-section" aria-labelledby="company-heading">
        <Heading level={2} id="company-heading">
          {t("ehReview.application.company")}
        </Heading>
        {application.company ? (
          <>
            <DataList
              items={[
                {
                  key: "name",
                  label: t("ehReview.application.companyName"),
                  value: application.company.name,
                },
                {
                  key: "kvk",
                  label: t("ehReview.application.kvk"),
                  value: application.company.kvkNumber,
                },
                {
                  key: "form",
                  label: t("ehReview.application.legalForm"),
                  value: application.company.legalForm,
                },
                {
                  key: "branch",
                  label: t("ehReview.application.branch"),
                  value: application.branchNumber ?? t("ehReview.application.wholeCompany"),
                },
              ]}
            />
            <RepresentativesTable
              caption={t("ehReview.application.representatives")}
              headings={[
                t("ehReview.columns.name"),
                t("ehReview.columns.role"),
                t("ehReview.columns.authority"),
              ]}
              representatives={application.company.representatives}
              authorityText={(authority) => t(`ehReview.authority.${authority}`)}
            />
          </>
        ) : (
          <Paragraph>–</Paragraph>
        )}
      </section>
      <section className="poort-section" aria-labelledby="signatures-heading">
        <Heading level={2} id="signatures-heading">
          {t("ehReview.application.signatures")}
        </Heading>
        {application.signers.length === 0 ? (
          <Paragraph>{t("ehReview.application.noSigners")}</Paragraph>
        ) : (
          <Table caption={t("ehReview.application.signersCaption")}>
            <TableHeadings
              labels={[
                t("ehReview.columns.name"),
                t("ehReview.columns.authority"),
                t("ehReview.columns.signature"),
              ]}
            />
            <TableBody>
              {application.signers.map((signer) => (
                <TableRow key={signer.id}>
                  <TableCell>{signer.name || "–"}</TableCell>
                  <TableCell>{t(`ehReview.authority.${signer.authority}`)}</TableCell>
                  <TableCell>
                    {signer.declinedAt
                      ? t("ehReview.application.declined", {
                          date: date(signer.declinedAt),
                          reason: signer.declineReason ?? "–",
                        })
                      : signer.signedAt
                        ? t("ehReview.application.signedOn", { date: date(signer.signedAt) })
                        : t("ehReview.application.notSigned")}
                    {signer.replacedAt && (
                      <>
                        <br />
                        {t("ehReview.application.replacedOn", { date: date(signer.replacedAt) })}
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section className="poort-section" aria-labelledby="attachments-heading">
        <Heading level={2} id="attachments-heading">
          {t("ehReview.application.attachments")}
        </Heading>
        {application.attachments.length === 0 ? (
          <Paragraph>{t("ehReview.application.noAttachments")}</Paragraph>
        ) : (
          <Table caption={t("ehReview.application.attachmentsCaption")}>
            <TableHeadings
              labels={[
                t("ehReview.columns.whose"),
                t("ehReview.columns.documentType"),
                t("ehReview.columns.expiresOn"),
                t("ehReview.columns.file"),
              ]}
            />
            <TableBody>
              {application.attachments.map((attachment) => {
                const parts = { applicationId: application.id, attachmentId: attachment.id };
                return (
                  <TableRow key={attachment.id}>
                    <TableCell>
                      {attachment.purpose === "user-id"
                        ? t("ehReview.application.userId")
                        : representativeName(attachment.representativeId)}
                    </TableCell>
                    <TableCell>{t(`ehReview.documentTypes.${attachment.documentType}`)}</TableCell>
                    <TableCell>{formatDate(attachment.expiresOn, i18n.language)}</TableCell>
                    <TableCell>
                      {attachment.fileName} ({formatFileSize(attachment.size, i18n.language)})
                      <br />
                      <Link
                        href={pathOf(eherkenningBeheerApi.attachment, {
                          params: parts,
                          query: { disposition: "inline" },
                        })}
                        target="_blank"
                        rel="noopener"
                      >
                        {t("ehReview.application.view")}
                        <VisuallyHidden> {attachment.fileName}</VisuallyHidden>
                      </Link>
                      {" · "}
                      <Link
                        href={pathOf(eherkenningBeheerApi.attachment, {
                          params: parts,
                          query: { disposition: "attachment" },
                        })}
                        download
                      >
                        {t("ehReview.application.download")}
                        <VisuallyHidden> {attachment.fileName}</VisuallyHidden>
                      </Link>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>
      <ChecklistSection checklist={application.checklist} />
      {application.identification && (
        <IdentificationState identification={application.identification} />
      )}
      <DecisionSection application={application} onDecided={onChange} />
    </>
  );
}
