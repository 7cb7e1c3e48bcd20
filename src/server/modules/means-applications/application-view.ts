import {
  demandedLevelOf,
  idCopyRequired,
  missingParts,
  resumeStepOf,
} from "#src/contracts/eherkenning/application-rules.ts";
import type { ApplicantContacts } from "#src/contracts/eherkenning/applications.ts";
import { signaturesNeeded } from "#src/contracts/eherkenning/signatures.ts";
import type {
  ApplicationAttachment,
  ApplicationSigner,
  ApplicationView,
  SignerStatus,
} from "#src/contracts/eherkenning/wizard.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { dutchToday } from "./applicant-access.ts";
import { type ApplicationRow, lockApplication } from "./application-repository.ts";
import { type AttachmentRow, listAttachments } from "./attachment-repository.ts";
import type { EherkenningDeps } from "./deps.ts";
import { findIdentificationOfApplication } from "./identification-repository.ts";
import { findProviderName, findScopeServices, type ScopeService } from "./scope-repository.ts";
import { listSigners, type SignerRow } from "./signer-repository.ts";

/** The scope's services in the reader's language, and the provider's name for "provider". */
export async function scopeServicesView(
  db: Database,
  application: Pick<ApplicationRow, "scope">,
  locale: Locale,
) {
  const services = application.scope ? await findScopeServices(db, application.scope) : [];
  const providerName =
    application.scope?.kind === "provider"
      ? ((await findProviderName(db, application.scope.providerId)) ?? null)
      : null;
  return {
    services,
    scopeServices: services.map((service: ScopeService) => ({
      id: service.id,
      name: locale === "nl" ? service.nameNl : service.nameEn,
      providerName: service.providerName,
      level: service.level,
    })),
    scopeProviderName: providerName,
  };
}

/**
 * The signers still chosen: a replaced one's row stays for the record. A declined one stays
 * chosen until the user replaces them, though their signature will never come.
 */
export const activeSigners = (signers: readonly SignerRow[]) =>
  signers.filter((signer) => signer.replacedAt === null);

/** Replaced wins over declined: the user has acted on the refusal, nothing is left to do. */
function signerStatus(application: ApplicationRow, signer: SignerRow): SignerStatus {
  if (signer.signedAt) return "signed";
  if (signer.replacedAt) return "replaced";
  if (signer.declinedAt) return "declined";
  return application.state === "draft" ? "chosen" : "waiting";
}

function signersView(
  application: ApplicationRow,
  signers: readonly SignerRow[],
): ApplicationSigner[] {
  return signers.map((signer) => ({
    id: signer.id,
    representativeId: signer.representativeId,
    name: signer.name,
    authority: signer.authority,
    email: signer.email,
    mobile: signer.mobile,
    status: signerStatus(application, signer),
    // None while a draft: the link is mailed at submission.
    linkSentAt: signer.linkSentAt?.toISOString() ?? null,
    signedAt: signer.signedAt?.toISOString() ?? null,
    declinedAt: signer.declinedAt?.toISOString() ?? null,
    declineReason: signer.declineReason,
  }));
}

/** The applicant's name and contacts, as the applicant and the reviewer both see them. */
export function applicantContacts(application: ApplicationRow): ApplicantContacts {
  return {
    name: application.userName,
    email: application.userEmail,
    emailVerified: application.userEmailVerifiedAt !== null,
    mobile: application.userMobile,
    mobileVerified: application.userMobileVerifiedAt !== null,
  };
}

/** An ID copy as the applicant sees it in step 3. */
export function attachmentView(attachment: AttachmentRow): ApplicationAttachment {
  return {
    id: attachment.id,
    documentType: attachment.documentType,
    expiresOn: attachment.expiresOn,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
  };
}

/** What is missing before submitting, from the rows as they are. */
export function applicationMissing(
  application: ApplicationRow,
  signers: readonly SignerRow[],
  attachments: readonly AttachmentRow[],
  now: Date,
) {
  const chosen = new Set(activeSigners(signers).map((signer) => signer.representativeId));
  return missingParts({
    hasScope: application.scope !== null,
    level: application.level,
    userName: application.userName,
    emailVerified: application.userEmailVerifiedAt !== null,
    mobileVerified: application.userMobileVerifiedAt !== null,
    hasCompany: application.company !== null,
    userWorksForCompany: application.userWorksForCompany,
    representatives: (application.company?.representatives ?? []).map((representative) => ({
      authority: representative.authority,
      chosen: chosen.has(representative.id),
    })),
    idCopies: attachments.filter((attachment) => attachment.purpose === "user-id"),
    today: dutchToday(now),
  });
}

/** The applicant's view of their application: the wizard's data and the follow page's. */
export async function applicationView(
  deps: Pick<EherkenningDeps, "db" | "clock" | "partnerName" | "supplierName">,
  application: ApplicationRow,
  locale: Locale,
  db: Database = deps.db,
): Promise<ApplicationView> {
  const [scope, signers, attachments, identification] = await Promise.all([
    scopeServicesView(db, application, locale),
    listSigners(db, application.id),
    listAttachments(db, application.id),
    findIdentificationOfApplication(db, application.id),
  ]);
  const missing = applicationMissing(application, signers, attachments, deps.clock.now());
  const needed =
    application.level && application.company
      ? signaturesNeeded(application.level, application.company.representatives)
      : undefined;
  // A draft shows the current choice; afterwards every signer ever asked, for the record.
  const shownSigners = application.state === "draft" ? activeSigners(signers) : signers;
  return {
    reference: application.reference,
    state: application.state,
    resumeStep: resumeStepOf(missing),
    scope: application.scope,
    level: application.level,
    demandedLevel: demandedLevelOf(scope.services) ?? null,
    scopeServices: scope.scopeServices,
    scopeProviderName: scope.scopeProviderName,
    user: applicantContacts(application),
    company: application.company,
    branchNumber: application.branchNumber,
    userWorksForCompany: application.userWorksForCompany,
    signers: signersView(application, shownSigners),
    signaturesNeeded: needed ?? null,
    attachments: attachments.map(attachmentView),
    idCopyRequired: idCopyRequired(application.level, application.userWorksForCompany),
    missing,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    signedAt: application.signedAt?.toISOString() ?? null,
    issuedAt: application.issuedAt?.toISOString() ?? null,
    rejectionReason: application.rejectionReason,
    identification: identification
      ? {
          dueAt: identification.dueAt.toISOString(),
          appointmentAt: identification.appointmentAt?.toISOString() ?? null,
          appointmentPlace: identification.appointmentPlace,
          recordedAt: identification.recordedAt?.toISOString() ?? null,
        }
      : null,
    partnerName: deps.partnerName,
    supplierName: deps.supplierName,
  };
}

/** The application as the change left it, read in the change's transaction. */
export async function savedView(
  deps: Pick<EherkenningDeps, "db" | "clock" | "partnerName" | "supplierName">,
  tx: Database,
  applicationId: string,
  locale: Locale,
): Promise<ApplicationView> {
  const saved = await lockApplication(tx, applicationId);
  if (!saved) throw new AppError("application_not_found");
  return applicationView(deps, saved, locale, tx);
}
