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
  unauthenticated: {
    status: 401,
    nl: "U bent niet (meer) ingelogd. Log opnieuw in.",
    en: "You are not (or no longer) logged in. Please log in again.",
  },
  login_failed: {
    status: 401,
    nl: "Dit e-mailadres en wachtwoord horen niet bij een actief account, of er is te vaak geprobeerd. Controleer uw gegevens of probeer het later opnieuw.",
    en: "This e-mail address and password do not belong to an active account, or there were too many attempts. Check your details or try again later.",
  },
  code_invalid: {
    status: 400,
    nl: "Deze code klopt niet of is verlopen. Probeer het opnieuw of vraag een nieuwe code aan.",
    en: "This code is wrong or has expired. Try again or request a new code.",
  },
  forbidden: {
    status: 403,
    nl: "U heeft geen toegang tot dit onderdeel.",
    en: "You do not have access to this part.",
  },
  csrf_failed: {
    status: 403,
    nl: "Dit verzoek kon niet worden gecontroleerd. Laad de pagina opnieuw en probeer het nog eens.",
    en: "This request could not be verified. Reload the page and try again.",
  },
  conflict: {
    status: 409,
    nl: "Dit bestaat al of is intussen gewijzigd.",
    en: "This already exists or has changed in the meantime.",
  },
  office_choice_required: {
    status: 409,
    nl: "Kies eerst het notariskantoor waarvan u de dossiers wilt zien.",
    en: "First choose the notary office whose dossiers you want to see.",
  },
  link_invalid: {
    status: 410,
    nl: "Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan.",
    en: "This link has expired or has already been used. Please request a new link.",
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
  too_many_requests: {
    status: 429,
    nl: "Te veel verzoeken in korte tijd. Wacht even en probeer het opnieuw.",
    en: "Too many requests in a short time. Please wait a moment and try again.",
  },
  dossier_number_taken: {
    status: 409,
    nl: "Dit kantoor heeft al een dossier met dit nummer.",
    en: "This office already has a dossier with this number.",
  },
  unknown_reference: {
    status: 400,
    nl: "Een gekozen status, behandelaar of cliënt hoort niet bij dit kantoor.",
    en: "A chosen status, handler or client does not belong to this office.",
  },
  file_empty: {
    status: 400,
    nl: "Het bestand is leeg.",
    en: "The file is empty.",
  },
  file_too_large: {
    status: 413,
    nl: "Het bestand is groter dan toegestaan.",
    en: "The file is larger than allowed.",
  },
  file_type_not_allowed: {
    status: 415,
    nl: "Dit soort bestand wordt niet geaccepteerd. Lever een PDF, een afbeelding (JPEG, PNG, HEIC, TIFF) of een Office-document aan.",
    en: "This type of file is not accepted. Supply a PDF, an image (JPEG, PNG, HEIC, TIFF) or an Office document.",
  },
  file_infected: {
    status: 422,
    nl: "In dit bestand is een virus gevonden. Het is niet opgeslagen.",
    en: "A virus was found in this file. It has not been stored.",
  },
  too_many_files: {
    status: 409,
    nl: "In dit dossier kunnen geen bestanden meer worden aangeleverd.",
    en: "No more files can be supplied in this dossier.",
  },
  unknown_attachment: {
    status: 400,
    nl: "Een bijlage bestaat niet (meer) of hoort niet bij dit dossier. Voeg de bijlage opnieuw toe.",
    en: "An attachment no longer exists or does not belong to this dossier. Please add it again.",
  },
  action_completed: {
    status: 409,
    nl: "Deze actie is al afgerond. Wat u heeft ingevuld of aangeleverd, staat in het dossier.",
    en: "This action has already been completed. What you filled in or supplied is in the dossier.",
  },
  questionnaire_incomplete: {
    status: 409,
    nl: "Nog niet alle verplichte vragen zijn beantwoord. Vul ze eerst in.",
    en: "Not all required questions have been answered yet. Please answer them first.",
  },
  virus_scan_unavailable: {
    status: 503,
    nl: "De virusscan is nu niet beschikbaar, daarom is het bestand niet opgeslagen. Probeer het later opnieuw.",
    en: "The virus scan is not available right now, so the file has not been stored. Please try again later.",
  },
  certificate_missing: {
    status: 403,
    nl: "Er is geen kantoorcertificaat meegestuurd. Open deze pagina op een computer waarop het kantoorcertificaat is geïnstalleerd en kies het als de browser erom vraagt.",
    en: "No office certificate was presented. Open this page on a computer with the office certificate installed and choose it when the browser asks.",
  },
  certificate_foreign: {
    status: 403,
    nl: "Dit certificaat is geen kantoorcertificaat van deze dienst. Kies het kantoorcertificaat van uw kantoor.",
    en: "This certificate is not an office certificate of this service. Choose your office's office certificate.",
  },
  certificate_expired: {
    status: 403,
    nl: "Uw kantoorcertificaat is verlopen. Neem contact op met de servicedesk voor een nieuw certificaat.",
    en: "Your office certificate has expired. Contact the servicedesk for a new certificate.",
  },
  certificate_not_yet_valid: {
    status: 403,
    nl: "Uw kantoorcertificaat is nog niet geldig. Controleer de datum en tijd van uw computer.",
    en: "Your office certificate is not valid yet. Check your computer's date and time.",
  },
  certificate_revoked: {
    status: 403,
    nl: "Uw kantoorcertificaat is ingetrokken. Installeer het nieuwe certificaat van uw kantoor, of neem contact op met de servicedesk.",
    en: "Your office certificate has been revoked. Install your office's new certificate, or contact the servicedesk.",
  },
  certificate_office_mismatch: {
    status: 403,
    nl: "Deze gebruiker hoort niet bij het kantoor van het kantoorcertificaat. Log in met een account van dit kantoor.",
    en: "This user does not belong to the office of the office certificate. Log in with an account of this office.",
  },
  request_expired: {
    status: 410,
    nl: "Deze aanvraag is verlopen. Log opnieuw in om een certificaat aan te vragen.",
    en: "This request has expired. Log in again to request a certificate.",
  },
  request_already_submitted: {
    status: 409,
    nl: "Deze aanvraag is al verwerkt; er is één certificaat uitgegeven. Het wachtwoord stond op het bevestigingsscherm.",
    en: "This request has already been processed; one certificate was issued. The password was on the confirmation screen.",
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
  /** For a refusal that ends by itself (429): when to try again, the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    options?: ErrorOptions & { retryAfterMs?: number },
  ) {
    super(errorCatalogue[code].en, options);
    this.status = errorCatalogue[code].status;
    if (options?.retryAfterMs !== undefined) {
      this.retryAfterSeconds = Math.max(1, Math.ceil(options.retryAfterMs / 1000));
    }
  }
}

/**
 * The 400 for input that its contract refused, with a detail per field named from where it
 * came, e.g. `body.title`: the same answer for every request, however it was parsed.
 */
export function validationFailed(
  context: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string; message: string }>,
  options?: ErrorOptions,
): AppError {
  const details = issues.map((issue) => ({
    path: [context, ...issue.path.map(String)].join("."),
    code: issue.code,
    message: issue.message,
  }));
  return new AppError("validation_failed", details, options);
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return errorCatalogue[code][locale];
}
