import formBody from "@fastify/formbody";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestOrigin } from "../accounts/deps.ts";
import { SESSION_COOKIE, setSessionCookie } from "../accounts/session-plugin.ts";
import { endSessionNow, resolveSession } from "../accounts/sessions.ts";
import { signedOctets } from "../saml-idp/sign-on.ts";
import { LINK_COOKIE, LOGIN_COOKIE, linkCookie, loginCookie } from "./cookies.ts";
import { type PortalEherkenningDeps, spUrls } from "./deps.ts";
import { receiveSingleLogout } from "./logout.ts";
import { receiveResponse } from "./receive-response.ts";
import { spMetadataXml } from "./saml-parties.ts";
import { startLogin } from "./start-login.ts";

const sloFields = z.object({
  SAMLRequest: z.string().max(100_000).optional(),
  SAMLResponse: z.string().max(100_000).optional(),
  RelayState: z.string().max(80).optional(),
  SigAlg: z.string().max(200).optional(),
  Signature: z.string().max(2_000).optional(),
});

/**
 * The browser reaches these endpoints by navigation, from the login page or from the IdP: a
 * refusal is therefore no JSON but the login page, which says in the person's language why
 * (`?eherkenning=…`). Unexpected failures are logged as such.
 */
function toLoginPage(publicUrl: string) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const expected = error.statusCode !== undefined && error.statusCode < 500;
    if (expected) request.log.info({ err: error.message }, "portal saml request refused");
    else request.log.error({ err: error }, "portal saml request failed");
    return reply.redirect(`${spUrls(publicUrl).loginPage}?eherkenning=invalid`, 303);
  };
}

/**
 * The client portal as a SAML service provider (issue 15, ADR 0017): its metadata, the start
 * of a company's login for an office, the ACS the IdP posts the Response to, and the
 * single-logout endpoint. The pages around it (login, link, approval) are the portal web app's.
 */
export const portalSamlRoutes: FastifyPluginAsyncZod<{ deps: PortalEherkenningDeps }> = async (
  app,
  { deps },
) => {
  // The IdP posts the Response as an HTML form.
  await app.register(formBody, { bodyLimit: 200_000 });
  const errorHandler = toLoginPage(deps.publicUrl);
  const urls = spUrls(deps.publicUrl);

  app.get(
    "/portal/saml/metadata",
    { schema: { tags: ["portal eherkenning"], summary: "The portal SP's SAML metadata" } },
    async (_request, reply) =>
      reply.type("application/samlmetadata+xml; charset=utf-8").send(await spMetadataXml(deps)),
  );

  app.get(
    "/portal/saml/login",
    {
      errorHandler,
      schema: {
        tags: ["portal eherkenning"],
        summary: "Inloggen met eHerkenning: the signed AuthnRequest for the office, by redirect",
        querystring: z.object({ office: z.uuid() }),
      },
    },
    async (request, reply) => {
      const started = await startLogin(deps, request.query.office, request.ip);
      reply.setCookie(LOGIN_COOKIE, started.browserToken, loginCookie);
      return reply.header("cache-control", "no-store").redirect(started.redirectUrl, 303);
    },
  );

  app.post(
    "/portal/saml/acs",
    {
      errorHandler,
      schema: {
        tags: ["portal eherkenning"],
        summary: "Assertion consumer service: the IdP's Response, HTTP-POST binding",
        body: z.object({
          SAMLResponse: z.string().max(200_000),
          RelayState: z.string().max(80).optional(),
        }),
      },
    },
    async (request, reply) => {
      const outcome = await receiveResponse(deps, {
        samlResponse: request.body.SAMLResponse,
        browserToken: request.cookies[LOGIN_COOKIE],
        origin: requestOrigin(request),
      });
      reply.clearCookie(LOGIN_COOKIE, loginCookie);
      if (outcome.kind === "refused") {
        const level = outcome.demandedLevel
          ? `&niveau=${encodeURIComponent(outcome.demandedLevel)}`
          : "";
        return reply.redirect(`${urls.loginPage}?eherkenning=${outcome.reason}${level}`, 303);
      }
      if (outcome.kind === "link") {
        reply.setCookie(LINK_COOKIE, outcome.browserToken, linkCookie);
        return reply.redirect(urls.linkPage, 303);
      }
      // A session this browser still had ends: the new login replaces it, with a new id.
      const previous = request.cookies[SESSION_COOKIE];
      const old = previous ? await resolveSession(deps.db, deps.clock, previous) : undefined;
      if (old) await endSessionNow(deps.db, deps.clock, old.session.id);
      setSessionCookie(reply, outcome.session);
      return reply.redirect(urls.home, 303);
    },
  );

  app.get(
    "/portal/saml/slo",
    {
      errorHandler,
      schema: {
        tags: ["portal eherkenning"],
        summary: "Single logout, HTTP-Redirect binding: the IdP's LogoutResponse or LogoutRequest",
        querystring: sloFields,
      },
    },
    async (request, reply) => {
      const rawQuery = (request.raw.url ?? "").split("?")[1];
      const next = await receiveSingleLogout(deps, {
        fields: request.query,
        octetString: rawQuery ? signedOctets(rawQuery) : undefined,
        ip: request.ip,
      });
      return reply.header("cache-control", "no-store").redirect(next, 303);
    },
  );
};
