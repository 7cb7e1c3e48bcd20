import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import type { ApplicationSigner, ApplicationView } from "#src/contracts/eherkenning/wizard.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { ButtonGroup, SelectField, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { serverFieldErrors } from "#src/web/ui/components/server-field-errors.ts";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDate, formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { ApplicationSummary } from "./ApplicationSummary.tsx";
import { applyPaths } from "./apply-paths.ts";
import { StepIndicator } from "./StepIndicator.tsx";
import { signatureNeedText } from "./signature-need-text.ts";
import "./apply.css";

const p = "ehApply.follow";

/**
 * Step 5, "Controle van uw aanvraag" (`/eherkenning/aanvragen/volgen`): where the application
 * stands, who signed, who not yet and who declined with their reason (with "opnieuw versturen"
 * and "vervangen"), the partner's identification, and what happens after issuance.
 */
export function FollowPage() {
  const { t } = useTranslation();
  const current = useApiData(eherkenningApplyApi.current);
  useDocumentTitle(t(`${p}.title`));

  if (current.loading && !current.data) return <Paragraph>{t("ehApply.loading")}</Paragraph>;
  if (current.data === null) {
    return (
      <>
        <Heading level={1}>{t(`${p}.title`)}</Heading>
        <Alert type="info">{t(`${p}.noApplication`)}</Alert>
        <Paragraph>
          <RouterLink to={applyPaths.wizard}>{t(`${p}.startNew`)}</RouterLink>
        </Paragraph>
      </>
    );
  }
  if (current.error || !current.data) {
    return (
      <>
        <Heading level={1}>{t(`${p}.title`)}</Heading>
        <Alert type="error">{errorMessage(current.error, t("ehApply.errors.general"))}</Alert>
      </>
    );
  }
  const application = current.data;
  if (application.state === "draft") return <Navigate to={applyPaths.wizard} replace />;
  return <FollowView application={application} reload={current.reload} />;
}

/** A signer's status in words: when signed, or when and why declined. */
function signerStatusText(t: TFunction, signer: ApplicationSigner, language: string): string {
  if (signer.status === "signed" && signer.signedAt) {
    return t(`${p}.signedOn`, { date: formatDateTime(signer.signedAt, language) });
  }
  if (signer.status === "declined" && signer.declinedAt) {
    return t(`${p}.declinedOn`, {
      date: formatDateTime(signer.declinedAt, language),
      reason: signer.declineReason ?? "–",
    });
  }
  if (signer.status === "replaced" && signer.declinedAt) {
    return t(`${p}.replacedAfterDecline`, { reason: signer.declineReason ?? "–" });
  }
  return t(`${p}.signerStatus.${signer.status}`);
}

function FollowView({ application, reload }: { application: ApplicationView; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [replacing, setReplacing] = useState<ApplicationSigner>();
  const resend = useSubmit();
  const [resentTo, setResentTo] = useState<string>();
  // Who declined while the application still waits for signatures: the user must replace them.
  const declined =
    application.state === "signing"
      ? application.signers.filter((signer) => signer.status === "declined")
      : [];
  return (
    <>
      <Heading level={1}>{t(`${p}.title`)}</Heading>
      <Paragraph>{t("ehApply.reference", { reference: application.reference })}</Paragraph>
      <StepIndicator current={5} />
      <Alert type={application.state === "rejected" ? "error" : "info"}>
        {t(`${p}.states.${application.state}`, { supplier: application.supplierName })}
      </Alert>
      {application.rejectionReason && (
        <Paragraph>{t(`${p}.rejectionReason`, { reason: application.rejectionReason })}</Paragraph>
      )}
      <Paragraph>{t(`${p}.checkText`)}</Paragraph>

      <section aria-labelledby="eh-signatures-heading">
        <Heading level={2} id="eh-signatures-heading">
          {t(`${p}.signaturesHeading`)}
        </Heading>
        <Paragraph>
          {signatureNeedText(t, application.level, application.signaturesNeeded)}
        </Paragraph>
        {declined.map((signer) => (
          <Alert key={signer.id} type="warning">
            {t(`${p}.declinedNotice`, {
              name: signer.name,
              reason: signer.declineReason ?? "–",
            })}
          </Alert>
        ))}
        {resentTo && <Alert type="ok">{t(`${p}.resent`, { name: resentTo })}</Alert>}
        <FieldErrorSummary message={resend.error?.message} />
        <Table caption={t(`${p}.signersCaption`)}>
          <TableHeadings
            labels={[
              t(`${p}.columns.name`),
              t(`${p}.columns.authority`),
              t(`${p}.columns.status`),
              t(`${p}.columns.actions`),
            ]}
          />
          <TableBody>
            {application.signers.map((signer) => (
              <TableRow key={signer.id}>
                <TableCell>
                  {signer.name}
                  <br />
                  {signer.email}
                </TableCell>
                <TableCell>{t(`ehApply.authority.${signer.authority}`)}</TableCell>
                <TableCell>{signerStatusText(t, signer, i18n.language)}</TableCell>
                <TableCell>
                  {application.state === "signing" &&
                    (signer.status === "waiting" || signer.status === "declined") && (
                      <ButtonGroup>
                        {signer.status === "waiting" && (
                          <Button
                            disabled={resend.busy}
                            onClick={() =>
                              void resend
                                .run(async () => {
                                  await callApi(eherkenningApplyApi.resendSignerLink, {
                                    params: { signerId: signer.id },
                                  });
                                  setResentTo(signer.name);
                                })
                                .then((ok) => ok && reload())
                            }
                          >
                            {t(`${p}.resend`, { name: signer.name })}
                          </Button>
                        )}
                        <Button onClick={() => setReplacing(signer)}>
                          {t(`${p}.replace`, { name: signer.name })}
                        </Button>
                      </ButtonGroup>
                    )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {replacing && (
          <ReplaceSigner
            application={application}
            signer={replacing}
            onDone={() => {
              setReplacing(undefined);
              reload();
            }}
            onCancel={() => setReplacing(undefined)}
          />
        )}
      </section>

      <section aria-labelledby="eh-identification-heading">
        <Heading level={2} id="eh-identification-heading">
          {t(`${p}.identificationHeading`)}
        </Heading>
        <Paragraph>{t(`${p}.identificationText`, { partner: application.partnerName })}</Paragraph>
        {application.identification && (
          <Alert type="info">
            {application.identification.recordedAt
              ? t(`${p}.identified`, {
                  date: formatDate(application.identification.recordedAt, i18n.language),
                })
              : t(`${p}.identificationWindow`, {
                  partner: application.partnerName,
                  date: formatDate(application.identification.dueAt, i18n.language),
                })}
            {application.identification.appointmentAt &&
              !application.identification.recordedAt &&
              ` ${t(`${p}.appointment`, {
                date: formatDateTime(application.identification.appointmentAt, i18n.language),
                place: application.identification.appointmentPlace ?? "",
              })}`}
          </Alert>
        )}
      </section>

      <section aria-labelledby="eh-use-heading">
        <Heading level={2} id="eh-use-heading">
          {t(`${p}.useHeading`)}
        </Heading>
        <Paragraph>{t(`${p}.useText`)}</Paragraph>
        {application.state === "issued" && <Alert type="ok">{t(`${p}.activationMail`)}</Alert>}
      </section>

      <section aria-labelledby="eh-summary-heading">
        <Heading level={2} id="eh-summary-heading">
          {t(`${p}.summaryHeading`)}
        </Heading>
        <ApplicationSummary application={application} />
      </section>
    </>
  );
}

/** "Vervangen": another representative of the company (or the same at another address). */
function ReplaceSigner({
  application,
  signer,
  onDone,
  onCancel,
}: {
  application: ApplicationView;
  signer: ApplicationSigner;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const candidates = (application.company?.representatives ?? []).filter(
    (representative) => representative.authority !== "nb",
  );
  const [representativeId, setRepresentativeId] = useState(signer.representativeId);
  const [email, setEmail] = useState("");
  const [mobile, setMobile] = useState("");
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit();
  const errors = serverFieldErrors(submit.error, ["email", "mobile"] as const);
  return (
    <section className="poort-eh-box" aria-labelledby="eh-replace-heading">
      <Heading level={3} id="eh-replace-heading">
        {t(`${p}.replaceHeading`, { name: signer.name })}
      </Heading>
      <Paragraph>{t(`${p}.replaceText`)}</Paragraph>
      <FieldErrorSummary
        message={submit.error?.message}
        fields={[
          ...(errors.email
            ? [{ id: "eh-replace-email", message: t("ehApply.who.fieldErrors.email") }]
            : []),
          ...(errors.mobile
            ? [{ id: "eh-replace-mobile", message: t("ehApply.who.fieldErrors.mobile") }]
            : []),
        ]}
        attempt={attempt}
      />
      <form
        className="poort-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setAttempt((n) => n + 1);
          void submit
            .run(async () => {
              await callApi(eherkenningApplyApi.replaceSigner, {
                params: { signerId: signer.id },
                body: { representativeId, email, mobile },
              });
            })
            .then((ok) => ok && onDone());
        }}
      >
        <SelectField
          id="eh-replace-representative"
          label={t(`${p}.replaceBy`)}
          value={representativeId}
          onChange={(event) => setRepresentativeId(event.target.value)}
          options={candidates.map((representative) => ({
            value: representative.id,
            label: `${representative.name} (${t(`ehApply.authority.${representative.authority}`)})`,
          }))}
        />
        <TextField
          id="eh-replace-email"
          type="email"
          label={t(`${p}.replaceEmail`)}
          value={email}
          error={errors.email && t("ehApply.who.fieldErrors.email")}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id="eh-replace-mobile"
          type="tel"
          label={t(`${p}.replaceMobile`)}
          description={t("ehApply.who.signerMobileHint")}
          value={mobile}
          error={errors.mobile && t("ehApply.who.fieldErrors.mobile")}
          onChange={(event) => setMobile(event.target.value)}
        />
        <ButtonGroup>
          <Button onClick={onCancel}>{t(`${p}.cancel`)}</Button>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t(`${p}.replaceSubmit`)}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
