import formBody from "@fastify/formbody";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import {
  type FastifyPluginAsyncZod,
  hasZodFastifySchemaValidationErrors,
} from "fastify-type-provider-zod";
import { z } from "zod";
import {
  idpAnswerSchema,
  idpLoginOutcomeSchema,
  idpPendingLoginSchema,
} from "#src/contracts/eherkenning/idp.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import { requestLocale } from "#src/server/request-locale.ts";
import { requireAccount } from "../accounts/session-plugin.ts";
import { answerLogin, collectResponse, describePendingLogin } from "../saml-idp/answer-login.ts";
import { idpUrls, type SamlIdpDeps } from "../saml-idp/deps.ts";
import { idpErrorPage } from "../saml-idp/error-page.ts";
import { idpMetadataXml } from "../saml-idp/idp-metadata.ts";
import { AUTO_POST_SCRIPT, autoPostPage } from "../saml-idp/post-page.ts";
import { acceptAuthnRequest, type SignOnBinding, type SignOnInput } from "../saml-idp/sign-on.ts";
import { singleLogout } from "../saml-idp/single-logout.ts";

/** The pending SAML login of this browser: only its token, httpOnly, never sent cross-site by JS. */
export const IDP_PENDING_COOKIE = "__Host-poort_idp";
const pendingCookie = { path: "/", httpOnly: true, secure: true, sameSite: "lax" } as const;

const samlFields = z.object({
  SAMLRequest: z.string().max(100_000),
  RelayState: z.string().max(80).optional(),
  SigAlg: z.string().max(200).optional(),
  Signature: z.string().max(2_000).optional(),
});

const errors = errorResponses(400, 401, 403, 409, 410);

/**
 * The error handler of the endpoints a browser reaches straight from an SP (sign-on, the
 * posting page, logout): a refusal is a page in the person's language, not the API's JSON. A
 * request the contract refuses (no SAMLRequest, too long) is an invalid login request.
 */
function answerWithPage(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known =
    error instanceof AppError
      ? error
      : hasZodFastifySchemaValidationErrors(error) ||
          (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
        ? new AppError("saml_request_invalid", [], { cause: error })
        : undefined;
  if (known) {
    request.log.info({ code: known.code, err: error.message }, "saml request refused");
  } else {
    request.log.error({ err: error }, "request failed");
  }
  const appError = known ?? new AppError("internal_error", [], { cause: error });
  return reply
    .status(appError.status)
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(idpErrorPage(appError.code, requestLocale(request), request.id));
}

/**
 * An SP's message as the browser brought it. By Redirect, the signature covers the query string
 * exactly as sent, so its raw form goes along.
 */
function inboundMessage(
  binding: SignOnBinding,
  fields: z.infer<typeof samlFields>,
  request: FastifyRequest,
): SignOnInput {
  const rawQuery = binding === "redirect" ? (request.raw.url ?? "").split("?")[1] : undefined;
  return { binding, fields, ...(rawQuery ? { rawQuery } : {}), ip: request.ip };
}

/**
 * The eHerkenning identity provider (issue 15, ADR 0016): metadata, the sign-on endpoints for
 * the Redirect and POST bindings, the login page's two API calls, the page that posts the
 * Response to the SP, and single logout. The browser pages themselves are in the eHerkenning web
 * app at `/eherkenning/idp/inloggen`.
 */
export const idpRoutes: FastifyPluginAsyncZod<{ deps: SamlIdpDeps }> = async (app, { deps }) => {
  // SPs post AuthnRequests and LogoutRequests as an HTML form.
  await app.register(formBody, { bodyLimit: 200_000 });
  const urls = idpUrls(deps.publicUrl);

  app.get(
    "/eherkenning/idp/metadata",
    { schema: { tags: ["eherkenning idp"], summary: "The IdP's SAML metadata" } },
    async (_request, reply) =>
      reply.type("application/samlmetadata+xml; charset=utf-8").send(await idpMetadataXml(deps)),
  );

  const signOn = async (
    binding: SignOnBinding,
    fields: z.infer<typeof samlFields>,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const accepted = await acceptAuthnRequest(deps, inboundMessage(binding, fields, request));
    reply.setCookie(IDP_PENDING_COOKIE, accepted.token, pendingCookie);
    return reply.redirect(urls.loginPage, 303);
  };

  app.get(
    "/eherkenning/idp/sso",
    {
      errorHandler: answerWithPage,
      schema: {
        tags: ["eherkenning idp"],
        summary: "Single sign-on, HTTP-Redirect binding: an AuthnRequest in the query",
        querystring: samlFields,
        response: errors,
      },
    },
    (request, reply) => signOn("redirect", request.query, request, reply),
  );

  app.post(
    "/eherkenning/idp/sso",
    {
      errorHandler: answerWithPage,
      schema: {
        tags: ["eherkenning idp"],
        summary: "Single sign-on, HTTP-POST binding: an AuthnRequest in the form",
        body: samlFields,
        response: errors,
      },
    },
    (request, reply) => signOn("post", request.body, request, reply),
  );

  app.get(
    "/api/eherkenning/idp/login",
    {
      schema: {
        tags: ["eherkenning idp"],
        summary: "The login request this browser is serving: the service and its level",
        response: { 200: idpPendingLoginSchema, ...errors },
      },
    },
    async (request) => {
      const { account, session } = request;
      const login =
        account?.kind === "means" && session?.stage === "complete"
          ? { accountId: account.id, startedAt: session.createdAt, ip: request.ip }
          : undefined;
      return describePendingLogin(deps, request.cookies[IDP_PENDING_COOKIE], login);
    },
  );

  app.post(
    "/api/eherkenning/idp/answer",
    {
      schema: {
        tags: ["eherkenning idp"],
        summary: "After the login: check level and authorization, and sign the Response",
        body: idpAnswerSchema,
        response: { 200: idpLoginOutcomeSchema, ...errors },
      },
    },
    async (request) => {
      const { account, session } = requireAccount(request, { kinds: ["means"] });
      return answerLogin(
        deps,
        request.cookies[IDP_PENDING_COOKIE],
        { accountId: account.id, startedAt: session.createdAt, ip: request.ip },
        request.body.authorizationId,
      );
    },
  );

  app.get(
    "/eherkenning/idp/doorsturen",
    {
      errorHandler: answerWithPage,
      schema: { tags: ["eherkenning idp"], summary: "Posts the signed Response to the SP, once" },
    },
    async (request, reply) => {
      const response = await collectResponse(deps, request.cookies[IDP_PENDING_COOKIE]);
      reply.clearCookie(IDP_PENDING_COOKIE, pendingCookie);
      const page = autoPostPage(response);
      // The form goes to the SP's ACS, on another site: this page alone may post there.
      return reply
        .header("content-security-policy", page.contentSecurityPolicy)
        .header("cache-control", "no-store")
        .type("text/html; charset=utf-8")
        .send(page.html);
    },
  );

  app.get("/eherkenning/idp/doorsturen.js", { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(AUTO_POST_SCRIPT),
  );

  const logout = async (
    binding: SignOnBinding,
    fields: z.infer<typeof samlFields>,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const answer = await singleLogout(deps, inboundMessage(binding, fields, request));
    return reply.redirect(answer.redirectUrl, 303);
  };

  app.get(
    "/eherkenning/idp/slo",
    {
      errorHandler: answerWithPage,
      schema: {
        tags: ["eherkenning idp"],
        summary: "Single logout, HTTP-Redirect binding: a LogoutRequest of an SP",
        querystring: samlFields,
        response: errors,
      },
    },
    (request, reply) => logout("redirect", request.query, request, reply),
  );
};
