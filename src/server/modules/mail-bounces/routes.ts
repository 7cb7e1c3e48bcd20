import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import { safeEqual } from "#src/server/platform/security/random-secrets.ts";
import { type MailBouncesDeps, recordMailBounce } from "./record-bounce.ts";

const BOUNCE_LIMIT = 1024 * 1024;

/**
 * Where the mail server hands in the bounces that come back later (A9). Outside /api: a program
 * with a token calls it, not a browser with a session (so no CSRF token). The server pipes each
 * delivery-status notification to this endpoint with the shared token (BOUNCE_WEBHOOK_TOKEN),
 * e.g. `curl -H "authorization: Bearer …" --data-binary @- …/webhooks/mail-bounces`. The bounced
 * mail is marked failed, and the servicedesk hears of it.
 */
export const mailBounceRoutes: FastifyPluginAsyncZod<{
  deps: MailBouncesDeps;
  token: string;
}> = async (app, { deps, token }) => {
  // A notification is text in one of these types, never JSON (nor what else the app parses).
  app.removeAllContentTypeParsers();
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
      const notification = String(request.body ?? "");
      // No mail holds a NUL byte (RFC 5322), and PostgreSQL refuses one in text: not a bounce.
      if (notification.includes("\u0000")) throw new AppError("malformed_request");
      const status = await recordMailBounce(deps, notification, request.ip);
      return reply.status(202).send({ status });
    },
  );
};
