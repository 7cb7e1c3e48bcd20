import type { FastifyReply, FastifyRequest } from "fastify";
import type { ErrorResponse } from "#src/contracts/error.ts";
import { type AppError, errorMessage } from "./errors.ts";
import { requestLocale } from "./request-locale.ts";

/*
 * How an `AppError` is answered: by the error handler, and by the few routes that answer
 * outside it (the tus uploads, the mTLS listener's checks), so every error looks the same.
 */

/** The body of an error answer, with the message in the request's language. */
export function errorBody(request: FastifyRequest, error: AppError): ErrorResponse {
  return {
    error: {
      code: error.code,
      message: errorMessage(error.code, requestLocale(request)),
      details: error.details,
      requestId: request.id,
    },
  };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.retryAfterSeconds !== undefined) {
    reply.header("retry-after", String(error.retryAfterSeconds));
  }
  return reply
    .status(error.status)
    .type("application/json; charset=utf-8")
    .send(errorBody(request, error));
}
