import type { ApplicationView } from "#src/contracts/eherkenning/wizard.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { applicantActor, changeApplication } from "./applicant-access.ts";
import { applicationLimits, limitAttempt } from "./application-limits.ts";
import { type ApplicationRow, moveApplicationState } from "./application-repository.ts";
import type { ApplicantRequest } from "./application-steps.ts";
import { activeSigners, applicationMissing, savedView } from "./application-view.ts";
import { listAttachments } from "./attachment-repository.ts";
import type { EherkenningDeps } from "./deps.ts";
import { mailSignerLink } from "./signer-links.ts";
import { listSigners } from "./signer-repository.ts";

/**
 * Step 4, "Aanvraag starten": only the user submits — the holder of the application whose own
 * address and number are verified — and only a complete application. It then waits for the
 * signatures: each chosen representative is mailed a link to review and sign.
 */
export async function submitApplication(
  deps: EherkenningDeps,
  application: ApplicationRow,
  request: ApplicantRequest,
): Promise<ApplicationView> {
  await limitAttempt(deps, `save:${application.id}`, applicationLimits.savePerApplication);
  return changeApplication(deps, application.id, ["draft"], async (tx, draft) => {
    const [signers, attachments] = await Promise.all([
      listSigners(tx, draft.id),
      listAttachments(tx, draft.id),
    ]);
    const missing = applicationMissing(draft, signers, attachments, deps.clock.now());
    if (missing.length > 0) {
      throw new AppError(
        "application_incomplete",
        missing.map((part) => ({ path: part, code: part, message: `${part} is missing` })),
      );
    }
    const now = deps.clock.now();
    const moved = await moveApplicationState(tx, draft.id, "draft", {
      state: "signing",
      submittedAt: now,
      updatedAt: now,
    });
    if (!moved) throw new AppError("application_state");
    const toSign = activeSigners(signers);
    for (const signer of toSign) await mailSignerLink(deps, tx, draft, signer);
    await recordAuditEvent(tx, deps.clock, {
      actor: applicantActor(draft),
      action: "application.submitted",
      subject: { type: "means-application", id: draft.id },
      ip: request.ip,
      details: { level: draft.level, kvkNumber: draft.kvkNumber, signers: toSign.length },
    });
    return savedView(deps, tx, draft.id, request.locale);
  });
}
