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
  second_factor_method_not_allowed: {
    status: 409,
    nl: "Voor dit account is een andere manier van inloggen in twee stappen vereist.",
    en: "This account requires a different method of 2-step verification.",
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
  kvk_number_taken: {
    status: 409,
    nl: "Een ander bedrijf van dit kantoor heeft al dit KvK-nummer. Controleer het nummer.",
    en: "Another company of this office already has this KvK number. Please check the number.",
  },
  kvk_number_company_only: {
    status: 400,
    nl: "Alleen een bedrijf heeft een KvK-nummer; deze cliënt is een persoon.",
    en: "Only a company has a KvK number; this client is a person.",
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
  range_not_satisfiable: {
    status: 416,
    nl: "Dit deel van het bestand bestaat niet: het bestand is korter.",
    en: "This part of the file does not exist: the file is shorter.",
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
  application_state: {
    status: 409,
    nl: "Deze aanvraag is niet (meer) in de stap waarin dit kan. Laad de pagina opnieuw om de huidige stand te zien.",
    en: "This application is not (or no longer) at the step where this can be done. Reload the page to see where it stands.",
  },
  checklist_not_met: {
    status: 409,
    nl: "Deze aanvraag voldoet nog niet aan alle punten van de controlelijst en kan daarom niet worden goedgekeurd.",
    en: "This application does not yet meet every item of the checklist and so cannot be approved.",
  },
  identification_window_expired: {
    status: 409,
    nl: "De termijn van 30 dagen voor de identificatie is verstreken. De identificatie kan niet meer worden vastgelegd.",
    en: "The 30-day period for the identification has passed. The identification can no longer be recorded.",
  },
  identification_recorded: {
    status: 409,
    nl: "Deze identificatie is al vastgelegd.",
    en: "This identification has already been recorded.",
  },
  already_revoked: {
    status: 409,
    nl: "Dit middel of deze machtiging is al ingetrokken.",
    en: "This means or authorization has already been revoked.",
  },
  authorization_not_renewable: {
    status: 409,
    nl: "Deze machtiging kan nu niet worden verlengd: dat kan in de laatste 30 dagen van een geldige, niet ingetrokken machtiging.",
    en: "This authorization cannot be renewed now: that is possible in the last 30 days of a valid authorization that was not revoked.",
  },
  application_not_found: {
    status: 404,
    nl: "Bij deze browser hoort geen eHerkenningsaanvraag. Open de link uit uw e-mail of start een nieuwe aanvraag.",
    en: "No eHerkenning application belongs to this browser. Open the link from your e-mail or start a new application.",
  },
  application_previous_step: {
    status: 409,
    nl: "Vul eerst de vorige stap van de aanvraag in.",
    en: "Please complete the previous step of the application first.",
  },
  application_incomplete: {
    status: 409,
    nl: "De aanvraag is nog niet compleet. Vul de ontbrekende gegevens aan.",
    en: "The application is not complete yet. Please add the missing details.",
  },
  unknown_service: {
    status: 400,
    nl: "Een gekozen dienst of dienstverlener staat niet (meer) in het overzicht van dienstverleners.",
    en: "A chosen service or service provider is not (or no longer) in the overview of service providers.",
  },
  level_below_demanded: {
    status: 400,
    nl: "Dit betrouwbaarheidsniveau is lager dan de gekozen diensten vereisen. Kies het vereiste niveau of een hoger niveau.",
    en: "This level of assurance is lower than the chosen services require. Choose the required level or a higher one.",
  },
  kvk_number_unknown: {
    status: 400,
    nl: "Bij dit KvK-nummer vinden wij geen onderneming. Controleer het nummer.",
    en: "We cannot find a company with this KvK number. Please check the number.",
  },
  representative_unknown: {
    status: 400,
    nl: "Deze persoon staat niet als bevoegd vertegenwoordiger van de onderneming in het KvK-register.",
    en: "This person is not listed as an authorised representative of the company in the KvK register.",
  },
  signatures_unattainable: {
    status: 400,
    nl: "Met de gekozen vertegenwoordigers kan de aanvraag op dit betrouwbaarheidsniveau niet voldoende worden ondertekend. Kies (ook) een vertegenwoordiger die bevoegd is.",
    en: "The chosen representatives cannot sign enough for this level of assurance. Choose (also) a representative with the authority to sign.",
  },
  id_document_expires_too_soon: {
    status: 400,
    nl: "Het legitimatiebewijs moet vanaf vandaag nog minstens een maand geldig zijn.",
    en: "The identity document must remain valid for at least one more month from today.",
  },
  signature_link_invalid: {
    status: 410,
    nl: "Deze link om te ondertekenen werkt niet meer: u bent vervangen als ondertekenaar of u heeft de aanvraag geweigerd.",
    en: "This signing link no longer works: you were replaced as a signatory or you declined the application.",
  },
  signature_already_given: {
    status: 409,
    nl: "U heeft deze aanvraag al ondertekend.",
    en: "You have already signed this application.",
  },
  signature_declined: {
    status: 409,
    nl: "U heeft geweigerd deze aanvraag te ondertekenen. Met deze link kunt u niet meer ondertekenen; de aanvrager kan u zo nodig opnieuw als ondertekenaar kiezen.",
    en: "You declined to sign this application. This link can no longer be used to sign; the applicant can choose you as a signatory again if needed.",
  },
  provider_oin_taken: {
    status: 409,
    nl: "Er staat al een dienstverlener met dit OIN in de catalogus.",
    en: "A service provider with this OIN is already in the catalogue.",
  },
  service_index_taken: {
    status: 409,
    nl: "Deze dienstverlener heeft al een dienst met dit indexnummer. Kies een ander nummer.",
    en: "This service provider already has a service with this index. Choose another number.",
  },
  office_portal_service_managed: {
    status: 409,
    nl: "Dit is het klantenportaal van een notariskantoor: de naam volgt het kantoor en het kantoor stelt zelf het betrouwbaarheidsniveau in.",
    en: "This is a notary office's client portal: its name follows the office, and the office sets its level of assurance itself.",
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
  shutting_down: {
    status: 503,
    nl: "Deze server stopt en neemt geen nieuw werk meer aan.",
    en: "This server is shutting down and takes no new work.",
  },
  saml_request_invalid: {
    status: 400,
    nl: "Het inlogverzoek van de dienst is ongeldig of niet goed ondertekend. Ga terug naar de dienst en probeer het opnieuw.",
    en: "The service's login request is invalid or not properly signed. Go back to the service and try again.",
  },
  saml_unknown_service_provider: {
    status: 403,
    nl: "Deze dienst is niet aangesloten op dit eHerkenningsmiddel. Neem contact op met de dienst.",
    en: "This service is not connected to this eHerkenning means. Please contact the service.",
  },
  saml_request_stale: {
    status: 400,
    nl: "Het inlogverzoek van de dienst is verlopen of al gebruikt. Ga terug naar de dienst en begin opnieuw.",
    en: "The service's login request has expired or was already used. Go back to the service and start again.",
  },
  saml_service_not_allowed: {
    status: 403,
    nl: "De dienst vraagt om een eHerkenningsdienst die niet bij haar is geregistreerd.",
    en: "The service asks for an eHerkenning service that is not registered for it.",
  },
  saml_login_missing: {
    status: 410,
    nl: "Er loopt geen inlogverzoek (meer). Ga terug naar de dienst en begin opnieuw.",
    en: "There is no (longer a) login request in progress. Go back to the service and start again.",
  },
  saml_fresh_login_required: {
    status: 401,
    nl: "Log opnieuw in met uw eHerkenningsmiddel om door te gaan naar de dienst.",
    en: "Log in again with your eHerkenning means to continue to the service.",
  },
  saml_authorization_choice: {
    status: 400,
    nl: "Kies een van de bedrijven of vestigingen waarvoor u gemachtigd bent.",
    en: "Choose one of the companies or branches you are authorized for.",
  },
  saml_metadata_invalid: {
    status: 400,
    nl: "De metadata van de dienstverlener kon niet worden gelezen: controleer het bestand of de URL.",
    en: "The service provider's metadata could not be read: check the file or the URL.",
  },
  webhook_url_refused: {
    status: 400,
    nl: "Het adres van de koppeling moet met https:// beginnen.",
    en: "The integration's address must start with https://.",
  },
  webhook_endpoint_disabled: {
    status: 409,
    nl: "Deze koppeling staat uit.",
    en: "This integration is disabled.",
  },
  saml_metadata_url_refused: {
    status: 400,
    nl: "De metadata-URL moet met https:// beginnen.",
    en: "The metadata URL must start with https://.",
  },
  saml_metadata_fetch_failed: {
    status: 502,
    nl: "De metadata kon niet van deze URL worden opgehaald (geen antwoord, een foutcode of een doorverwijzing). Controleer de URL of upload het bestand.",
    en: "The metadata could not be fetched from this URL (no answer, an error status or a redirect). Check the URL or upload the file.",
  },
  saml_metadata_too_large: {
    status: 413,
    nl: "De metadata is groter dan 512 kB: dat is geen gewone SAML-metadata.",
    en: "The metadata is larger than 512 kB: that is not ordinary SAML metadata.",
  },
  saml_service_provider_exists: {
    status: 409,
    nl: "Er is al een dienstverlener met deze entity ID geregistreerd.",
    en: "A service provider with this entity ID is already registered.",
  },
  idempotency_key_reused: {
    status: 422,
    nl: "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor een nieuw verzoek.",
    en: "This Idempotency-Key was already used for another request. Use a new key for a new request.",
  },
  idempotency_key_in_progress: {
    status: 409,
    nl: "Een verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer het over een moment opnieuw.",
    en: "A request with this Idempotency-Key is still being handled. Try again in a moment.",
  },
  eherkenning_link_missing: {
    status: 410,
    nl: "Er is geen login met eHerkenning om te koppelen, of die is verlopen. Log opnieuw in met eHerkenning.",
    en: "There is no eHerkenning login to link, or it has expired. Please log in with eHerkenning again.",
  },
  eherkenning_approval_other_account: {
    status: 403,
    nl: "Deze link is voor een ander account. Log uit en log in met het account waarnaar de e-mail is gestuurd.",
    en: "This link is for another account. Log out and log in with the account the e-mail was sent to.",
  },
  data_export_in_progress: {
    status: 409,
    nl: "Uw gegevens worden al klaargezet. U krijgt een e-mail als het bestand klaarstaat.",
    en: "Your data is already being prepared. You will receive an e-mail when the file is ready.",
  },
  data_export_limit: {
    status: 429,
    nl: "U heeft vandaag al vaak om uw gegevens gevraagd. Probeer het morgen opnieuw.",
    en: "You have asked for your data several times today. Please try again tomorrow.",
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
