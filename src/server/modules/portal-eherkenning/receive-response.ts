import { DOMParser } from "@xmldom/xmldom";
import { type Level, serves } from "#src/contracts/eherkenning/levels.ts";
import type { PortalEherkenningRefusal } from "#src/contracts/eherkenning/portal-login.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { newToken } from "#src/server/platform/security/random-secrets.ts";
import {
  companyClientByKvk,
  linkedMembership,
  startEherkenningSession,
} from "../accounts/company-logins.ts";
import type { RequestOrigin } from "../accounts/deps.ts";
import type { StartedSession } from "../accounts/sessions.ts";
import { samlify } from "../saml-idp/saml-entities.ts";
import { type CompanyIdentity, readActingSubject, readAssertion } from "./company-identity.ts";
import { type PortalEherkenningDeps, spUrls } from "./deps.ts";
import {
  consumeSamlRequest,
  findLink,
  insertLink,
  insertSamlSession,
  updateLink,
} from "./repository.ts";
import { portalSp, trustedIdp } from "./saml-parties.ts";
import { spKey } from "./sp-key.ts";

/** How long the browser may take to ask for a link after its first eHerkenning login. */
const LINK_REQUEST_LIFETIME = 30 * MINUTE;

export type ResponseOutcome =
  | { kind: "logged-in"; session: StartedSession }
  /** A first login of this person for this company: the link page follows, with this token. */
  | { kind: "link"; browserToken: string }
  | { kind: "refused"; reason: PortalEherkenningRefusal; demandedLevel?: Level };

interface ResponseInput {
  samlResponse: string;
  /** The token of the browser's cookie from the start of the login. */
  browserToken: string | undefined;
  origin: RequestOrigin;
}

/**
 * The IdP's Response at the portal's ACS (issue 15). samlify checks the schema, the status, the
 * signatures against the trusted IdP's metadata, the issuer and the validity window; Poort then
 * reads the verified Assertion alone and checks the audience, the recipient, and that it answers
 * an open request of this browser (once: a replay finds it consumed), before the level, the
 * company and the person's link decide. Every outcome is audited, in one transaction.
 */
export async function receiveResponse(
  deps: PortalEherkenningDeps,
  input: ResponseInput,
): Promise<ResponseOutcome> {
  const checked = await verifiedIdentity(deps, input.samlResponse);
  if ("refused" in checked) return refuse(deps, deps.db, input, checked.refused, checked.detail);
  const { identity, inResponseTo } = checked;
  if (!input.browserToken) return refuse(deps, deps.db, input, "invalid", "no-browser-token");
  const browserTokenHash = deps.secrets.fingerprint(input.browserToken);
  const now = deps.clock.now();

  return deps.db.transaction(async (tx) => {
    const request = await consumeSamlRequest(tx, {
      requestId: inResponseTo,
      browserTokenHash,
      now,
    });
    if (!request) return refuse(deps, tx, input, "invalid", "no-open-request");
    if (!serves(identity.level, request.demandedLevel)) {
      return refuse(deps, tx, input, "level-too-low", identity.level, request.demandedLevel);
    }
    const company = await companyClientByKvk(tx, request.officeId, identity.kvkNumber);
    if (!company) return refuse(deps, tx, input, "unknown-company", identity.kvkNumber);

    const key = { idpEntityId: identity.issuer, pseudonym: identity.actingSubject };
    const link = await findLink(tx, { ...key, clientId: company.id });
    const linked = link?.membershipId ? await linkedMembership(tx, link.membershipId) : undefined;
    if (link && linked) {
      const session = await startEherkenningSession(
        tx,
        deps.clock,
        linked,
        input.origin,
        identity.level,
      );
      await insertSamlSession(tx, {
        sessionId: session.session.id,
        idpEntityId: identity.issuer,
        nameId: identity.nameId,
        sessionIndex: identity.sessionIndex,
        level: identity.level,
        createdAt: now,
      });
      await updateLink(tx, link.id, { lastLoginAt: now, kvkNumber: identity.kvkNumber });
      return { kind: "logged-in" as const, session };
    }

    // Not linked yet (or the account it was linked to is gone): this browser may ask for one.
    const browserToken = newToken();
    const pending = {
      browserTokenHash: deps.secrets.fingerprint(browserToken),
      browserExpiresAt: new Date(now.getTime() + LINK_REQUEST_LIFETIME),
      kvkNumber: identity.kvkNumber,
    };
    const row = link
      ? await updateLink(tx, link.id, {
          ...pending,
          approvedAt: null,
          membershipId: null,
          accountId: null,
        })
      : await insertLink(tx, {
          ...key,
          ...pending,
          officeId: request.officeId,
          clientId: company.id,
          createdAt: now,
        });
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "portal-eherkenning.link-needed",
      subject: { type: "client", id: company.id },
      ip: input.origin.ip,
      details: { linkId: row?.id, kvkNumber: identity.kvkNumber, level: identity.level },
    });
    return { kind: "link" as const, browserToken };
  });
}

type Verified =
  | { identity: CompanyIdentity; inResponseTo: string }
  | { refused: PortalEherkenningRefusal; detail: string };

/** The identity in a Response that passed every check of its own, or why it did not. */
async function verifiedIdentity(
  deps: PortalEherkenningDeps,
  samlResponse: string,
): Promise<Verified> {
  if (!isWellFormedXml(Buffer.from(samlResponse, "base64").toString("utf8"))) {
    return { refused: "invalid", detail: "not-xml" };
  }
  const idp = await trustedIdp(deps);
  const sp = await portalSp(deps);
  let parsed: Awaited<ReturnType<typeof sp.parseLoginResponse>>;
  try {
    parsed = await sp.parseLoginResponse(idp.entity, "post", {
      body: { SAMLResponse: samlResponse },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A Response whose status is not Success: the IdP refused, or the person cancelled.
    if (message.startsWith("ERR_FAILED_STATUS")) return { refused: "cancelled", detail: message };
    return { refused: "invalid", detail: message.slice(0, 100) };
  }
  // Read again from the Assertion whose signature held, never from the rest of the document.
  const [verified, assertionXml] = samlify.SamlLib.verifySignature(parsed.samlContent, {
    metadata: idp.entity.entityMeta,
    signatureAlgorithm: samlify.Constants.algorithms.signature.RSA_SHA256,
  });
  const facts = verified && assertionXml ? readAssertion(assertionXml) : undefined;
  if (!facts) return { refused: "invalid", detail: "assertion" };
  const urls = spUrls(deps.publicUrl);
  const responseTo = (parsed.extract as { response?: { inResponseTo?: string } }).response
    ?.inResponseTo;
  if (facts.identity.issuer !== idp.entityId) return { refused: "invalid", detail: "issuer" };
  if (!facts.audiences.includes(urls.entityId)) return { refused: "invalid", detail: "audience" };
  if (facts.recipient !== urls.acs) return { refused: "invalid", detail: "recipient" };
  if (!facts.inResponseTo || facts.inResponseTo !== responseTo) {
    return { refused: "invalid", detail: "in-response-to" };
  }
  const actingSubject = await readActingSubject(
    facts.identity.actingSubjectXml,
    (await spKey(deps)).privateKeyPem,
  );
  if (!actingSubject) return { refused: "invalid", detail: "acting-subject" };
  const { actingSubjectXml: _encrypted, ...identity } = facts.identity;
  return { identity: { ...identity, actingSubject }, inResponseTo: facts.inResponseTo };
}

/**
 * Whether the text parses as XML at all: what does not is refused here, before samlify's schema
 * validator, which would report it on the console rather than through Poort's log.
 */
function isWellFormedXml(xml: string): boolean {
  let wellFormed = true;
  const fail = () => {
    wellFormed = false;
  };
  const document = new DOMParser({
    errorHandler: { warning: () => {}, error: fail, fatalError: fail },
  }).parseFromString(xml, "text/xml");
  return wellFormed && Boolean(document.documentElement);
}

async function refuse(
  deps: PortalEherkenningDeps,
  db: Database,
  input: ResponseInput,
  reason: PortalEherkenningRefusal,
  detail: string,
  demandedLevel?: Level,
): Promise<ResponseOutcome> {
  await recordAuditEvent(db, deps.clock, {
    actor: { type: "system" },
    action: "portal-eherkenning.login-refused",
    ip: input.origin.ip,
    details: { reason, detail },
  });
  return { kind: "refused", reason, ...(demandedLevel ? { demandedLevel } : {}) };
}
