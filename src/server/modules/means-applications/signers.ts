import { chosenSignersWouldSuffice } from "#src/contracts/eherkenning/application-rules.ts";
import { canSign } from "#src/contracts/eherkenning/signatures.ts";
import type { ApplicationView, ChosenSigner } from "#src/contracts/eherkenning/wizard.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { applicantActor, changeApplication } from "./applicant-access.ts";
import { applicationLimits, limitAttempt } from "./application-limits.ts";
import type { ApplicationRow } from "./application-repository.ts";
import type { ApplicantRequest } from "./application-steps.ts";
import { activeSigners, savedView } from "./application-view.ts";
import type { EherkenningDeps } from "./deps.ts";
import { mailSignerLink, unmailedSigner } from "./signer-links.ts";
import {
  findSignerOfApplication,
  insertSigners,
  listSigners,
  type SignerRow,
  updateSigner,
} from "./signer-repository.ts";

/** A signer of this application who may still be asked or replaced: not signed, not replaced. */
async function openSignerOf(tx: Database, application: ApplicationRow, signerId: string) {
  const signer = await findSignerOfApplication(tx, application.id, signerId);
  if (!signer) throw new AppError("not_found");
  if (signer.signedAt || signer.replacedAt) throw new AppError("conflict");
  return signer;
}

/** Step 5, "opnieuw versturen": the signer's mail again, with a new link. */
export async function resendSignerLink(
  deps: EherkenningDeps,
  application: ApplicationRow,
  signerId: string,
  request: ApplicantRequest,
): Promise<ApplicationView> {
  await limitAttempt(deps, `resend:${signerId}`, applicationLimits.resendsPerSigner);
  return changeApplication(deps, application.id, ["signing"], async (tx, current) => {
    const signer = await openSignerOf(tx, current, signerId);
    // Who declined is asked again only by "vervangen", which the user chooses knowingly.
    if (signer.declinedAt) throw new AppError("conflict");
    await mailSignerLink(deps, tx, current, signer);
    await recordAuditEvent(tx, deps.clock, {
      actor: applicantActor(current),
      action: "application.signer-link-resent",
      subject: { type: "application-signer", id: signer.id },
      ip: request.ip,
      details: { applicationId: current.id },
    });
    return savedView(deps, tx, current.id, request.locale);
  });
}

/** Whether the signers, with `replaced` swapped for the representative chosen, could suffice. */
function wouldStillSuffice(
  application: ApplicationRow,
  signers: readonly SignerRow[],
  replaced: SignerRow,
  representativeId: string,
): boolean {
  const chosen = new Set(
    activeSigners(signers)
      .filter((signer) => signer.id !== replaced.id)
      .map((signer) => signer.representativeId),
  );
  chosen.add(representativeId);
  return chosenSignersWouldSuffice(
    application.level ?? "EH4",
    (application.company?.representatives ?? []).map((representative) => ({
      authority: representative.authority,
      chosen: chosen.has(representative.id),
    })),
  );
}

/**
 * Step 5, "vervangen": another representative of the company (or the same one at a corrected
 * address) signs instead, also of a signer who declined. The replaced signer's link stops
 * working at once; the new signer is mailed theirs, which sets their `linkSentAt`.
 */
export async function replaceSigner(
  deps: EherkenningDeps,
  application: ApplicationRow,
  signerId: string,
  input: ChosenSigner,
  request: ApplicantRequest,
): Promise<ApplicationView> {
  await limitAttempt(
    deps,
    `replace:${application.id}`,
    applicationLimits.replacementsPerApplication,
  );
  return changeApplication(deps, application.id, ["signing"], async (tx, current) => {
    const replaced = await openSignerOf(tx, current, signerId);
    const representative = current.company?.representatives.find(
      (candidate) => candidate.id === input.representativeId,
    );
    if (!representative || !canSign(representative.authority)) {
      throw new AppError("representative_unknown", [
        { path: "body.representativeId", code: "representative_unknown", message: "unknown" },
      ]);
    }
    const signers = await listSigners(tx, current.id);
    const alreadyAsked = activeSigners(signers).some(
      (signer) => signer.id !== replaced.id && signer.representativeId === representative.id,
    );
    if (alreadyAsked) throw new AppError("conflict");
    if (!wouldStillSuffice(current, signers, replaced, representative.id)) {
      throw new AppError("signatures_unattainable");
    }
    const now = deps.clock.now();
    await updateSigner(tx, replaced.id, { replacedAt: now });
    const [added] = await insertSigners(tx, [
      unmailedSigner(current.id, representative, input, now),
    ]);
    if (!added) throw new Error("inserting a signer returned no row");
    await mailSignerLink(deps, tx, current, added);
    await recordAuditEvent(tx, deps.clock, {
      actor: applicantActor(current),
      action: "application.signer-replaced",
      subject: { type: "application-signer", id: replaced.id },
      ip: request.ip,
      details: { applicationId: current.id, replacedBy: added.id },
    });
    return savedView(deps, tx, current.id, request.locale);
  });
}
