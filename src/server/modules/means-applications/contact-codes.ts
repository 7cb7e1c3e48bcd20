import type { ApplicationView, Contact } from "#src/contracts/eherkenning/wizard.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { applicantActor, changeApplication } from "./applicant-access.ts";
import { acceptCode, issueCode, maskedTarget } from "./application-codes.ts";
import { applicationLimits, limitAttempt } from "./application-limits.ts";
import { applicationLink } from "./application-links.ts";
import { contactCodeMail, continueApplicationMail } from "./application-mails.ts";
import { type ApplicationRow, updateApplication } from "./application-repository.ts";
import type { ApplicantRequest } from "./application-steps.ts";
import { savedView } from "./application-view.ts";
import type { EherkenningDeps } from "./deps.ts";

const purposeOf = { email: "user-email", mobile: "user-mobile" } as const;

const contactOf = (application: ApplicationRow, contact: Contact) =>
  contact === "email" ? application.userEmail : application.userMobile;

/**
 * Step 2: a code to the user's own address (by mail) or number (by text message). The user
 * must have saved the contact first; a new code voids the one before.
 */
export async function sendContactCode(
  deps: EherkenningDeps,
  application: ApplicationRow,
  contact: Contact,
  request: ApplicantRequest,
): Promise<{ sentTo: string }> {
  await limitAttempt(deps, `code:${application.id}:${contact}`, applicationLimits.codesPerTarget);
  return changeApplication(deps, application.id, ["draft"], async (tx, draft) => {
    const target = contactOf(draft, contact);
    if (!target) throw new AppError("application_previous_step");
    const code = await issueCode(
      deps,
      tx,
      { applicationId: draft.id, purpose: purposeOf[contact], signerId: null },
      target,
    );
    if (contact === "email") {
      await deps.mailer.queue(tx, {
        to: target,
        locale: request.locale,
        template: contactCodeMail,
        data: { code, reference: draft.reference, supplierName: deps.supplierName },
      });
    } else {
      const text =
        request.locale === "nl"
          ? `Uw code voor de eHerkenningsaanvraag ${draft.reference} is ${code}. De code is 15 minuten geldig. Deel deze code met niemand.`
          : `Your code for eHerkenning application ${draft.reference} is ${code}. It is valid for 15 minutes. Never share this code.`;
      await deps.sms.queue(tx, { to: target, text, secret: true });
    }
    await recordAuditEvent(tx, deps.clock, {
      actor: applicantActor(draft),
      action: "application.contact-code-sent",
      subject: { type: "means-application", id: draft.id },
      ip: request.ip,
      details: { contact },
    });
    return { sentTo: maskedTarget(target) };
  });
}

/**
 * The code back: the contact it went to is verified, if it is still the user's contact (a
 * code for an address since changed proves nothing). A verified address gets the link to
 * continue the application elsewhere and follow it later: the browser's own access token.
 */
export async function verifyContactCode(
  deps: EherkenningDeps,
  application: ApplicationRow,
  input: { contact: Contact; code: string },
  accessToken: string,
  request: ApplicantRequest,
): Promise<ApplicationView> {
  await limitAttempt(deps, `entry:${application.id}`, applicationLimits.codeEntriesPerApplication);
  // A wrong code's counted attempt must be kept: the transaction ends normally, and the refusal
  // is thrown after it.
  const view = await changeApplication(deps, application.id, ["draft"], async (tx, draft) => {
    const target = contactOf(draft, input.contact);
    const accepted = await acceptCode(
      deps,
      tx,
      { applicationId: draft.id, purpose: purposeOf[input.contact], signerId: null },
      input.code,
    );
    const verified = accepted !== undefined && target !== null && accepted.target === target;
    await recordAuditEvent(tx, deps.clock, {
      actor: applicantActor(draft),
      action: verified ? "application.contact-verified" : "application.contact-code-failed",
      subject: { type: "means-application", id: draft.id },
      ip: request.ip,
      details: { contact: input.contact },
    });
    if (!verified || !target) return undefined;
    const now = deps.clock.now();
    await updateApplication(
      tx,
      draft.id,
      input.contact === "email"
        ? { userEmailVerifiedAt: now, updatedAt: now }
        : { userMobileVerifiedAt: now, updatedAt: now },
    );
    if (input.contact === "email") {
      await deps.mailer.queue(tx, {
        to: target,
        locale: request.locale,
        template: continueApplicationMail,
        data: {
          name: draft.userName ?? "",
          reference: draft.reference,
          url: applicationLink(deps, accessToken),
          supplierName: deps.supplierName,
        },
      });
    }
    return savedView(deps, tx, draft.id, request.locale);
  });
  if (!view) throw new AppError("code_invalid");
  return view;
}
