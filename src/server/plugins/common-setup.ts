import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { sendError } from "../error-answers.ts";
import { AppError } from "../errors.ts";
import { type ApiRateLimits, registerApiRateLimit } from "./api-rate-limit.ts";
import { registerErrorHandler } from "./error-handler.ts";
import { registerJsonBodyParser } from "./json-body.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { wantsPage } from "./web-pages.ts";

/**
 * What every Poort listener does to every request, whatever it serves: Zod contracts, the
 * request id in the answer, cookies, the security headers, the general API rate limit and the
 * one error handler.
 */
export async function registerCommonSetup(
  app: FastifyInstance,
  options: { https: boolean; apiRateLimits: ApiRateLimits; sessionCookie: string },
): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonBodyParser(app);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  await app.register(cookie);
  await registerSecurityHeaders(app, options);
  registerApiRateLimit(app, {
    limits: options.apiRateLimits,
    sessionCookie: options.sessionCookie,
  });
  registerErrorHandler(app);
}

/** Unknown paths: the web app's "page not found" for a browser, a JSON 404 for a program. */
export function answerUnknownPaths(
  app: FastifyInstance,
  pages: { sendNotFoundPage(request: FastifyRequest, reply: FastifyReply): unknown },
): void {
  app.setNotFoundHandler((request, reply) =>
    wantsPage(request)
      ? pages.sendNotFoundPage(request, reply)
      : sendError(request, reply, new AppError("not_found")),
  );
}
