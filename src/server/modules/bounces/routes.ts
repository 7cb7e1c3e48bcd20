import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { readDeliveryFailure } from "#src/server/platform/mail/delivery-status.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import { safeEqual } from "#src/server/platform/security/random-secrets.ts";

const BOUNCE_LIMIT = 1024 * 1024;

/**
 * Where the mail server hands in the bounces that come back later (A9). Outside /api: a program
 * with a token calls it, not a browser with a session (so no CSRF token). The server pipes each
 * delivery-status notification to this endpoint with the shared token (BOUNCE_WEBHOOK_TOKEN),
 * e.g. `curl -H "authorization: Bearer …" --data-binary @- …/webhooks/mail-bounces`. The bounced
 * mail is marked failed, and the servicedesk hears of it.
 */
export const bounceRoutes: FastifyPluginAsyncZod<{
  db: Database;
  clock: Clock;
  mailer: Mailer;
  token: string;
}> = async (app, { db, clock, mailer, token }) => {
  for (const type of ["message/rfc822", "multipart/report", "text/plain"]) {
    app.addContentTypeParser(
      type,
      { parseAs: "string", bodyLimit: BOUNCE_LIMIT },
      (_request, body, done) => done(null, body),
    );
  }
  app.post(
    "/webhooks/mail-bounces",
    {
      schema: {
        tags: ["mail"],
        summary: "Hand in a delivery-status notification (the mail server's bounce)",
        response: {
          202: z.object({ status: z.enum(["recorded", "ignored"]) }),
          ...errorResponses(400, 401, 413),
        },
      },
    },
    async (request, reply) => {
      const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      if (!sent || !safeEqual(sent, token)) throw new AppError("unauthenticated");
      const failure = readDeliveryFailure(String(request.body ?? ""), mailer.messageIdDomain);
      const recorded =
        failure !== undefined &&
        (await mailer.recordBounce(db, {
          mailId: failure.mailId,
          reason: failure.diagnostic,
          recipient: failure.recipient,
        }));
      if (failure && recorded) {
        await recordAuditEvent(db, clock, {
          actor: { type: "system" },
          action: "mail.bounced",
          subject: { type: "mail", id: failure.mailId },
          ip: request.ip,
          details: { recipient: failure.recipient, diagnostic: failure.diagnostic },
        });
      }
      return reply.status(202).send({ status: recorded ? "recorded" : "ignored" });
    },
  );
};
