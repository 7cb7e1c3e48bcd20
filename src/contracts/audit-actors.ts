import { type StaffRole, staffRoleSchema } from "./accounts.ts";
import type { Locale } from "./locale.ts";

/**
 * Who acted, in words: a staff member by their role, anyone else by the kind of actor. Kept
 * here, as the actions' words are (`audit-actions.ts`), because the server writes the same
 * words into the audit log's CSV that the pages show; the staff pages name the roles from here
 * too, so each role has one name.
 */
const staffRoleLabels: Record<StaffRole, Record<Locale, string>> = {
  admin: { nl: "Beheerder", en: "Administrator" },
  notary: { nl: "Notaris", en: "Notary" },
  handler: { nl: "Behandelaar", en: "Case handler" },
  assistant: { nl: "Assistent", en: "Assistant" },
};

const actorTypeLabels: Record<string, Record<Locale, string>> = {
  client: { nl: "Cliënt", en: "Client" },
  staff: { nl: "Medewerker", en: "Staff member" },
  office: { nl: "Praktijksoftware (API)", en: "Practice software (API)" },
  system: { nl: "Poort", en: "Poort" },
  operator: { nl: "Beheer van Poort", en: "Poort's operator" },
  "platform-staff": { nl: "Servicedesk", en: "Servicedesk" },
  "means-holder": { nl: "eHerkenning-gebruiker", en: "eHerkenning user" },
  "supplier-staff": { nl: "eHerkenning-leverancier", en: "eHerkenning supplier" },
};

/** A staff role's name; a value that is no staff role shows as it is. */
export function staffRoleLabel(role: string, locale: Locale): string {
  const known = staffRoleSchema.safeParse(role);
  return known.success ? staffRoleLabels[known.data][locale] : role;
}

/** The kind of actor in words (the office's software, Poort itself…), or its code. */
export function auditActorTypeLabel(type: string, locale: Locale): string {
  return actorTypeLabels[type]?.[locale] ?? type;
}

/** A staff member's role, or else the kind of actor. */
export function auditRoleLabel(
  actor: { type: string; role: string | null },
  locale: Locale,
): string {
  if (actor.type === "staff" && actor.role) return staffRoleLabel(actor.role, locale);
  return auditActorTypeLabel(actor.type, locale);
}
