import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { endAllSessionsOfAccount } from "../accounts/sessions.ts";
import type { SamlIdpDeps } from "./deps.ts";
import { endIdpSessions, findActiveServiceProvider } from "./repository.ts";
import { idpEntity, parseEndpoints, samlify, spEntity } from "./saml-entities.ts";
import { decodeRequest, type SignOnInput, signedOctets } from "./sign-on.ts";
import { idpSigningKey } from "./signing-key.ts";

const logoutFields = [
  { key: "issuer", localPath: ["LogoutRequest", "Issuer"], attributes: [] },
  { key: "nameId", localPath: ["LogoutRequest", "NameID"], attributes: [] },
];

/**
 * SP-initiated single logout: the LogoutRequest (signed, when the SP has a signing certificate)
 * ends the IdP sessions with that SP for its NameID and the holder's sessions at Poort, and is
 * answered with a signed LogoutResponse by redirect to the SP's logout endpoint.
 */
export async function singleLogout(
  deps: SamlIdpDeps,
  input: SignOnInput,
): Promise<{ redirectUrl: string }> {
  const xml = decodeRequest(input);
  let issuer: string | undefined;
  try {
    const found = samlify.Extractor.extract(xml, logoutFields) as { issuer?: unknown };
    issuer = typeof found.issuer === "string" ? found.issuer : undefined;
  } catch {
    throw new AppError("saml_request_invalid");
  }
  const sp = issuer ? await findActiveServiceProvider(deps.db, issuer) : undefined;
  if (!sp) throw new AppError("saml_unknown_service_provider");
  const sloEndpoint = parseEndpoints(sp.sloEndpoints).find(
    (endpoint) => endpoint.binding === samlify.Constants.namespace.binding.redirect,
  );
  if (!sloEndpoint) throw new AppError("saml_request_invalid");

  const key = await idpSigningKey(deps);
  const idp = samlify.IdentityProvider({
    ...idpEntity(deps.publicUrl, key).entitySetting,
    // An SP that can sign must: otherwise anyone could log its users out.
    wantLogoutRequestSigned: sp.signingCertificate !== null,
  });
  const target = spEntity(sp);
  let parsed: Awaited<ReturnType<typeof idp.parseLogoutRequest>>;
  try {
    parsed = await idp.parseLogoutRequest(target, "redirect", {
      query: input.fields,
      ...(input.rawQuery ? { octetString: signedOctets(input.rawQuery) } : {}),
    });
  } catch {
    throw new AppError("saml_request_invalid");
  }
  const nameId = (
    samlify.Extractor.extract(parsed.samlContent, logoutFields) as { nameId?: unknown }
  ).nameId;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const accountIds =
      typeof nameId === "string" ? await endIdpSessions(tx, sp.id, nameId, now) : [];
    for (const accountId of accountIds) await endAllSessionsOfAccount(tx, deps.clock, accountId);
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "saml.single-logout",
      subject: { type: "saml-service-provider", id: sp.id },
      ip: input.ip,
      details: { accounts: accountIds.length },
    });
  });
  const answer = idp.createLogoutResponse(target, { extract: parsed.extract }, "redirect", {
    ...(input.fields.RelayState ? { relayState: input.fields.RelayState } : {}),
  });
  return { redirectUrl: answer.context };
}
