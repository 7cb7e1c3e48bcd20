import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CertificateSummary, OfficeDetail } from "#src/contracts/certificates.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { VisuallyHidden } from "#src/web/ui/components/VisuallyHidden.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { revocationReasonLabel, stateLabel } from "./labels.ts";
import { RevokeConfirmation } from "./RevokeConfirmation.tsx";

/** Whether a certificate still works, so that revoking it means something. */
export function canRevoke(certificate: CertificateSummary): boolean {
  return (
    certificate.revokedAt === null &&
    certificate.state !== "revoked" &&
    certificate.state !== "expired"
  );
}

/** The office's certificates, newest first as the server sends them, with "Intrekken". */
export function CertificatesSection({
  office,
  reload,
}: {
  office: OfficeDetail;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [revoking, setRevoking] = useState<CertificateSummary>();
  const [notice, setNotice] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const date = (iso: string) => formatDate(iso, i18n.language);

  const revocation = (certificate: CertificateSummary) => {
    if (certificate.revokedAt) {
      const when = date(certificate.revokedAt);
      return certificate.revocationReason
        ? t("servicedesk.certificates.office.revokedBecause", {
            date: when,
            reason: revocationReasonLabel(certificate.revocationReason, t),
          })
        : t("servicedesk.certificates.office.revokedOn", { date: when });
    }
    if (certificate.revokeAt)
      return t("servicedesk.certificates.office.revokeAt", { date: date(certificate.revokeAt) });
    return "–";
  };

  const closeConfirmation = (certificate: CertificateSummary) => {
    setRevoking(undefined);
    document.getElementById(`revoke-${certificate.id}`)?.focus();
  };

  return (
    <section className="poort-section" aria-labelledby="certificates-heading">
      <Heading level={2} id="certificates-heading" ref={headingRef} tabIndex={-1}>
        {t("servicedesk.certificates.office.certificatesHeading")}
      </Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {office.certificates.length === 0 ? (
        <Paragraph>{t("servicedesk.certificates.office.noCertificates")}</Paragraph>
      ) : (
        <Table
          caption={t("servicedesk.certificates.office.certificatesCaption", {
            office: office.name,
          })}
        >
          <TableHeadings
            labels={[
              t("certificates.fields.serialNumber"),
              t("certificates.fields.state"),
              t("certificates.fields.notBefore"),
              t("certificates.fields.notAfter"),
              t("certificates.fields.sentTo"),
              t("certificates.fields.issuedVia"),
              t("certificates.fields.revocation"),
              t("servicedesk.certificates.columns.actions"),
            ]}
          />
          <TableBody>
            {office.certificates.map((certificate) => (
              <TableRow key={certificate.id} selected={revoking?.id === certificate.id}>
                <TableCell className="poort-serial">
                  <span translate="no">{certificate.serialNumber}</span>
                </TableCell>
                <TableCell>{stateLabel(certificate.state, t)}</TableCell>
                <TableCell>{date(certificate.notBefore)}</TableCell>
                <TableCell>{date(certificate.notAfter)}</TableCell>
                <TableCell>{certificate.sentTo}</TableCell>
                <TableCell>{t(`certificates.issuedVia.${certificate.issuedVia}`)}</TableCell>
                <TableCell>{revocation(certificate)}</TableCell>
                <TableCell>
                  {canRevoke(certificate) && (
                    <Button
                      id={`revoke-${certificate.id}`}
                      onClick={() => {
                        setNotice(undefined);
                        setRevoking(certificate);
                      }}
                      disabled={revoking?.id === certificate.id}
                    >
                      {t("servicedesk.certificates.revoke.button")}
                      <VisuallyHidden>
                        {" "}
                        {t("servicedesk.certificates.revoke.buttonWhich", {
                          serial: certificate.serialNumber,
                        })}
                      </VisuallyHidden>
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {revoking && (
        <RevokeConfirmation
          key={revoking.id}
          certificate={revoking}
          onCancel={() => closeConfirmation(revoking)}
          onRevoked={() => {
            setNotice(t("servicedesk.certificates.revoke.done", { serial: revoking.serialNumber }));
            setRevoking(undefined);
            reload();
            headingRef.current?.focus();
          }}
        />
      )}
    </section>
  );
}
