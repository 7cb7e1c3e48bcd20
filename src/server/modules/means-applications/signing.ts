import { signaturesSatisfied } from "#src/contracts/eherkenning/signatures.ts";
import type { SignatureRequestView } from "#src/contracts/eherkenning/wizard.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { hashToken } from "#src/server/platform/security/random-secrets.ts";
import { acceptCode, issueCode, maskedTarget } from "./application-codes.ts";
import { applicationLimits, limitAttempt } from "./application-limits.ts";
import { followPageLink } from "./application-links.ts";
import {
  applicationSignedMail,
  signatureCodeMail,
  signatureDeclinedMail,
} from "./application-mails.ts";
import {
  type ApplicationRow,
  findApplicationById,
  lockApplication,
  moveApplicationState,
} from "./application-repository.ts";
import { activeSigners, scopeServicesView } from "./application-view.ts";
import type { EherkenningDeps } from "./deps.ts";
import {
  findSignerByTokenHash,
  listSigners,
  markDeclined,
  markSigned,
  type SignerRow,
} from "./signer-repository.ts";

/** Who acts on a signing page: the representative behind the link. */
const representativeActor = (signer: SignerRow) =>
  ({ type: "representative", id: signer.id }) as const;

interface SigningRequest {
  locale: Locale;
  ip: string;
}

/**
 * The signer behind a link; a replaced signer's link, or an old one, no longer works. A
 * declined signer's link still shows the request (as declined), but can no longer sign.
 */
async function signerOfToken(db: Database, token: string): Promise<SignerRow> {
  const signer = await findSignerByTokenHash(db, hashToken(token));
  if (!signer || signer.replacedAt) throw new AppError("signature_link_invalid");
  return signer;
}

async function signerAndApplication(db: Database, token: string) {
  const signer = await signerOfToken(db, token);
  const application = await findApplicationById(db, signer.applicationId);
  if (!application) throw new AppError("signature_link_invalid");
  return { signer, application };
}

async function requestView(
  db: Database,
  signer: SignerRow,
  application: ApplicationRow,
  locale: Locale,
): Promise<SignatureRequestView> {
  const scope = await scopeServicesView(db, application, locale);
  const status = signer.signedAt
    ? "signed"
    : signer.declinedAt
      ? "declined"
      : application.state === "signing"
        ? "open"
        : "closed";
  const company = application.company;
  const branch = company?.branches.find((b) => b.branchNumber === application.branchNumber);
  if (!company || !application.scope || !application.level) {
    throw new AppError("signature_link_invalid");
  }
  return {
    reference: application.reference,
    status,
    applicationState: application.state,
    signer: { name: signer.name, authority: signer.authority },
    // Erased after rejection or abandonment: the page then says only that it is closed.
    user: { name: application.userName ?? "", email: application.userEmail ?? "" },
    company: { name: company.name, kvkNumber: company.kvkNumber, legalForm: company.legalForm },
    branch: branch ? { branchNumber: branch.branchNumber, name: branch.name } : null,
    userWorksForCompany: application.userWorksForCompany ?? false,
    scope: application.scope,
    scopeServices: scope.scopeServices,
    scopeProviderName: scope.scopeProviderName,
    level: application.level,
    codeChannel: signer.mobile ? "sms" : "email",
    codeTarget: maskedTarget(signer.mobile ?? signer.email),
    signedAt: signer.signedAt?.toISOString() ?? null,
  };
}

/** The representative's page: what the application asks, and whether they may still sign. */
export async function signatureRequest(
  deps: EherkenningDeps,
  token: string,
  locale: Locale,
): Promise<SignatureRequestView> {
  const { signer, application } = await signerAndApplication(deps.db, token);
  return requestView(deps.db, signer, application, locale);
}

/**
 * Runs a signer's change under the application's lock, re-reading the signer there: a
 * replacement, a refusal, a rejection or a second tab that came first is seen, and refused
 * clearly.
 */
function changeAsSigner<T>(
  deps: EherkenningDeps,
  token: string,
  change: (tx: Database, signer: SignerRow, application: ApplicationRow) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const found = await signerOfToken(tx, token);
    const application = await lockApplication(tx, found.applicationId);
    const signer = await signerOfToken(tx, token);
    if (!application) throw new AppError("signature_link_invalid");
    if (signer.signedAt) throw new AppError("signature_already_given");
    if (signer.declinedAt) throw new AppError("signature_declined");
    if (application.state !== "signing") throw new AppError("application_state");
    return change(tx, signer, application);
  });
}

/** A code that confirms the signature: by text message when a mobile was given, else by mail. */
export async function sendSignatureCode(
  deps: EherkenningDeps,
  token: string,
  request: SigningRequest,
): Promise<{ sentTo: string }> {
  const known = await signerOfToken(deps.db, token);
  await limitAttempt(deps, `code:signer:${known.id}`, applicationLimits.codesPerTarget);
  return changeAsSigner(deps, token, async (tx, signer, application) => {
    const target = signer.mobile ?? signer.email;
    const code = await issueCode(
      deps,
      tx,
      { applicationId: application.id, purpose: "signature", signerId: signer.id },
      target,
    );
    if (signer.mobile) {
      const text =
        request.locale === "nl"
          ? `Uw code om eHerkenningsaanvraag ${application.reference} te ondertekenen is ${code}. De code is 15 minuten geldig.`
          : `Your code to sign eHerkenning application ${application.reference} is ${code}. It is valid for 15 minutes.`;
      await deps.sms.queue(tx, { to: signer.mobile, text, secret: true });
    } else {
      await deps.mailer.queue(tx, {
        to: signer.email,
        locale: request.locale,
        template: signatureCodeMail,
        data: {
          signerName: signer.name,
          code,
          reference: application.reference,
          supplierName: deps.supplierName,
        },
      });
    }
    await recordAuditEvent(tx, deps.clock, {
      actor: representativeActor(signer),
      action: "application.signature-code-sent",
      subject: { type: "application-signer", id: signer.id },
      ip: request.ip,
      details: { applicationId: application.id, channel: signer.mobile ? "sms" : "email" },
    });
    return { sentTo: maskedTarget(target) };
  });
}

/**
 * Whether the signatures given so far satisfy the level among the company's representatives:
 * a replaced or declined signer's row counts for nothing.
 */
async function signaturesSuffice(tx: Database, application: ApplicationRow): Promise<boolean> {
  if (!application.level || !application.company) return false;
  const signed = new Set(
    activeSigners(await listSigners(tx, application.id))
      .filter((signer) => signer.signedAt !== null && signer.declinedAt === null)
      .map((signer) => signer.representativeId),
  );
  return signaturesSatisfied(
    application.level,
    application.company.representatives.map((representative) => ({
      authority: representative.authority,
      signed: signed.has(representative.id),
    })),
  ).satisfied;
}

/**
 * "Ondertekenen", confirmed by the code. The signature that makes the signatures suffice moves
 * the application to the supplier's review, in the same transaction, and tells the user.
 */
export async function sign(
  deps: EherkenningDeps,
  token: string,
  code: string,
  request: SigningRequest,
): Promise<SignatureRequestView> {
  const known = await signerOfToken(deps.db, token);
  await limitAttempt(deps, `entry:signer:${known.id}`, applicationLimits.codeEntriesPerApplication);
  // A wrong code's counted attempt must be kept: the refusal is thrown after the commit.
  const view = await changeAsSigner(deps, token, async (tx, signer, application) => {
    const accepted = await acceptCode(
      deps,
      tx,
      { applicationId: application.id, purpose: "signature", signerId: signer.id },
      code,
    );
    if (!accepted) {
      await recordAuditEvent(tx, deps.clock, {
        actor: representativeActor(signer),
        action: "application.signature-code-failed",
        subject: { type: "application-signer", id: signer.id },
        ip: request.ip,
        details: { applicationId: application.id },
      });
      return undefined;
    }
    const now = deps.clock.now();
    if (!(await markSigned(tx, signer.id, now))) throw new AppError("signature_already_given");
    await recordAuditEvent(tx, deps.clock, {
      actor: representativeActor(signer),
      action: "application.signed",
      subject: { type: "application-signer", id: signer.id },
      ip: request.ip,
      details: { applicationId: application.id, authority: signer.authority },
    });
    if (await signaturesSuffice(tx, application)) {
      await moveToReview(deps, tx, application, now);
    }
    const current = (await lockApplication(tx, application.id)) ?? application;
    return requestView(tx, { ...signer, signedAt: now }, current, request.locale);
  });
  if (!view) throw new AppError("code_invalid");
  return view;
}

async function moveToReview(
  deps: EherkenningDeps,
  tx: Database,
  application: ApplicationRow,
  now: Date,
): Promise<void> {
  const moved = await moveApplicationState(tx, application.id, "signing", {
    state: "review",
    signedAt: now,
    updatedAt: now,
  });
  if (!moved) throw new AppError("application_state");
  await recordAuditEvent(tx, deps.clock, {
    actor: { type: "system" },
    action: "application.signatures-complete",
    subject: { type: "means-application", id: application.id },
    details: { level: application.level },
  });
  if (application.userEmail) {
    await deps.mailer.queue(tx, {
      to: application.userEmail,
      locale: application.locale,
      template: applicationSignedMail,
      data: {
        name: application.userName ?? "",
        reference: application.reference,
        url: followPageLink(deps),
        supplierName: deps.supplierName,
      },
    });
  }
}

/**
 * "Weigeren", with a reason. The refusal and its reason are stored on the signer's row, audited
 * and mailed to the user in one transaction, so the user can ask another representative
 * ("vervangen"); the application stays open for that. From then on the link can no longer
 * sign. The reason is kept on the row (erased with the application's personal data), not in the
 * append-only audit log.
 */
export async function declineSignature(
  deps: EherkenningDeps,
  token: string,
  reason: string,
  request: SigningRequest,
): Promise<SignatureRequestView> {
  const known = await signerOfToken(deps.db, token);
  await limitAttempt(deps, `entry:signer:${known.id}`, applicationLimits.codeEntriesPerApplication);
  return changeAsSigner(deps, token, async (tx, signer, application) => {
    const now = deps.clock.now();
    if (!(await markDeclined(tx, signer.id, now, reason))) {
      throw new AppError("signature_link_invalid");
    }
    await recordAuditEvent(tx, deps.clock, {
      actor: representativeActor(signer),
      action: "application.signature-declined",
      subject: { type: "application-signer", id: signer.id },
      ip: request.ip,
      details: { applicationId: application.id },
    });
    if (application.userEmail) {
      await deps.mailer.queue(tx, {
        to: application.userEmail,
        locale: application.locale,
        template: signatureDeclinedMail,
        data: {
          name: application.userName ?? "",
          signerName: signer.name,
          reason,
          reference: application.reference,
          url: followPageLink(deps),
          supplierName: deps.supplierName,
        },
      });
    }
    return requestView(
      tx,
      { ...signer, declinedAt: now, declineReason: reason },
      application,
      request.locale,
    );
  });
}
