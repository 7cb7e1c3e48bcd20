import type { ApplicationScope } from "#src/contracts/eherkenning/applications.ts";
import { authorizationEnd } from "#src/contracts/eherkenning/authorization-scope.ts";
import { compareLevels, type Level, levelFacts } from "#src/contracts/eherkenning/levels.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { inviteMeansHolder, type MeansHolderPerson } from "../accounts/means-holders.ts";
import { holderPageUrl, type MeansDeps } from "./deps.ts";
import { authorizationsAddedMail } from "./means-mails.ts";
import {
  type AuthorizationRow,
  findAvailableServices,
  insertAuthorizations,
  insertMeans,
  lockMeansOfAccount,
  providerExists,
  updateMeans,
} from "./repository.ts";

/** What an approved application (with its identification, where needed) grants. */
export interface MeansGrant {
  applicationId: string;
  /** The user, with the e-mail address and mobile number they verified. */
  person: MeansHolderPerson;
  level: Level;
  scope: ApplicationScope;
  company: { kvkNumber: string; name: string; rsin?: string | undefined };
  /** The authorizations hold for this branch only, when set. */
  branchNumber: string | null;
}

type AuthorizationScopeColumns = Pick<AuthorizationRow, "scopeKind" | "serviceId" | "providerId">;

/**
 * The authorizations' scopes: one per chosen service still in the catalogue, one for the whole
 * provider, or one for every service up to the level. None left: the grant is refused, as the
 * reviewer's checklist says.
 */
async function scopesOf(
  tx: Database,
  scope: ApplicationScope,
): Promise<AuthorizationScopeColumns[]> {
  switch (scope.kind) {
    case "services": {
      const services = await findAvailableServices(tx, scope.serviceIds);
      if (services.length !== new Set(scope.serviceIds).size)
        throw new AppError("checklist_not_met");
      return services.map((service) => ({
        scopeKind: "service" as const,
        serviceId: service.id,
        providerId: null,
      }));
    }
    case "provider":
      if (!(await providerExists(tx, scope.providerId))) throw new AppError("checklist_not_met");
      return [{ scopeKind: "provider", serviceId: null, providerId: scope.providerId }];
    case "all":
      return [{ scopeKind: "level", serviceId: null, providerId: null }];
  }
}

/**
 * Issues the means (C6), inside the transaction that approves the application or records its
 * identification: the holder's login (one per person, held to the level's second factor, with
 * the activation mail when new), the means (an existing one gets the new authorizations, and
 * the higher level if asked; a revoked one is reinstated at the level asked), and the
 * authorizations, valid from now for the longest time allowed (five years).
 */
export async function issueMeans(
  deps: MeansDeps,
  tx: Database,
  grant: MeansGrant,
  actor: AuditEvent["actor"],
): Promise<{ meansId: string; accountId: string; invited: boolean }> {
  const now = deps.clock.now();
  const scopes = await scopesOf(tx, grant.scope);
  const { account, invited } = await inviteMeansHolder(
    deps,
    tx,
    grant.person,
    levelFacts[grant.level].secondFactor,
    actor,
  );
  const existing = await lockMeansOfAccount(tx, account.id);
  let meansId: string;
  let level = grant.level;
  if (!existing) {
    meansId = (await insertMeans(tx, { accountId: account.id, level, issuedAt: now })).id;
  } else {
    meansId = existing.id;
    if (!existing.revokedAt && compareLevels(existing.level, level) > 0) level = existing.level;
    await updateMeans(tx, existing.id, { level, revokedAt: null, revokedReason: null });
  }
  const added = await insertAuthorizations(
    tx,
    scopes.map((scope) => ({
      meansId,
      ...scope,
      level: grant.level,
      kvkNumber: grant.company.kvkNumber,
      companyName: grant.company.name,
      rsin: grant.company.rsin ?? null,
      branchNumber: grant.branchNumber,
      applicationId: grant.applicationId,
      validFrom: now,
      validUntil: authorizationEnd(now),
      createdAt: now,
    })),
  );
  if (!invited) {
    await deps.mailer.queue(tx, {
      to: account.email,
      locale: account.locale,
      template: authorizationsAddedMail,
      data: {
        name: account.name,
        supplierName: deps.supplierName,
        url: holderPageUrl(deps),
        level,
      },
    });
  }
  await recordAuditEvent(tx, deps.clock, {
    actor,
    action: existing ? "means.extended" : "means.issued",
    subject: { type: "means", id: meansId },
    details: {
      applicationId: grant.applicationId,
      accountId: account.id,
      level,
      reinstated: existing?.revokedAt ? true : undefined,
      authorizationIds: added.map((authorization) => authorization.id),
    },
  });
  return { meansId, accountId: account.id, invited };
}
