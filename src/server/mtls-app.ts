import { randomUUID } from "node:crypto";
import Fastify, { type FastifyBaseLogger } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sessionStateSchema } from "#src/contracts/accounts.ts";
import { sendError } from "#src/server/error-answers.ts";
import { AppError } from "#src/server/errors.ts";
import { accountsDeps } from "#src/server/modules/accounts/deps.ts";
import {
  csrfTokenFor,
  SESSION_COOKIE,
  sessionPlugin,
} from "#src/server/modules/accounts/session-plugin.ts";
import { certificatesDeps } from "#src/server/modules/certificates/deps.ts";
import {
  type ListenerTls,
  listenerProtocols,
} from "#src/server/modules/certificates/listener-tls.ts";
import { officeApiDeps } from "#src/server/modules/office-api/deps.ts";
import { OFFICE_API_PREFIX, officeApiRoutes } from "#src/server/modules/office-api/routes.ts";
import { checkClientCertificate } from "#src/server/modules/selfservice/check-client-certificate.ts";
import { explanationPage } from "#src/server/modules/selfservice/explanation-page.ts";
import { presentedCertificateDer } from "#src/server/modules/selfservice/presented-certificate.ts";
import { selfServiceRoutes } from "#src/server/modules/selfservice/routes.ts";
import { measureRequests } from "#src/server/platform/metrics/http-metrics.ts";
import {
  answerFrameworkErrors,
  answerUnknownPaths,
  registerCommonSetup,
} from "#src/server/plugins/common-setup.ts";
import { registerOpenApi } from "#src/server/plugins/openapi.ts";
import { registerWebPages } from "#src/server/plugins/web-pages.ts";
import { requestLocale } from "#src/server/request-locale.ts";
import type { Services } from "#src/server/services.ts";

type MtlsAppDependencies = Pick<
  Services,
  | "config"
  | "database"
  | "logger"
  | "clock"
  | "mailer"
  | "sms"
  | "secrets"
  | "authorities"
  | "blobs"
  | "scanner"
  | "metrics"
>;

/**
 * The mTLS listener (A3, A12), built beside `app.ts`: asks every browser for a client
 * certificate, lets the TLS handshake succeed whatever it gets, and then decides itself — a
 * valid office certificate reaches the self-service and the chain applications; anything else
 * gets a page (or, for the API, an error) that says what is wrong and what to do.
 */
export async function buildMtlsApp(deps: MtlsAppDependencies, tls: ListenerTls) {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger.child({ listener: "mtls" }) as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    frameworkErrors: answerFrameworkErrors({ https: true }),
    // Behind the configured proxies the client's address comes from X-Forwarded-For, so the
    // login limits per IP stay per client rather than one for everyone.
    ...(config.mtls.trustedProxies.length > 0 ? { trustProxy: config.mtls.trustedProxies } : {}),
    https: { ...tls, ...listenerProtocols, requestCert: true, rejectUnauthorized: false },
  }).withTypeProvider<ZodTypeProvider>();
  measureRequests(app, deps.metrics, "mtls");
  await registerCommonSetup(app, {
    https: true,
    apiRateLimits: config.apiRateLimits,
    sessionCookie: SESSION_COOKIE,
  });
  await app.register(sessionPlugin, {
    db: deps.database.db,
    clock: deps.clock,
    sessionlessPrefix: OFFICE_API_PREFIX,
  });

  const certificates = certificatesDeps(deps);
  app.decorateRequest("officeActor", undefined);
  app.addHook("onRequest", async (request, reply) => {
    const check = await checkClientCertificate(
      certificates,
      presentedCertificateDer(request, config.mtls),
    );
    if (check.kind === "valid") {
      request.officeActor = check.actor;
      return;
    }
    request.log.info({ code: check.code }, "client certificate refused");
    if (request.url.startsWith("/api/")) return sendError(request, reply, new AppError(check.code));
    return reply
      .status(403)
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(explanationPage(check.code, requestLocale(request), config.organisation));
  });

  app.get(
    "/api/session",
    { schema: { hide: true, response: { 200: sessionStateSchema } } },
    async (request, reply) => ({ csrfToken: csrfTokenFor(request, reply) }),
  );
  await app.register(selfServiceRoutes, { deps: certificates, accounts: accountsDeps(deps) });
  // The office API (issue 16): the office's practice software, by its certificate alone.
  await registerOpenApi(app, {
    title: "Poort office API",
    description:
      "The office's practice software publishes into the client portal and hears back: dossiers, clients, documents, messages, actions and events, on the mTLS listener with the office certificate.",
    describes: (url) => url.startsWith(OFFICE_API_PREFIX),
  });
  await app.register(officeApiRoutes, { deps: officeApiDeps(deps) });
  // The chain applications' page (A12) is the self-service app's start.
  app.get("/", { schema: { hide: true } }, (_request, reply) => reply.redirect("/selfservice"));
  const pages = await registerWebPages(app, {
    distDir: config.webDistDir,
    mailbox: false,
    selfServiceOnly: true,
  });
  answerUnknownPaths(app, pages);
  return app;
}
