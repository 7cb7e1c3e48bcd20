import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { endSessionNow } from "../accounts/sessions.ts";
import { type PortalEherkenningDeps, spUrls } from "./deps.ts";
import { logoutRequestUrl, newMessageId } from "./redirect-messages.ts";
import { findSamlSession, findSamlSessionsByNameId } from "./repository.ts";
import { portalSp, trustedIdp } from "./saml-parties.ts";
import { spKey } from "./sp-key.ts";

/** Where the browser lands after logging out: the login page, which says so. */
const loggedOutPage = (deps: PortalEherkenningDeps) =>
  `${spUrls(deps.publicUrl).loginPage}?uitgelogd=1`;

/**
 * "Uitloggen" after an eHerkenning login: the portal session ends at once, then the browser goes
 * to the IdP with a signed LogoutRequest for the login's NameID and SessionIndex, so that the
 * IdP's session ends too; the IdP sends it back to `/portal/saml/slo`. A session of a password
 * login, or an IdP without single logout, goes straight to the logged-out page.
 */
export async function startLogout(
  deps: PortalEherkenningDeps,
  sessionId: string | undefined,
  ip: string,
): Promise<string> {
  if (!sessionId) return loggedOutPage(deps);
  const samlSession = await findSamlSession(deps.db, sessionId);
  await endSessionNow(deps.db, deps.clock, sessionId);
  if (!samlSession) return loggedOutPage(deps);
  const idp = await trustedIdp(deps);
  await recordAuditEvent(deps.db, deps.clock, {
    actor: { type: "system" },
    action: "portal-eherkenning.logout-started",
    subject: { type: "session", id: sessionId },
    ip,
    details: { idp: samlSession.idpEntityId, singleLogout: Boolean(idp.sloUrl) },
  });
  if (!idp.sloUrl || idp.entityId !== samlSession.idpEntityId) return loggedOutPage(deps);
  return logoutRequestUrl(
    {
      id: newMessageId(),
      issuedAt: deps.clock.now(),
      issuer: spUrls(deps.publicUrl).entityId,
      destination: idp.sloUrl,
      nameId: samlSession.nameId,
      sessionIndex: samlSession.sessionIndex,
    },
    (await spKey(deps)).privateKeyPem,
  );
}

export interface SloMessage {
  /** The query as received; the signature covers the raw query string. */
  fields: Record<string, string | undefined>;
  octetString: string | undefined;
  ip: string;
}

/**
 * The portal's single-logout endpoint. A LogoutResponse closes a logout the portal started (its
 * session ended already): the browser goes on to the logged-out page. A LogoutRequest is the IdP
 * ending a login elsewhere: when signed by the trusted IdP, the portal sessions of that NameID
 * end, and the IdP gets a signed LogoutResponse. Audited either way.
 */
export async function receiveSingleLogout(
  deps: PortalEherkenningDeps,
  message: SloMessage,
): Promise<string> {
  const idp = await trustedIdp(deps);
  const sp = await portalSp(deps);
  const request = {
    query: message.fields,
    ...(message.octetString ? { octetString: message.octetString } : {}),
  };
  const audit = (action: string, details: Record<string, unknown>) =>
    recordAuditEvent(deps.db, deps.clock, {
      actor: { type: "system" },
      action,
      ip: message.ip,
      details: { idp: idp.entityId, ...details },
    });

  if (!message.fields.SAMLRequest) {
    const verified = await sp.parseLogoutResponse(idp.entity, "redirect", request).then(
      () => true,
      () => false,
    );
    await audit("portal-eherkenning.logout-completed", { verified });
    return loggedOutPage(deps);
  }

  let parsed: Awaited<ReturnType<typeof sp.parseLogoutRequest>>;
  try {
    parsed = await sp.parseLogoutRequest(idp.entity, "redirect", request);
  } catch {
    await audit("portal-eherkenning.logout-refused", {});
    return loggedOutPage(deps);
  }
  const nameId = (parsed.extract as { nameID?: unknown }).nameID;
  const sessions =
    typeof nameId === "string" ? await findSamlSessionsByNameId(deps.db, idp.entityId, nameId) : [];
  await deps.db.transaction(async (tx) => {
    for (const session of sessions) await endSessionNow(tx, deps.clock, session.sessionId);
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "portal-eherkenning.logout-by-idp",
      ip: message.ip,
      details: { idp: idp.entityId, sessions: sessions.length },
    });
  });
  const answer = sp.createLogoutResponse(idp.entity, { extract: parsed.extract }, "redirect", {
    ...(message.fields.RelayState ? { relayState: message.fields.RelayState } : {}),
  });
  return answer.context;
}
