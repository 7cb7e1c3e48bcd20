import type { IdentityDocumentType } from "./applications.ts";
import { compareLevels, highestLevel, type Level } from "./levels.ts";
import type { Authority } from "./signatures.ts";
import { signaturesSatisfied } from "./signatures.ts";
import { type MissingPart, stepTwoParts } from "./wizard.ts";

/**
 * The rules of the application wizard that the server enforces and the web shows beforehand:
 * which level the services demand, when a copy of the user's ID is needed and how long it must
 * stay valid, and what still keeps an application from being submitted.
 */

/** When the applicant chooses "all services", the level they are offered first. */
export const DEFAULT_LEVEL_FOR_ALL: Level = "EH3";

/** The level the services demand (the highest of theirs); undefined when there are none. */
export function demandedLevelOf(services: readonly { level: Level }[]): Level | undefined {
  return highestLevel(services.map((service) => service.level));
}

/** Whether the chosen level may be chosen: the demanded one or higher, never lower. */
export function levelAllowed(chosen: Level, demanded: Level | undefined): boolean {
  return demanded === undefined || compareLevels(chosen, demanded) >= 0;
}

/**
 * A copy of the user's ID goes with the application when the user does not work for the
 * company (the seed, step 3), and at EH2+ always: there it is the only check of who the user is,
 * as no one meets them in person.
 */
export function idCopyRequired(level: Level | null, userWorksForCompany: boolean | null): boolean {
  return userWorksForCompany === false || level === "EH2+";
}

/** The first day an ID may expire on and still be accepted: one month after today. */
export function earliestAcceptedExpiry(today: string): string {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  // Day 0 of the month after next is the last day of next month: 31 January gives 28/29
  // February rather than rolling over into March.
  const lastOfNextMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, month, Math.min(day, lastOfNextMonth)));
  return date.toISOString().slice(0, 10);
}

/** Whether an ID expiring on `expiresOn` (a date) is valid at least one more month. */
export function validLongEnough(expiresOn: string, today: string): boolean {
  return expiresOn >= earliestAcceptedExpiry(today);
}

export interface ApplicationFacts {
  hasScope: boolean;
  level: Level | null;
  userName: string | null;
  emailVerified: boolean;
  mobileVerified: boolean;
  hasCompany: boolean;
  userWorksForCompany: boolean | null;
  /** The company's representatives, each marked when chosen to sign (and not replaced). */
  representatives: readonly ChosenRepresentative[];
  idCopies: readonly { documentType: IdentityDocumentType; expiresOn: string }[];
  /** Today in the Netherlands, as a date. */
  today: string;
}

/** What is still missing before the user may submit; empty when the application is complete. */
export function missingParts(facts: ApplicationFacts): MissingPart[] {
  const missing: MissingPart[] = [];
  if (!facts.hasScope || !facts.level) missing.push("scope");
  if (!facts.userName) missing.push("userName");
  if (!facts.emailVerified) missing.push("emailVerified");
  if (!facts.mobileVerified) missing.push("mobileVerified");
  if (!facts.hasCompany || facts.userWorksForCompany === null) missing.push("company");
  if (!facts.representatives.some((representative) => representative.chosen)) {
    missing.push("signers");
  } else if (facts.level && !chosenSignersWouldSuffice(facts.level, facts.representatives)) {
    missing.push("signaturesUnattainable");
  }
  if (idCopyRequired(facts.level, facts.userWorksForCompany)) {
    if (facts.idCopies.length === 0) missing.push("idCopy");
    else if (!facts.idCopies.some((copy) => validLongEnough(copy.expiresOn, facts.today))) {
      missing.push("idCopyExpiresTooSoon");
    }
  }
  return missing;
}

export interface ChosenRepresentative {
  authority: Authority;
  chosen: boolean;
}

/**
 * Whether the chosen signers, once all have signed, satisfy the level. Counted among all the
 * company's representatives: "a majority of the jointly authorized" is of the company's, not of
 * the ones chosen.
 */
export function chosenSignersWouldSuffice(
  level: Level,
  representatives: readonly ChosenRepresentative[],
): boolean {
  return signaturesSatisfied(
    level,
    representatives.map((representative) => ({
      authority: representative.authority,
      signed: representative.chosen,
    })),
  ).satisfied;
}

/** The wizard step to resume at: the first with something missing, else the summary. */
export function resumeStepOf(missing: readonly MissingPart[]): 1 | 2 | 3 | 4 {
  if (missing.includes("scope")) return 1;
  const inStepTwo = new Set<MissingPart>(stepTwoParts);
  if (missing.some((part) => inStepTwo.has(part))) return 2;
  if (missing.length > 0) return 3;
  return 4;
}
