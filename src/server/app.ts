import { randomUUID } from "node:crypto";
import Fastify, { type FastifyBaseLogger } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { authRoutes } from "./modules/accounts/auth-routes.ts";
import { accountsDeps } from "./modules/accounts/deps.ts";
import { meRoutes } from "./modules/accounts/me-routes.ts";
import { officeAccountRoutes } from "./modules/accounts/office-account-routes.ts";
import { SESSION_COOKIE, sessionPlugin } from "./modules/accounts/session-plugin.ts";
import { certificatesDeps } from "./modules/certificates/deps.ts";
import { pkiRoutes } from "./modules/certificates/pki-routes.ts";
import { dataExportDeps } from "./modules/data-export/deps.ts";
import { dataExportRoutes } from "./modules/data-export/routes.ts";
import { devOutboxRoutes } from "./modules/dev-outbox/routes.ts";
import { devToolsRoutes } from "./modules/dev-tools/routes.ts";
import { documentsDeps } from "./modules/documents/deps.ts";
import { applicationRoutes } from "./modules/eherkenning/application-routes.ts";
import { catalogueRoutes } from "./modules/eherkenning/catalogue-routes.ts";
import { identificationRoutes } from "./modules/eherkenning/identification-routes.ts";
import { idpAdminRoutes } from "./modules/eherkenning/idp-admin-routes.ts";
import { idpRoutes } from "./modules/eherkenning/idp-routes.ts";
import { meansRoutes } from "./modules/eherkenning/means-routes.ts";
import { reviewRoutes } from "./modules/eherkenning/review-routes.ts";
import { signingRoutes } from "./modules/eherkenning/signing-routes.ts";
import { healthRoutes } from "./modules/health/routes.ts";
import { mailBounceRoutes } from "./modules/mail-bounces/routes.ts";
import { eherkenningDeps } from "./modules/means-applications/deps.ts";
import { officeActionRoutes } from "./modules/office/action-routes.ts";
import { officeAuditLogRoutes } from "./modules/office/audit-log-routes.ts";
import { documentRoutes } from "./modules/office/document-routes.ts";
import { dossierRoutes } from "./modules/office/dossier-routes.ts";
import { officeEherkenningRoutes } from "./modules/office/eherkenning-routes.ts";
import { officeMessageRoutes } from "./modules/office/message-routes.ts";
import { officeQuestionnaireRoutes } from "./modules/office/questionnaire-routes.ts";
import { officeWebhookRoutes } from "./modules/office/webhook-routes.ts";
import { officeEventsDeps } from "./modules/office-events/deps.ts";
import { portalActionRoutes } from "./modules/portal/action-routes.ts";
import { portalMessageRoutes } from "./modules/portal/message-routes.ts";
import { portalRoutes } from "./modules/portal/routes.ts";
import { uploadRoutes } from "./modules/portal/upload-routes.ts";
import { portalEherkenningDeps } from "./modules/portal-eherkenning/deps.ts";
import { portalEherkenningRoutes } from "./modules/portal-eherkenning/link-routes.ts";
import { portalSamlRoutes } from "./modules/portal-eherkenning/saml-routes.ts";
import { officeSettingsRoutes } from "./modules/retention/routes.ts";
import { samlIdpDeps } from "./modules/saml-idp/deps.ts";
import { catalogueDeps } from "./modules/service-catalogue/deps.ts";
import { servicedeskCertificateEventRoutes } from "./modules/servicedesk/certificate-event-routes.ts";
import { servicedeskRoutes } from "./modules/servicedesk/routes.ts";
import { measureRequests } from "./platform/metrics/http-metrics.ts";
import { serveMetricsWithToken } from "./platform/metrics/metrics-endpoint.ts";
import {
  answerFrameworkErrors,
  answerUnknownPaths,
  registerCommonSetup,
} from "./plugins/common-setup.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { registerWebPages } from "./plugins/web-pages.ts";
import type { Services } from "./services.ts";

export type AppDependencies = Pick<
  Services,
  | "config"
  | "database"
  | "blobs"
  | "mailAttachments"
  | "dataExports"
  | "resumableUploads"
  | "logger"
  | "clock"
  | "devClock"
  | "jobs"
  | "mailer"
  | "sms"
  | "secrets"
  | "scanner"
  | "authorities"
  | "readiness"
  | "metrics"
>;

/** The whole HTTP application, built from its dependencies; `main.ts` adds the listeners. */
export async function buildApp(deps: AppDependencies) {
  const { config, database } = deps;
  const https = config.publicUrl.startsWith("https://");
  const app = Fastify({
    // Typed as Fastify's base logger so plugins written for plain Fastify instances fit.
    loggerInstance: deps.logger as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    // Never trust a request id from outside: it ends up in logs and answers.
    requestIdHeader: false,
    frameworkErrors: answerFrameworkErrors({ https }),
    // Behind a reverse proxy, the client's address comes from the proxy's X-Forwarded-For.
    ...(config.trustedProxies.length > 0 ? { trustProxy: config.trustedProxies } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  measureRequests(app, deps.metrics, "web");
  await registerCommonSetup(app, {
    https,
    apiRateLimits: config.apiRateLimits,
    sessionCookie: SESSION_COOKIE,
  });
  await registerOpenApi(app);

  await app.register(healthRoutes, { database, readiness: deps.readiness });
  if (config.metrics.token) {
    serveMetricsWithToken(app, { metrics: deps.metrics, token: config.metrics.token });
  }
  await app.register(sessionPlugin, { db: database.db, clock: deps.clock });
  const accounts = accountsDeps(deps);
  await app.register(authRoutes, { deps: accounts });
  await app.register(meRoutes, { deps: accounts });
  await app.register(dataExportRoutes, { deps: dataExportDeps(deps) });
  await app.register(officeAccountRoutes, { deps: accounts });
  const documents = documentsDeps(deps);
  await app.register(dossierRoutes, { deps: documents });
  await app.register(documentRoutes, { deps: documents });
  await app.register(portalRoutes, { deps: documents });
  await app.register(uploadRoutes, { deps: documents, store: deps.resumableUploads });
  await app.register(officeMessageRoutes, { deps: documents });
  await app.register(officeQuestionnaireRoutes, { deps: documents });
  await app.register(officeActionRoutes, { deps: documents });
  await app.register(officeWebhookRoutes, { deps: officeEventsDeps(deps) });
  await app.register(officeAuditLogRoutes, { deps: { db: database.db, clock: deps.clock } });
  await app.register(portalActionRoutes, { deps: documents });
  await app.register(portalMessageRoutes, { deps: documents });
  const certificates = certificatesDeps(deps);
  await app.register(pkiRoutes, { deps: certificates });
  await app.register(servicedeskRoutes, { deps: certificates });
  await app.register(servicedeskCertificateEventRoutes, { deps: { db: database.db } });
  await app.register(officeEherkenningRoutes, { deps: catalogueDeps(deps) });
  await app.register(officeSettingsRoutes, { deps: { db: database.db, clock: deps.clock } });
  const eherkenning = eherkenningDeps(deps);
  for (const routes of [
    catalogueRoutes,
    applicationRoutes,
    signingRoutes,
    reviewRoutes,
    identificationRoutes,
    meansRoutes,
  ]) {
    await app.register(routes, { deps: eherkenning });
  }
  const samlIdp = samlIdpDeps(deps);
  await app.register(idpRoutes, { deps: samlIdp });
  await app.register(idpAdminRoutes, { deps: samlIdp });
  const portalEherkenning = portalEherkenningDeps(deps);
  await app.register(portalSamlRoutes, { deps: portalEherkenning });
  await app.register(portalEherkenningRoutes, { deps: portalEherkenning });
  if (config.bounceWebhookToken) {
    await app.register(mailBounceRoutes, {
      deps: { db: database.db, clock: deps.clock, mailer: deps.mailer },
      token: config.bounceWebhookToken,
    });
  }
  if (config.devOutboxEnabled) {
    await app.register(devOutboxRoutes, {
      db: database.db,
      mailAttachments: deps.mailAttachments,
    });
    // The clock moves (devClock exists) only outside production.
    if (deps.devClock) {
      await app.register(devToolsRoutes, {
        db: database.db,
        jobs: deps.jobs,
        clock: deps.devClock,
      });
    }
  }
  // The self-service needs the office certificate, which only the mTLS listener asks for.
  const toSelfService = (request: { url: string }, reply: { redirect(url: string): unknown }) =>
    reply.redirect(`${config.mtls.publicUrl}${request.url}`);
  app.get("/selfservice", { schema: { hide: true } }, toSelfService);
  app.get("/selfservice/*", { schema: { hide: true } }, toSelfService);
  const pages = await registerWebPages(app, {
    distDir: config.webDistDir,
    mailbox: config.devOutboxEnabled,
  });

  answerUnknownPaths(app, pages);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
