import { randomUUID } from "node:crypto";
import { authorizationCovers } from "#src/contracts/eherkenning/authorization-scope.ts";
import type { IdpLoginOutcome, IdpPendingLogin } from "#src/contracts/eherkenning/idp.ts";
import { levelFacts, serves } from "#src/contracts/eherkenning/levels.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import { type LoginAuthorization, meansAtLogin } from "../means/login-authorizations.ts";
import { loginServices } from "../service-catalogue/login-services.ts";
import { responseXml } from "./assertion-xml.ts";
import { idpUrls, type SamlIdpDeps } from "./deps.ts";
import { pseudonymFor } from "./pseudonyms.ts";
import {
  findPendingLogin,
  findServiceProvider,
  insertIdpSession,
  markPendingAnswered,
  markResponseDelivered,
  type PendingLoginRow,
} from "./repository.ts";
import { idpEntity, spEntity } from "./saml-entities.ts";
import { idpSigningKey } from "./signing-key.ts";

/** An assertion is good for a few minutes: long enough to post, too short to keep. */
const ASSERTION_LIFETIME = 5 * MINUTE;

/** The means holder's login as the IdP sees it: the account and when its session began. */
export interface IdpLoginSession {
  accountId: string;
  /** When the complete session started: after the second step. */
  startedAt: Date;
  ip: string;
}

async function openPending(deps: SamlIdpDeps, token: string | undefined): Promise<PendingLoginRow> {
  const pending = token
    ? await findPendingLogin(deps.db, deps.secrets.fingerprint(token))
    : undefined;
  if (!pending || pending.answeredAt || pending.expiresAt <= deps.clock.now()) {
    throw new AppError("saml_login_missing");
  }
  return pending;
}

/** What the IdP's login page shows about the request it serves. */
export async function describePendingLogin(
  deps: SamlIdpDeps,
  token: string | undefined,
  login: IdpLoginSession | undefined,
): Promise<IdpPendingLogin> {
  const pending = await openPending(deps, token);
  const sp = await findServiceProvider(deps.db, pending.serviceProviderId);
  const [service] = await loginServices(deps.db, [pending.catalogueServiceId]);
  if (!sp || !service) throw new AppError("saml_login_missing");
  return {
    serviceProviderName: sp.name,
    serviceNameNl: service.nameNl,
    serviceNameEn: service.nameEn,
    demandedLevel: pending.demandedLevel,
    loggedIn: Boolean(login && login.startedAt >= pending.createdAt),
  };
}

const companyKey = (authorization: LoginAuthorization) =>
  `${authorization.kvkNumber}/${authorization.branchNumber ?? ""}`;

/**
 * After the means holder logged in for this request: checks the means' level against the
 * demanded one and the authorizations for the requested service, lets the user choose when
 * they act for several companies or branches, and otherwise signs the Response, which the
 * browser then collects once. Every outcome is audited; the answer runs in one transaction with
 * its audit event and the IdP session single logout needs.
 */
export async function answerLogin(
  deps: SamlIdpDeps,
  token: string | undefined,
  login: IdpLoginSession,
  choice: string | undefined,
): Promise<IdpLoginOutcome> {
  const pending = await openPending(deps, token);
  // eHerkenning SPs force a fresh login: a session from before the request does not count.
  if (login.startedAt < pending.createdAt) throw new AppError("saml_fresh_login_required");
  const now = deps.clock.now();
  const refuse = async (
    reason: "no-means" | "means-revoked" | "level-too-low" | "no-authorization",
  ) =>
    recordAuditEvent(deps.db, deps.clock, {
      actor: { type: "means-holder", id: login.accountId },
      action: "saml.login-refused",
      subject: { type: "saml-service-provider", id: pending.serviceProviderId },
      ip: login.ip,
      details: { reason, requestId: pending.requestId, demandedLevel: pending.demandedLevel },
    });

  const held = await meansAtLogin(deps.db, login.accountId);
  if (!held || held.revoked) {
    await refuse(held ? "means-revoked" : "no-means");
    return { outcome: "no-authorization" };
  }
  if (!serves(held.level, pending.demandedLevel)) {
    await refuse("level-too-low");
    return {
      outcome: "level-too-low",
      meansLevel: held.level,
      demandedLevel: pending.demandedLevel,
    };
  }
  const [service] = await loginServices(deps.db, [pending.catalogueServiceId]);
  const sp = await findServiceProvider(deps.db, pending.serviceProviderId);
  if (!service || !sp) throw new AppError("saml_login_missing");
  const covering = held.authorizations.filter((authorization) =>
    authorizationCovers(authorization, {
      serviceId: service.serviceId,
      providerOin: service.providerOin,
      demandedLevel: pending.demandedLevel,
      // A branch-limited authorization acts for its own branch.
      ...(authorization.branchNumber ? { branchNumber: authorization.branchNumber } : {}),
      at: now,
    }),
  );
  if (covering.length === 0) {
    await refuse("no-authorization");
    return { outcome: "no-authorization" };
  }
  const choices = [...new Map(covering.map((a) => [companyKey(a), a])).values()];
  const chosen =
    choice !== undefined
      ? choices.find((authorization) => authorization.id === choice)
      : choices.length === 1
        ? choices[0]
        : undefined;
  if (choice !== undefined && !chosen) throw new AppError("saml_authorization_choice");
  if (!chosen) {
    return {
      outcome: "choose",
      choices: choices.map((authorization) => ({
        authorizationId: authorization.id,
        companyName: authorization.companyName,
        kvkNumber: authorization.kvkNumber,
        branchNumber: authorization.branchNumber ?? null,
      })),
    };
  }

  const key = await idpSigningKey(deps);
  const urls = idpUrls(deps.publicUrl);
  const sessionIndex = `_${randomUUID()}`;
  const transientNameId = `_${randomUUID()}`;
  const responseId = `_${randomUUID()}`;
  const xml = await responseXml({
    responseId,
    assertionId: `_${randomUUID()}`,
    issuer: urls.entityId,
    audience: sp.entityId,
    acsUrl: pending.acsUrl,
    inResponseTo: pending.requestId,
    issuedAt: now,
    notOnOrAfter: new Date(now.getTime() + ASSERTION_LIFETIME),
    transientNameId,
    sessionIndex,
    // The reached level: the means', which may be higher than the demanded one.
    loaUrn: levelFacts[held.level].urn,
    serviceId: service.serviceId,
    serviceUuid: service.serviceUuid,
    kvkNumber: chosen.kvkNumber,
    rsin: chosen.rsin,
    branchNumber: chosen.branchNumber ?? null,
    pseudonym: pseudonymFor(deps.secrets, login.accountId, sp.entityId),
    encryptionCertificate: sp.encryptionCertificate,
  });
  const signed = await idpEntity(deps.publicUrl, key).createLoginResponse(
    spEntity(sp),
    { extract: { request: { id: pending.requestId } } },
    "post",
    {},
    { customTagReplacement: () => ({ id: responseId, context: xml }) },
  );
  const answered = await deps.db.transaction(async (tx) => {
    const marked = await markPendingAnswered(tx, pending.id, {
      accountId: login.accountId,
      authorizationId: chosen.id,
      responseBase64: signed.context,
      at: now,
    });
    if (!marked) return false;
    await insertIdpSession(tx, {
      sessionIndex,
      serviceProviderId: sp.id,
      accountId: login.accountId,
      nameId: transientNameId,
      createdAt: now,
    });
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "means-holder", id: login.accountId },
      action: "saml.login",
      subject: { type: "saml-service-provider", id: sp.id },
      ip: login.ip,
      details: {
        requestId: pending.requestId,
        serviceId: service.serviceId,
        kvkNumber: chosen.kvkNumber,
        branchNumber: chosen.branchNumber ?? null,
        level: held.level,
        demandedLevel: pending.demandedLevel,
      },
    });
    return true;
  });
  // A second answer raced this one: the request is answered once.
  if (!answered) throw new AppError("saml_login_missing");
  return { outcome: "post" };
}

/** The signed Response for the auto-posting page: handed out once, then gone. */
export async function collectResponse(deps: SamlIdpDeps, token: string | undefined) {
  const hash = token ? deps.secrets.fingerprint(token) : undefined;
  const taken = await deps.db.transaction(async (tx) => {
    const pending = hash ? await findPendingLogin(tx, hash, true) : undefined;
    if (!pending?.answeredAt || !pending.responseBase64) return undefined;
    return (await markResponseDelivered(tx, pending.id, deps.clock.now())) ? pending : undefined;
  });
  if (!taken?.responseBase64) throw new AppError("saml_login_missing");
  return {
    acsUrl: taken.acsUrl,
    samlResponse: taken.responseBase64,
    relayState: taken.relayState,
  };
}
