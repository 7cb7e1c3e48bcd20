import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import { RequestRateLimiter } from "#src/server/platform/security/request-rate-limiter.ts";
import { officeSoftwareActor } from "../accounts/request-actors.ts";
import { requireOfficeActor } from "../selfservice/office-actor.ts";
import { actionRoutes } from "./action-routes.ts";
import { clientRoutes } from "./client-routes.ts";
import type { OfficeApiDeps } from "./deps.ts";
import { documentRoutes } from "./document-routes.ts";
import { dossierRoutes } from "./dossier-routes.ts";
import { eventRoutes } from "./event-routes.ts";
import { idempotencyHooks } from "./idempotency.ts";
import { messageRoutes } from "./message-routes.ts";

/** Where the office API lives on the mTLS listener; its routes are versioned below it. */
export const OFFICE_API_PREFIX = "/api/office/v1/";

/** Certificates counted per window at most (the limiter's bound on its memory). */
const MAX_CERTIFICATES = 10_000;

/**
 * The office API, `/api/office/v1/…` on the mTLS listener (issue 16): the office's practice
 * software, authenticated by the office certificate alone (the listener has checked it: in force,
 * not revoked, ours), acting as the office's software account in the office's view. Every call is
 * counted against the certificate's limit and audited with the certificate's serial and the
 * route; POSTs honour an Idempotency-Key.
 */
export const officeApiRoutes: FastifyPluginAsyncZod<{ deps: OfficeApiDeps }> = async (
  app,
  { deps },
) => {
  const { db, clock } = deps.documents;
  const limiter = new RequestRateLimiter({ windowMs: MINUTE, maxKeys: MAX_CERTIFICATES });
  const idempotency = idempotencyHooks({ db, clock });
  app.decorateRequest("apiCaller", undefined);
  app.decorateRequest("idempotencyKeyId", undefined);

  app.addHook("onRequest", async (request) => {
    // A browser holding the office certificate (the self-service's users import it) sends it
    // along to any site's requests: the API serves programs, so a browser's request from
    // another page, which carries an Origin or Sec-Fetch-Site, is refused as a forgery.
    const site = request.headers["sec-fetch-site"];
    if (request.headers.origin || (site !== undefined && site !== "none")) {
      throw new AppError("csrf_failed");
    }
    const office = requireOfficeActor(request);
    const wait = limiter.consume([
      { key: office.certificate.serialNumber, limit: deps.callsPerMinute },
    ]);
    if (wait > 0) throw new AppError("rate_limited", [], { retryAfterMs: wait });
    request.apiCaller = {
      office,
      software: await officeSoftwareActor(db, clock, office.office.id),
    };
  });
  app.addHook("preHandler", idempotency.preHandler);
  app.addHook("onSend", idempotency.onSend);
  // Before the answer leaves: a caller that has its answer can count on the call's audit event.
  app.addHook("onSend", async (request, reply, payload) => {
    const office = request.officeActor;
    if (!office) return payload;
    await recordAuditEvent(db, clock, {
      actor: { type: "office", id: office.certificate.serialNumber },
      action: "office-api.call",
      subject: { type: "office", id: office.office.id },
      ip: request.ip,
      officeId: office.office.id,
      details: {
        method: request.method,
        route: request.routeOptions.url ?? request.url.split("?")[0],
        status: reply.statusCode,
      },
    });
    return payload;
  });

  await app.register(dossierRoutes, { deps });
  await app.register(clientRoutes, { deps });
  await app.register(eventRoutes, { deps });
  await app.register(documentRoutes, { deps });
  await app.register(messageRoutes, { deps });
  await app.register(actionRoutes, { deps });
};
