import type { Locale } from "./locale.ts";

/**
 * What an audit action means, in words, for the audit views and their CSV export. Kept here,
 * not in the apps' i18n files, because the server writes the same words into the CSV: one list
 * for the page and the file. An action without words here shows as its code.
 */
const labels: Record<string, Record<Locale, string>> = {
  "session.login": { nl: "Ingelogd", en: "Logged in" },
  "session.login-failed": { nl: "Inloggen mislukt", en: "Login failed" },
  "session.password-accepted": {
    nl: "Wachtwoord goed, tweede stap gevraagd",
    en: "Password accepted, second step asked",
  },
  "session.second-factor-failed": {
    nl: "Tweede stap mislukt",
    en: "Second step failed",
  },
  "session.office-chosen": {
    nl: "Kantoor gekozen na inloggen",
    en: "Chose the office after login",
  },
  "selfservice.login": {
    nl: "Ingelogd in de certificaatselfservice",
    en: "Logged in to the certificate self-service",
  },
  "selfservice.login-office-mismatch": {
    nl: "Selfservice geweigerd: ander kantoor dan het certificaat",
    en: "Self-service refused: another office than the certificate's",
  },
  "document.downloaded": {
    nl: "Document bekeken of gedownload",
    en: "Document viewed or downloaded",
  },
  "document.published": { nl: "Document gepubliceerd", en: "Document published" },
  "document.unpublished": { nl: "Publicatie ingetrokken", en: "Publication withdrawn" },
  "document.drafted": { nl: "Document als concept toegevoegd", en: "Document added as a draft" },
  "document.supplied": { nl: "Document aangeleverd", en: "Document supplied" },
  "document.generated": {
    nl: "Document gemaakt (vragenlijst)",
    en: "Document made (questionnaire)",
  },
  "account.invited": { nl: "Uitgenodigd", en: "Invited" },
  "account.invitation-revoked": { nl: "Uitnodiging ingetrokken", en: "Invitation withdrawn" },
  "account.activated": { nl: "Account geactiveerd", en: "Account activated" },
  "account.deleted": { nl: "Account verwijderd", en: "Account deleted" },
  "password.reset": { nl: "Wachtwoord opnieuw ingesteld", en: "Password reset" },
  "client.kvk-number-set": { nl: "KvK-nummer gewijzigd", en: "KvK number changed" },
  "staff.changed": { nl: "Rol of status gewijzigd", en: "Role or status changed" },
  "staff.deactivated": { nl: "Medewerker gedeactiveerd", en: "Staff member deactivated" },
  "dossier.created": { nl: "Dossier aangemaakt", en: "Dossier created" },
  "dossier.updated": { nl: "Dossier gewijzigd", en: "Dossier changed" },
  "message.sent": { nl: "Bericht verstuurd", en: "Message sent" },
  "message.withdrawn": { nl: "Bericht ingetrokken", en: "Message withdrawn" },
  "message.handled": { nl: "Bericht afgehandeld", en: "Message handled" },
  "message.reopened": { nl: "Bericht heropend", en: "Message reopened" },
  "action.sent": { nl: "Actie verstuurd", en: "Action sent" },
  "action.reminded": { nl: "Herinnering verstuurd", en: "Reminder sent" },
  "action.withdrawn": { nl: "Actie ingetrokken", en: "Action withdrawn" },
  "action.completed": { nl: "Actie afgerond", en: "Action completed" },
  "action.item-delivered": {
    nl: "Gevraagd document aangeleverd",
    en: "Requested document supplied",
  },
  "action.overdue-reminded": {
    nl: "Automatische herinnering (verlopen)",
    en: "Automatic reminder (overdue)",
  },
  "webhook.endpoint-added": { nl: "Webhook toegevoegd", en: "Webhook added" },
  "webhook.endpoint-disabled": { nl: "Webhook uitgezet", en: "Webhook disabled" },
  "webhook.secret-rotated": { nl: "Webhookgeheim vernieuwd", en: "Webhook secret rotated" },
  "webhook.sent-again": { nl: "Webhook opnieuw verstuurd", en: "Webhook sent again" },
  "office-api.call": { nl: "API-aanroep", en: "API call" },
  "audit-log.exported": { nl: "Auditlog geëxporteerd (CSV)", en: "Audit log exported (CSV)" },
  "certificate.issued": { nl: "Certificaat uitgegeven", en: "Certificate issued" },
  "certificate.revoked": { nl: "Certificaat ingetrokken", en: "Certificate revoked" },
  "certificate.reissue-demanded": {
    nl: "Vervanging van het certificaat geëist",
    en: "Certificate replacement demanded",
  },
  "crl.published": {
    nl: "Intrekkingslijst (CRL) gepubliceerd",
    en: "Revocation list (CRL) published",
  },
  "office.retention-set": {
    nl: "Bewaartermijn van afgesloten dossiers gewijzigd",
    en: "Retention period of closed dossiers changed",
  },
  "dossier.retention-noticed": {
    nl: "Cliënten gemeld dat het dossier uit het portaal verdwijnt",
    en: "Clients told the dossier leaves the portal",
  },
  "dossier.removed-by-retention": {
    nl: "Dossier na de bewaartermijn uit het portaal verwijderd",
    en: "Dossier removed from the portal after its retention period",
  },
  "account.retention-noticed": {
    nl: "Account zonder dossiers: melding gestuurd",
    en: "Account without dossiers: notice sent",
  },
  "account.deactivated-by-retention": {
    nl: "Account zonder dossiers gedeactiveerd",
    en: "Account without dossiers deactivated",
  },
  "account.reactivated-by-retention": {
    nl: "Account weer actief (nieuw dossier)",
    en: "Account active again (new dossier)",
  },
  "account.deleted-by-retention": {
    nl: "Account zonder dossiers verwijderd",
    en: "Account without dossiers deleted",
  },
  "installation.backed-up": {
    nl: "Back-up van de installatie gemaakt",
    en: "Backup of the installation made",
  },
  "mail.bounced": { nl: "Mail niet afgeleverd (bounce)", en: "Mail bounced" },
  "office.created": { nl: "Kantoor aangemaakt", en: "Office created" },
  "office.email-changed": {
    nl: "E-mailadres van het kantoor gewijzigd",
    en: "Office e-mail changed",
  },
};

/** The action in words in the language, or its code when it has none. */
export function auditActionLabel(action: string, locale: Locale): string {
  return labels[action]?.[locale] ?? action;
}
