import { z } from "zod";
import type { ApplicationScope } from "./applications.ts";
import type { KvkCompany } from "./kvk-company.ts";
import type { Level } from "./levels.ts";
import { type SignatureShortfall, signaturesSatisfied } from "./signatures.ts";

/**
 * The reviewer's checklist of an application (C5): each item met or not, with the reasons, so
 * the back office shows what is missing and the server refuses an approval while anything is.
 * Pure: the server evaluates it from the stored application; the web only shows the outcome.
 */

export const checklistItemKeySchema = z.enum(["complete", "attachments", "validity", "signatures"]);
export type ChecklistItemKey = z.infer<typeof checklistItemKeySchema>;

export const checklistProblemCodeSchema = z.enum([
  "levelMissing",
  "scopeMissing",
  "scopeUnavailable",
  "nameMissing",
  "emailNotVerified",
  "mobileNotVerified",
  "companyMissing",
  "employmentMissing",
  "userIdMissing",
  "representativeIdMissing",
  "unreadable",
  "expiresTooSoon",
  "soleOrTwoJoint",
  "soleOrMajorityOfJoint",
  "allWithAuthority",
  "unattainable",
]);
export type ChecklistProblemCode = z.infer<typeof checklistProblemCodeSchema>;

export const checklistProblemSchema = z.object({
  code: checklistProblemCodeSchema,
  /** Whom or what the problem is about (a representative's name, a file's name), when any. */
  subject: z.string().optional(),
});
export type ChecklistProblem = z.infer<typeof checklistProblemSchema>;

export const checklistItemSchema = z.object({
  key: checklistItemKeySchema,
  met: z.boolean(),
  problems: z.array(checklistProblemSchema),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistSchema = z.object({
  items: z.array(checklistItemSchema),
  allMet: z.boolean(),
});
export type Checklist = z.infer<typeof checklistSchema>;

/** The types a reviewer's browser shows as they are: what "readable" means for an ID copy. */
export const readableContentTypes: readonly string[] = [
  "application/pdf",
  "image/jpeg",
  "image/png",
];

export interface ChecklistAttachment {
  purpose: "user-id" | "representative-id";
  representativeId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  /** `YYYY-MM-DD`, the document's own expiry as the applicant gave it. */
  expiresOn: string;
}

export interface ChecklistSigner {
  representativeId: string;
  signed: boolean;
  /** A replaced signer's signature no longer counts, nor does their link. */
  replaced: boolean;
  /** The representative refused to sign: they count for nothing (absent: not declined). */
  declined?: boolean;
}

export interface ChecklistInput {
  level: Level | null;
  scope: ApplicationScope | null;
  /** Every chosen service (or the provider) is still in the catalogue. */
  scopeAvailable: boolean;
  userName: string | null;
  userEmailVerified: boolean;
  userMobileVerified: boolean;
  company: KvkCompany | null;
  userWorksForCompany: boolean | null;
  attachments: readonly ChecklistAttachment[];
  signers: readonly ChecklistSigner[];
  /** Today in the Netherlands, `YYYY-MM-DD`. */
  today: string;
}

/**
 * The same day one month on; the last day of the shorter month when it has no such day
 * (31 January → 28 or 29 February), so "one month" never runs into the month after.
 */
export function oneMonthAfter(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const lastOfNextMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const next = new Date(Date.UTC(year, month, Math.min(date, lastOfNextMonth)));
  return next.toISOString().slice(0, 10);
}

function item(key: ChecklistItemKey, problems: ChecklistProblem[]): ChecklistItem {
  return { key, met: problems.length === 0, problems };
}

function completeness(input: ChecklistInput): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  if (!input.level) problems.push({ code: "levelMissing" });
  if (!input.scope) problems.push({ code: "scopeMissing" });
  else if (!input.scopeAvailable) problems.push({ code: "scopeUnavailable" });
  if (!input.userName) problems.push({ code: "nameMissing" });
  if (!input.userEmailVerified) problems.push({ code: "emailNotVerified" });
  if (!input.userMobileVerified) problems.push({ code: "mobileNotVerified" });
  if (!input.company) problems.push({ code: "companyMissing" });
  if (input.userWorksForCompany === null) problems.push({ code: "employmentMissing" });
  return problems;
}

/** The representatives who count: the chosen signers neither replaced since nor declined. */
function activeSigners(input: ChecklistInput): ChecklistSigner[] {
  return input.signers.filter((signer) => !signer.replaced && !signer.declined);
}

/**
 * Which ID copies the application must carry: the user's always (every level asks for a copy of
 * a valid ID, and the seed's step 3 for one whenever the user does not work for the company),
 * and at EH4 each signing representative's, who are identified in person.
 */
function presence(input: ChecklistInput): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  if (!input.attachments.some((attachment) => attachment.purpose === "user-id")) {
    problems.push({ code: "userIdMissing" });
  }
  if (input.level === "EH4") {
    for (const signer of activeSigners(input)) {
      const has = input.attachments.some(
        (attachment) =>
          attachment.purpose === "representative-id" &&
          attachment.representativeId === signer.representativeId,
      );
      if (!has) {
        const name = input.company?.representatives.find(
          (representative) => representative.id === signer.representativeId,
        )?.name;
        problems.push({
          code: "representativeIdMissing",
          subject: name ?? signer.representativeId,
        });
      }
    }
  }
  for (const attachment of input.attachments) {
    if (!readableContentTypes.includes(attachment.contentType) || attachment.size <= 0) {
      problems.push({ code: "unreadable", subject: attachment.fileName });
    }
  }
  return problems;
}

/** Every ID copy must stay valid at least one more month (the "valid long enough"). */
function validity(input: ChecklistInput): ChecklistProblem[] {
  const earliest = oneMonthAfter(input.today);
  return input.attachments
    .filter((attachment) => attachment.expiresOn < earliest)
    .map((attachment) => ({ code: "expiresTooSoon" as const, subject: attachment.fileName }));
}

/** The signatures given, weighed against the company's KvK representatives at the level. */
function signatures(input: ChecklistInput): ChecklistProblem[] {
  if (!input.level || !input.company) return [{ code: "unattainable" }];
  const signedIds = new Set(
    activeSigners(input)
      .filter((signer) => signer.signed)
      .map((signer) => signer.representativeId),
  );
  const check = signaturesSatisfied(
    input.level,
    input.company.representatives.map((representative) => ({
      authority: representative.authority,
      signed: signedIds.has(representative.id),
    })),
  );
  return check.satisfied ? [] : [{ code: check.needed as Exclude<SignatureShortfall, "nothing"> }];
}

/** The four items in the order the reviewer works through them. */
export function evaluateChecklist(input: ChecklistInput): Checklist {
  const items = [
    item("complete", completeness(input)),
    item("attachments", presence(input)),
    item("validity", validity(input)),
    item("signatures", signatures(input)),
  ];
  return { items, allMet: items.every((entry) => entry.met) };
}
