import { inflateRawSync } from "node:zlib";
import { highestLevel, type Level, levelOfUrn } from "#src/contracts/eherkenning/levels.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import { newToken } from "#src/server/platform/security/random-secrets.ts";
import { loginServices } from "../service-catalogue/login-services.ts";
import { idpUrls, type SamlIdpDeps } from "./deps.ts";
import {
  allowedCatalogueServiceIds,
  deleteExpiredPendingLogins,
  findActiveServiceProvider,
  insertPendingLogin,
  type ServiceProviderRow,
} from "./repository.ts";
import { BINDING, idpEntity, parseEndpoints, samlify, spEntity } from "./saml-entities.ts";
import { idpSigningKey } from "./signing-key.ts";

/** How far an AuthnRequest's IssueInstant may lie from Poort's clock, either way. */
const FRESHNESS = 5 * MINUTE;
/** How long the user has to log in; the row (and so the replay check) lives as long. */
const PENDING_LIFETIME = 15 * MINUTE;

export type SignOnBinding = "redirect" | "post";

export interface SignOnInput {
  binding: SignOnBinding;
  /** The query (Redirect) or the form fields (POST), as received. */
  fields: Record<string, string | undefined>;
  /** Redirect binding: the query string exactly as sent, which the signature covers. */
  rawQuery?: string;
  ip: string;
}

/**
 * Redirect: the query's own order and encoding, less the Signature the sender computed over it.
 * A message is a request or a response, never both.
 */
export function signedOctets(rawQuery: string): string {
  const wanted = ["SAMLRequest", "SAMLResponse", "RelayState", "SigAlg"];
  const parts = rawQuery.split("&").filter((part) => wanted.includes(part.split("=")[0] ?? ""));
  return wanted
    .map((name) => parts.find((part) => part.split("=")[0] === name))
    .filter((part): part is string => part !== undefined)
    .join("&");
}

/** The XML of a SAMLRequest: deflated for Redirect, plain for POST; base64 in both. */
export function decodeRequest(input: SignOnInput): string {
  const encoded = input.fields.SAMLRequest;
  if (!encoded) throw new AppError("saml_request_invalid");
  try {
    const bytes = Buffer.from(encoded, "base64");
    return input.binding === "redirect"
      ? inflateRawSync(bytes).toString("utf8")
      : bytes.toString("utf8");
  } catch {
    throw new AppError("saml_request_invalid");
  }
}

const requestFields = [
  {
    key: "request",
    localPath: ["AuthnRequest"],
    attributes: [
      "ID",
      "IssueInstant",
      "Destination",
      "AssertionConsumerServiceURL",
      "ProtocolBinding",
      "AttributeConsumingServiceIndex",
    ],
  },
  { key: "issuer", localPath: ["AuthnRequest", "Issuer"], attributes: [] },
  {
    key: "comparison",
    localPath: ["AuthnRequest", "RequestedAuthnContext"],
    attributes: ["Comparison"],
  },
  {
    key: "classRefs",
    localPath: ["AuthnRequest", "RequestedAuthnContext", "AuthnContextClassRef"],
    attributes: [],
  },
];

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
const asText = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

export interface AcceptedRequest {
  /** Goes into the browser's cookie; its hash finds the pending login. */
  token: string;
}

/**
 * Receives an AuthnRequest (SPEC C7): from a registered SP, validated against the SAML schemas,
 * its signature checked when the SP's metadata says it signs, sent to this IdP, fresh, never seen
 * before, for an ACS of that SP, for a catalogue service it may ask for, at a level Poort knows.
 * The accepted request is kept as a pending login; every refusal is audited with its reason.
 */
export async function acceptAuthnRequest(
  deps: SamlIdpDeps,
  input: SignOnInput,
): Promise<AcceptedRequest> {
  let sp: ServiceProviderRow | undefined;
  const refuse = async (reason: string, code: ConstructorParameters<typeof AppError>[0]) => {
    await recordAuditEvent(deps.db, deps.clock, {
      actor: { type: "system" },
      action: "saml.authn-request-refused",
      ...(sp ? { subject: { type: "saml-service-provider", id: sp.id } } : {}),
      ip: input.ip,
      details: { reason },
    });
    return new AppError(code);
  };

  const xml = decodeRequest(input);
  let unverified: Record<string, unknown>;
  try {
    unverified = samlify.Extractor.extract(xml, requestFields) as Record<string, unknown>;
  } catch {
    throw await refuse("unreadable", "saml_request_invalid");
  }
  const issuer = asText(unverified.issuer);
  sp = issuer ? await findActiveServiceProvider(deps.db, issuer) : undefined;
  if (!sp) throw await refuse("unknown-service-provider", "saml_unknown_service_provider");

  const key = await idpSigningKey(deps);
  const idp = idpEntity(deps.publicUrl, key, sp.authnRequestsSigned);
  let verifiedXml: string;
  try {
    const parsed = await idp.parseLoginRequest(spEntity(sp), input.binding, {
      query: input.fields,
      body: input.fields,
      ...(input.rawQuery ? { octetString: signedOctets(input.rawQuery) } : {}),
    });
    verifiedXml = parsed.samlContent;
  } catch {
    throw await refuse("signature-or-schema", "saml_request_invalid");
  }
  // Read again from what samlify verified, never from the first, unverified look. The extractor
  // names attributes in camel case (ID → id, AssertionConsumerServiceURL → …Url).
  const request = samlify.Extractor.extract(verifiedXml, requestFields) as {
    request?: Record<string, string | undefined>;
    comparison?: unknown;
    classRefs?: unknown;
  };
  const attributes = request.request ?? {};
  const requestId = attributes.id;
  const issueInstant = attributes.issueInstant ? new Date(attributes.issueInstant) : undefined;
  const now = deps.clock.now();
  if (!requestId || !issueInstant || Number.isNaN(issueInstant.getTime())) {
    throw await refuse("incomplete", "saml_request_invalid");
  }
  if (Math.abs(now.getTime() - issueInstant.getTime()) > FRESHNESS) {
    throw await refuse("issue-instant", "saml_request_stale");
  }
  if (attributes.destination && attributes.destination !== idpUrls(deps.publicUrl).sso) {
    throw await refuse("destination", "saml_request_invalid");
  }
  if (attributes.protocolBinding && attributes.protocolBinding !== BINDING.post) {
    throw await refuse("protocol-binding", "saml_request_invalid");
  }
  // The Response goes only to an ACS of the SP's own metadata: a request naming another URL
  // could otherwise send an assertion to anyone.
  const postAcs = parseEndpoints(sp.acsEndpoints).filter(
    (endpoint) => endpoint.binding === BINDING.post,
  );
  const acsUrl = attributes.assertionConsumerServiceUrl ?? postAcs[0]?.url;
  if (!acsUrl || !postAcs.some((endpoint) => endpoint.url === acsUrl)) {
    throw await refuse("acs-url", "saml_request_invalid");
  }

  const comparison = asText(request.comparison);
  const classRefs = asList(request.classRefs);
  // eHerkenning SPs ask "minimum": the IdP may authenticate higher, never lower. "exact" could
  // not be kept when the means is higher, and "better"/"maximum" are not used in the framework.
  if (classRefs.length > 0 && comparison !== "minimum") {
    throw await refuse("comparison", "saml_request_invalid");
  }
  const requestedLevels = classRefs.map(levelOfUrn);
  if (requestedLevels.some((level) => level === undefined)) {
    throw await refuse("unknown-level", "saml_request_invalid");
  }

  const allowed = await loginServices(deps.db, await allowedCatalogueServiceIds(deps.db, sp.id));
  const indexText = attributes.attributeConsumingServiceIndex;
  const service =
    indexText === undefined
      ? allowed.length === 1
        ? allowed[0]
        : undefined
      : allowed.find((candidate) => String(candidate.serviceIndex) === indexText);
  if (!service || service.withdrawn) {
    throw await refuse("service-not-allowed", "saml_service_not_allowed");
  }
  // The catalogue's level for the service is a floor the SP cannot lower by asking less.
  const demandedLevel = highestLevel([
    service.level,
    ...requestedLevels.filter((level): level is Level => level !== undefined),
  ]) as Level;

  const token = newToken();
  const accepted = await deps.db.transaction(async (tx) => {
    await deleteExpiredPendingLogins(tx, now);
    const row = await insertPendingLogin(tx, {
      tokenHash: deps.secrets.fingerprint(token),
      serviceProviderId: sp.id,
      requestId,
      acsUrl,
      relayState: input.fields.RelayState ?? null,
      demandedLevel,
      catalogueServiceId: service.id,
      serviceIndex: service.serviceIndex,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PENDING_LIFETIME),
    });
    if (!row) return undefined;
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "saml.authn-request-accepted",
      subject: { type: "saml-service-provider", id: sp.id },
      ip: input.ip,
      details: { requestId, serviceId: service.serviceId, demandedLevel },
    });
    return row;
  });
  if (!accepted) throw await refuse("replayed", "saml_request_stale");
  return { token };
}
