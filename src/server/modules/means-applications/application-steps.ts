import {
  chosenSignersWouldSuffice,
  DEFAULT_LEVEL_FOR_ALL,
  demandedLevelOf,
  levelAllowed,
} from "#src/contracts/eherkenning/application-rules.ts";
import type { KvkCompany } from "#src/contracts/eherkenning/kvk-company.ts";
import { canSign, signaturesNeeded } from "#src/contracts/eherkenning/signatures.ts";
import type {
  ApplicationView,
  SaveCompany,
  SaveScope,
  SaveUser,
} from "#src/contracts/eherkenning/wizard.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { applicantActor, changeApplication } from "./applicant-access.ts";
import { applicationLimits, limitAttempt } from "./application-limits.ts";
import { type ApplicationRow, updateApplication } from "./application-repository.ts";
import { savedView } from "./application-view.ts";
import type { EherkenningDeps } from "./deps.ts";
import { findProviderName, findScopeServices } from "./scope-repository.ts";
import { unmailedSigner } from "./signer-links.ts";
import { deleteSigners, insertSigners } from "./signer-repository.ts";

/** Where the request came from, for the audit and the limits. */
export interface ApplicantRequest {
  locale: Locale;
  ip: string;
}

/**
 * Runs one step's change of a draft: within the application's save limit, under its lock, with
 * its audit event, and answers with the application as it now is.
 */
async function saveDraftStep(
  deps: EherkenningDeps,
  application: ApplicationRow,
  request: ApplicantRequest,
  action: string,
  change: (tx: Database, draft: ApplicationRow) => Promise<Record<string, unknown>>,
): Promise<ApplicationView> {
  await limitAttempt(deps, `save:${application.id}`, applicationLimits.savePerApplication);
  return changeApplication(deps, application.id, ["draft"], async (tx, draft) => {
    const details = await change(tx, draft);
    await recordAuditEvent(tx, deps.clock, {
      actor: applicantActor(draft),
      action,
      subject: { type: "means-application", id: draft.id },
      ip: request.ip,
      details,
    });
    return savedView(deps, tx, draft.id, request.locale);
  });
}

/** The services a scope names must all be in the catalogue (and not withdrawn). */
async function scopeServicesOrRefuse(tx: Database, scope: SaveScope["scope"]) {
  const services = await findScopeServices(tx, scope);
  if (scope.kind === "services" && services.length !== new Set(scope.serviceIds).size) {
    throw new AppError("unknown_service", [
      { path: "body.scope.serviceIds", code: "unknown_service", message: "unknown service" },
    ]);
  }
  if (scope.kind === "provider") {
    const known = await findProviderName(tx, scope.providerId);
    if (!known || services.length === 0) {
      throw new AppError("unknown_service", [
        { path: "body.scope.providerId", code: "unknown_service", message: "unknown provider" },
      ]);
    }
  }
  return services;
}

/**
 * Step 1, "Waarvoor": the scope, and the level. The level follows from the highest the chosen
 * services demand; a higher one may be chosen, a lower one never (its means could not log in to
 * them). For all services the applicant chooses, EH3 when they say nothing.
 */
export function saveScope(
  deps: EherkenningDeps,
  application: ApplicationRow,
  input: SaveScope,
  request: ApplicantRequest,
): Promise<ApplicationView> {
  return saveDraftStep(deps, application, request, "application.scope-saved", async (tx) => {
    const services = await scopeServicesOrRefuse(tx, input.scope);
    const demanded = demandedLevelOf(services);
    const level = input.level ?? demanded ?? DEFAULT_LEVEL_FOR_ALL;
    if (!levelAllowed(level, demanded)) {
      throw new AppError("level_below_demanded", [
        { path: "body.level", code: "level_below_demanded", message: `at least ${demanded}` },
      ]);
    }
    await updateApplication(tx, application.id, {
      scope: input.scope,
      level,
      updatedAt: deps.clock.now(),
    });
    return { scopeKind: input.scope.kind, level, services: services.length };
  });
}

/**
 * Step 2, the user. A changed address or number is no longer verified: a verification holds
 * for exactly the contact the code went to.
 */
export function saveUser(
  deps: EherkenningDeps,
  application: ApplicationRow,
  input: SaveUser,
  request: ApplicantRequest,
): Promise<ApplicationView> {
  return saveDraftStep(deps, application, request, "application.user-saved", async (tx, draft) => {
    const emailChanged = draft.userEmail !== input.email;
    const mobileChanged = draft.userMobile !== input.mobile;
    await updateApplication(tx, draft.id, {
      userName: input.name,
      userEmail: input.email,
      userMobile: input.mobile,
      ...(emailChanged ? { userEmailVerifiedAt: null } : {}),
      ...(mobileChanged ? { userMobileVerifiedAt: null } : {}),
      updatedAt: deps.clock.now(),
    });
    return { emailChanged, mobileChanged };
  });
}

/** The company by its KvK number, or a clear error at the field. */
async function companyOrRefuse(deps: EherkenningDeps, kvkNumber: string): Promise<KvkCompany> {
  const company = await deps.kvk.findCompany(kvkNumber);
  if (!company) {
    throw new AppError("kvk_number_unknown", [
      { path: "body.kvkNumber", code: "kvk_number_unknown", message: "no company by this number" },
    ]);
  }
  return company;
}

/** Step 2, looking the company up: what the register says, and how many must sign. */
export async function lookUpCompany(
  deps: EherkenningDeps,
  application: ApplicationRow,
  kvkNumber: string,
) {
  if (application.state !== "draft") throw new AppError("application_state");
  await limitAttempt(deps, `lookup:${application.id}`, applicationLimits.lookupsPerApplication);
  const company = await companyOrRefuse(deps, kvkNumber);
  const needed = application.level
    ? signaturesNeeded(application.level, company.representatives)
    : undefined;
  return { company, ...(needed ? { signaturesNeeded: needed } : {}) };
}

/** The chosen signers must be the company's representatives with authority to sign. */
function refuseUnknownSigners(company: KvkCompany, input: SaveCompany): void {
  input.signers.forEach((signer, index) => {
    const representative = company.representatives.find((r) => r.id === signer.representativeId);
    if (!representative || !canSign(representative.authority)) {
      throw new AppError("representative_unknown", [
        {
          path: `body.signers.${index}.representativeId`,
          code: "representative_unknown",
          message: "not a representative with authority",
        },
      ]);
    }
  });
}

/**
 * Step 2, the company: as the register gives it now (kept with the application, so the review
 * and the signatures are checked against what the applicant saw), an optional branch, whether
 * the user works there, and the representatives who will sign. A choice that can never sign
 * enough for the level (e.g. only people without authority) is refused here, not at the end.
 */
export function saveCompany(
  deps: EherkenningDeps,
  application: ApplicationRow,
  input: SaveCompany,
  request: ApplicantRequest,
): Promise<ApplicationView> {
  return saveDraftStep(
    deps,
    application,
    request,
    "application.company-saved",
    async (tx, draft) => {
      if (!draft.level) throw new AppError("application_previous_step");
      const company = await companyOrRefuse(deps, input.kvkNumber);
      if (
        input.branchNumber &&
        !company.branches.some((branch) => branch.branchNumber === input.branchNumber)
      ) {
        throw new AppError("validation_failed", [
          {
            path: "body.branchNumber",
            code: "unknown_branch",
            message: "not a branch of the company",
          },
        ]);
      }
      refuseUnknownSigners(company, input);
      const chosen = new Set(input.signers.map((signer) => signer.representativeId));
      const representatives = company.representatives.map((representative) => ({
        authority: representative.authority,
        chosen: chosen.has(representative.id),
      }));
      if (!chosenSignersWouldSuffice(draft.level, representatives)) {
        throw new AppError("signatures_unattainable", [
          { path: "body.signers", code: "signatures_unattainable", message: "cannot suffice" },
        ]);
      }
      const now = deps.clock.now();
      await updateApplication(tx, draft.id, {
        company,
        kvkNumber: company.kvkNumber,
        branchNumber: input.branchNumber ?? null,
        userWorksForCompany: input.userWorksForCompany,
        updatedAt: now,
      });
      await deleteSigners(tx, draft.id);
      await insertSigners(
        tx,
        input.signers.map((signer) => {
          const representative = company.representatives.find(
            (r) => r.id === signer.representativeId,
          );
          if (!representative) throw new AppError("representative_unknown");
          // Mailed their link when the user submits.
          return unmailedSigner(draft.id, representative, signer, now);
        }),
      );
      return {
        kvkNumber: company.kvkNumber,
        branch: input.branchNumber !== undefined,
        userWorksForCompany: input.userWorksForCompany,
        signers: input.signers.length,
      };
    },
  );
}
