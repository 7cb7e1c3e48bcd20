import type { Locale } from "../contracts/locale.ts";

/**
 * Every error Poort answers with: a stable code (for programs), an HTTP status, and a message
 * for people in Dutch and English. Modules add their codes here, so the list is the contract.
 */
export const errorCatalogue = {
  validation_failed: {
    status: 400,
    nl: "De gegevens in het verzoek zijn niet geldig.",
    en: "The data in the request is not valid.",
  },
  malformed_request: {
    status: 400,
    nl: "Het verzoek kan niet worden gelezen.",
    en: "The request cannot be read.",
  },
  not_found: {
    status: 404,
    nl: "Deze pagina of dit gegeven bestaat niet.",
    en: "This page or item does not exist.",
  },
  payload_too_large: {
    status: 413,
    nl: "Het verzoek is te groot.",
    en: "The request is too large.",
  },
  unsupported_media_type: {
    status: 415,
    nl: "Dit soort inhoud wordt niet geaccepteerd.",
    en: "This type of content is not accepted.",
  },
  rate_limited: {
    status: 429,
    nl: "Te veel pogingen. Wacht even en probeer het opnieuw.",
    en: "Too many attempts. Please wait a moment and try again.",
  },
  internal_error: {
    status: 500,
    nl: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
    en: "Something went wrong on our side. Please try again later.",
  },
  web_not_built: {
    status: 503,
    nl: "De webapplicatie is nog niet gebouwd (npm run build).",
    en: "The web application has not been built yet (npm run build).",
  },
  database_unavailable: {
    status: 503,
    nl: "De database is niet bereikbaar.",
    en: "The database cannot be reached.",
  },
} as const satisfies Record<string, { status: number } & Record<Locale, string>>;

export type ErrorCode = keyof typeof errorCatalogue;

/** A detail that points at one field of the input, e.g. `{ path: "email", code: "invalid" }`. */
export interface ErrorDetail {
  path: string;
  code: string;
  message: string;
}

/** The one error type services throw; the error handler turns it into a response. */
export class AppError extends Error {
  override name = "AppError";
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    options?: ErrorOptions,
  ) {
    super(errorCatalogue[code].en, options);
    this.status = errorCatalogue[code].status;
  }
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return errorCatalogue[code][locale];
}
