import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { sendError } from "../error-answers.ts";
import { AppError, type ErrorCode, validationFailed } from "../errors.ts";

/** Fastify's own errors (URLs, body parsing, limits) that say something about the request. */
const fastifyErrorCodes: Record<string, ErrorCode> = {
  // A path with a bad %-escape, a path parameter over 100 characters: unreadable, not too long
  // (Fastify's 414) — every parameter of ours is an id or a name far shorter.
  FST_ERR_BAD_URL: "malformed_request",
  FST_ERR_MAX_PARAM_LENGTH: "malformed_request",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_EMPTY_JSON_BODY: "malformed_request",
  FST_ERR_CTP_INVALID_JSON_BODY: "malformed_request",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "malformed_request",
  FST_ERR_VALIDATION: "validation_failed",
  FST_REQ_FILE_TOO_LARGE: "file_too_large",
  FST_FILES_LIMIT: "payload_too_large",
  FST_FIELDS_LIMIT: "payload_too_large",
  FST_PARTS_LIMIT: "payload_too_large",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "unsupported_media_type",
  FST_NO_FORM_DATA: "malformed_request",
  // A form field named after a property of Object.prototype (`__proto__`, `constructor`).
  FST_PROTO_VIOLATION: "malformed_request",
  // A form field that declares itself application/json and is not.
  FST_INVALID_JSON_FIELD_ERROR: "malformed_request",
};

/**
 * Any other error that Fastify or a plugin marks as the client's with a 4xx status (our own
 * code throws an AppError for those): still the client's fault, not our 500.
 */
function clientErrorOf(statusCode: number | undefined): ErrorCode | undefined {
  if (statusCode === undefined || statusCode < 400 || statusCode >= 500) return undefined;
  if (statusCode === 413) return "payload_too_large";
  if (statusCode === 415) return "unsupported_media_type";
  return "malformed_request";
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((issue) => ({
      path: issue.instancePath.split("/").filter(Boolean),
      code: issue.keyword,
      message: issue.message,
    }));
    return validationFailed(error.validationContext ?? "body", issues, { cause: error });
  }
  if (error.statusCode === 429) return new AppError("rate_limited", [], { cause: error });
  const code = error.code ? fastifyErrorCodes[error.code] : undefined;
  if (code) return new AppError(code, [], { cause: error });
  if (error.statusCode === 404) return new AppError("not_found", [], { cause: error });
  return new AppError(clientErrorOf(error.statusCode) ?? "internal_error", [], { cause: error });
}

/**
 * How any error is answered: known errors become their code's status and translated message;
 * all else is logged with its stack and answered as a plain 500, so no internals reach the
 * client (nor the request's own URL, which Fastify's messages quote).
 */
export function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.code === "internal_error") {
    request.log.error({ err: error }, "request failed");
  } else if (appError.status >= 500) {
    request.log.warn({ code: appError.code, err: appError.cause }, "service unavailable");
  } else {
    request.log.info({ code: appError.code, err: error.message }, "request refused");
  }
  return sendError(request, reply, appError);
}

/** The one error handler, for every error a route, a hook or a body parser throws. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(answerError);
}
