import type { RequestConfirmation } from "#src/contracts/certificates.ts";
import type { Office } from "#src/contracts/offices.ts";
import { phoneNumberSchema } from "#src/contracts/phone-number.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { pkiUrls } from "./authority.ts";
import { certificateMail, requestConfirmationMail } from "./certificate-mails.ts";
import type { CertificatesDeps } from "./deps.ts";
import { generateKeyPair } from "./pki/keys.ts";
import { issueOfficeCertificate } from "./pki/office-certificate.ts";
import { generateInstallPassword } from "./pki/password.ts";
import { buildPkcs12 } from "./pki/pkcs12.ts";
import { newSerialNumber } from "./pki/serial-numbers.ts";
import { presignOcspResponse } from "./presigned-ocsp-responses.ts";
import {
  type CertificateRow,
  insertCertificate,
  lockOffice,
  meetDemands,
  supersedeOthers,
} from "./repository.ts";

const DAY_MS = 24 * 60 * 60_000;
/** After a servicedesk reissue the old certificate keeps working this long (A8). */
export const REPLACEMENT_PERIOD_MS = 14 * DAY_MS;

export interface IssueRequest {
  office: Office;
  /** Where the PKCS#12 goes: the registered address or another one on the office's domain. */
  sentTo: string;
  /** Send the password by SMS to this number as well. */
  mobile?: string | undefined;
  /** 3DES and SHA-1 for old Windows; default the modern PKCS#12. */
  legacyPkcs12?: boolean;
  via: CertificateRow["issuedVia"];
  actor: AuditEvent["actor"];
  /** The servicedesk's reissue (lost password): the old certificate is revoked 14 days on. */
  revokePrevious?: boolean;
}

/** What the office (A4) or the servicedesk (A8) chooses for a new certificate. */
export interface CertificateChoices {
  /** The mailbox on the office's own domain that gets the PKCS#12. */
  emailLocalPart: string;
  mobile?: string | undefined;
  legacyPkcs12?: boolean;
}

export interface IssuedCertificate {
  certificate: CertificateRow;
  /** Shown once, sent by SMS when asked, and kept nowhere. */
  password: string;
  fileName: string;
  mobile: string | null;
  /** The PKCS#12 as mailed. */
  pkcs12: Buffer;
}

/** The confirmation screen's data (A7), the password included: shown this once. */
export function toConfirmation(office: Office, issued: IssuedCertificate): RequestConfirmation {
  return {
    requestedAt: issued.certificate.createdAt.toISOString(),
    officeName: office.name,
    debtorNumber: office.debtorNumber,
    sentTo: issued.certificate.sentTo,
    mobile: issued.mobile,
    password: issued.password,
    fileName: issued.fileName,
    notAfter: issued.certificate.notAfter.toISOString(),
  };
}

/** The mobile number as E.164, or a clear refusal. */
export function normaliseMobile(mobile: string | undefined): string | null {
  if (!mobile) return null;
  const parsed = phoneNumberSchema.safeParse(mobile);
  if (!parsed.success) {
    throw new AppError("validation_failed", [
      { path: "body.mobile", code: "invalid_phone_number", message: "invalid phone number" },
    ]);
  }
  return parsed.data;
}

/** The address on the office's own mail domain: the domain cannot be chosen (A4, A10). */
export function addressOnOfficeDomain(office: Office, localPart: string): string {
  const domain = office.email.split("@")[1] ?? "";
  return `${localPart.trim().toLowerCase()}@${domain}`;
}

function fileNameFor(office: Office, issuedAt: Date): string {
  const slug = office.name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase();
  return `${slug}-${office.debtorNumber}-${issuedAt.toISOString().slice(0, 10)}.p12`;
}

/**
 * Issues an office certificate in the caller's transaction: a new key pair made here, the
 * certificate, its PKCS#12 under a generated password, the confirmation mail to the registered
 * address (always), the certificate mail to the chosen address, the SMS when asked, the
 * certificate's pre-signed OCSP response, and the audit event. The office's earlier
 * certificates count as superseded from now on.
 */
export async function issueCertificate(
  deps: CertificatesDeps,
  db: Database,
  request: IssueRequest,
): Promise<IssuedCertificate> {
  const { office, settings } = { office: request.office, settings: deps.settings };
  const mobile = normaliseMobile(request.mobile);
  // Issuances for one office take turns, so each sees (and supersedes) the one before.
  await lockOffice(db, office.id);
  const { root, issuing } = await deps.authorities.get();
  const now = deps.clock.now();
  const notAfter = new Date(now.getTime() + settings.validityDays * DAY_MS);
  const urls = pkiUrls(deps.urls.public);

  const keys = await generateKeyPair(settings.keyAlgorithm);
  const serialNumber = newSerialNumber();
  // RFC 5280 allows 64 characters in CN and O; longer office names are cut, never refused.
  const subjectName = office.name.slice(0, 64);
  const issued = await issueOfficeCertificate(issuing, keys.publicKey, {
    officeName: subjectName,
    organisation: subjectName,
    debtorNumber: office.debtorNumber,
    email: request.sentTo,
    serialNumber,
    notBefore: now,
    notAfter,
    crlUrl: urls.issuingCrl,
    ocspUrl: urls.ocsp,
  });
  const password = generateInstallPassword();
  const fileName = fileNameFor(office, now);
  const pkcs12 = await buildPkcs12({
    certificate: issued,
    privateKey: keys.privateKey,
    chain: [issuing.certificate, root.certificate],
    password,
    friendlyName: `${office.name} (${office.debtorNumber})`,
    legacy: request.legacyPkcs12 ?? false,
  });

  const certificate = await insertCertificate(db, {
    officeId: office.id,
    authorityId: issuing.id,
    serialNumber: issued.serialNumber,
    certificatePem: issued.toString("pem"),
    keyAlgorithm: settings.keyAlgorithm,
    sentTo: request.sentTo,
    notBefore: now,
    notAfter,
    issuedVia: request.via,
    issuedByAccountId: request.actor.type === "operator" ? null : (request.actor.id ?? null),
    createdAt: now,
  });
  await presignOcspResponse(deps, db, issuing, certificate);
  await supersedeOthers(
    db,
    office.id,
    certificate.id,
    now,
    request.revokePrevious ? new Date(now.getTime() + REPLACEMENT_PERIOD_MS) : null,
  );
  await meetDemands(db, office.id, now);

  const naming = {
    officeName: office.name,
    debtorNumber: office.debtorNumber,
    organisation: deps.organisation,
  };
  await deps.mailer.queue(db, {
    to: office.email,
    locale: "nl",
    template: requestConfirmationMail,
    data: { ...naming, requestedAt: now, sentTo: request.sentTo, mobile },
  });
  await deps.mailer.queue(db, {
    to: request.sentTo,
    locale: "nl",
    template: certificateMail,
    data: naming,
    attachments: [{ filename: fileName, contentType: "application/x-pkcs12", content: pkcs12 }],
    forgetAttachmentsAfterDelivery: true,
  });
  if (mobile) {
    await deps.sms.queue(db, {
      to: mobile,
      text: `${deps.organisation.shortName}: het wachtwoord van kantoorcertificaat ${fileName} voor ${office.name} is ${password}`,
      secret: true,
    });
  }
  await recordAuditEvent(db, deps.clock, {
    actor: request.actor,
    action: "certificate.issued",
    subject: { type: "office-certificate", id: certificate.id },
    details: {
      officeId: office.id,
      serialNumber,
      via: request.via,
      sentTo: request.sentTo,
      smsPassword: mobile !== null,
      legacyPkcs12: request.legacyPkcs12 ?? false,
    },
    officeId: office.id,
  });
  return { certificate, password, fileName, mobile, pkcs12 };
}
