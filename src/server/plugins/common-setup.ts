import cookie from "@fastify/cookie";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { sendError } from "../error-answers.ts";
import { AppError } from "../errors.ts";
import { type ApiRateLimits, registerApiRateLimit } from "./api-rate-limit.ts";
import { answerError, registerErrorHandler } from "./error-handler.ts";
import { registerJsonBodyParser } from "./json-body.ts";
import { registerSecurityHeaders, securityHeadersSetter } from "./security-headers.ts";
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
    setRequestIdHeader(request, reply);
  });
  await app.register(cookie);
  registerSecurityHeaders(app, options);
  registerApiRateLimit(app, {
    limits: options.apiRateLimits,
    sessionCookie: options.sessionCookie,
  });
  registerErrorHandler(app);
}

function setRequestIdHeader(request: FastifyRequest, reply: FastifyReply): void {
  reply.header("x-request-id", request.id);
}

/**
 * Fastify's `frameworkErrors`, for every Poort listener: a URL its router cannot take (a bad
 * %-escape in the path, a path parameter over 100 characters) is answered by Fastify before any
 * hook runs, so not by the error handler, and without the request id and security headers the
 * hooks set. Here it gets them, and is answered as any error: our body, never the URL.
 */
export function answerFrameworkErrors(options: {
  https: boolean;
}): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  const setSecurityHeaders = securityHeadersSetter(options);
  return (error, request, reply) => {
    setRequestIdHeader(request, reply);
    setSecurityHeaders(request, reply);
    answerError(error, request, reply);
  };
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
