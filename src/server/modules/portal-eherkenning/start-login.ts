import type { PortalEherkenningOffice } from "#src/contracts/eherkenning/portal-login.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import { newToken } from "#src/server/platform/security/random-secrets.ts";
import {
  portalLoginOffices,
  portalLoginService,
} from "../service-catalogue/office-portal-services.ts";
import { type PortalEherkenningDeps, spUrls } from "./deps.ts";
import { keepPortalRegisteredAtOwnIdp } from "./own-idp.ts";
import { authnRequestUrl, newMessageId } from "./redirect-messages.ts";
import { deleteExpiredSamlRequests, insertSamlRequest } from "./repository.ts";
import { trustedIdp } from "./saml-parties.ts";
import { spKey } from "./sp-key.ts";

/** How long a person has to log in at the IdP before the portal forgets the request. */
const REQUEST_LIFETIME = 15 * MINUTE;

/** The offices on the portal's login page, each with the level its portal demands. */
export async function loginOffices(
  deps: PortalEherkenningDeps,
): Promise<PortalEherkenningOffice[]> {
  const portals = await portalLoginOffices(deps.db);
  return portals.map((portal) => ({
    id: portal.officeId,
    name: portal.officeName,
    level: portal.level,
  }));
}

export interface StartedLogin {
  /** The IdP's sign-on address with the signed AuthnRequest. */
  redirectUrl: string;
  /** Goes into this browser's cookie: the Response must come back to the same browser. */
  browserToken: string;
}

/**
 * "Inloggen met eHerkenning" for an office's portal: a signed AuthnRequest for the office's
 * service at the level the office demands, kept (with this browser's token) so that the
 * Response is accepted once, from this browser, within the request's lifetime.
 */
export async function startLogin(
  deps: PortalEherkenningDeps,
  officeId: string,
  ip: string,
): Promise<StartedLogin> {
  const service = await portalLoginService(deps.catalogue, officeId);
  if (!service) throw new AppError("not_found");
  await keepPortalRegisteredAtOwnIdp(deps);
  const idp = await trustedIdp(deps);
  const key = await spKey(deps);
  const urls = spUrls(deps.publicUrl);
  const now = deps.clock.now();
  const requestId = newMessageId();
  const browserToken = newToken();
  await deps.db.transaction(async (tx) => {
    await deleteExpiredSamlRequests(tx, now);
    await insertSamlRequest(tx, {
      requestId,
      browserTokenHash: deps.secrets.fingerprint(browserToken),
      officeId,
      demandedLevel: service.level,
      createdAt: now,
      expiresAt: new Date(now.getTime() + REQUEST_LIFETIME),
    });
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "portal-eherkenning.login-started",
      subject: { type: "office", id: officeId },
      ip,
      details: { requestId, idp: idp.entityId, serviceId: service.serviceId, level: service.level },
    });
  });
  const redirectUrl = authnRequestUrl(
    {
      id: requestId,
      issuedAt: now,
      issuer: urls.entityId,
      destination: idp.ssoUrl,
      acsUrl: urls.acs,
      serviceIndex: service.serviceIndex,
      level: service.level,
    },
    key.privateKeyPem,
  );
  return { redirectUrl, browserToken };
}
