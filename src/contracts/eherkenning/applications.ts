import { z } from "zod";

/**
 * Step 1, "Waarvoor": what the means will be authorized for. Specific services of the
 * catalogue, all services of one provider, or all services (at the chosen level).
 */
export const applicationScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("services"), serviceIds: z.array(z.uuid()).min(1).max(50) }),
  z.object({ kind: z.literal("provider"), providerId: z.uuid() }),
  z.object({ kind: z.literal("all") }),
]);
export type ApplicationScope = z.infer<typeof applicationScopeSchema>;

/**
 * Where an application is:
 * - draft: the user fills in steps 1–3 (saved per step);
 * - signing: submitted (step 4); the chosen representatives are asked to sign;
 * - review: the signatures suffice; in the supplier's queue;
 * - identification: approved, waiting for the partner's face-to-face check (EH3, EH4);
 * - issued: the means is issued and its activation link mailed;
 * - rejected: with a reason mailed to the user;
 * - abandoned: a draft left, a signature never given, or an identification window that passed.
 */
export const applicationStateSchema = z.enum([
  "draft",
  "signing",
  "review",
  "identification",
  "issued",
  "rejected",
  "abandoned",
]);
export type ApplicationState = z.infer<typeof applicationStateSchema>;

/** The states in which nothing more happens to an application. */
export const finalApplicationStates: readonly ApplicationState[] = [
  "issued",
  "rejected",
  "abandoned",
];

export const identityDocumentTypeSchema = z.enum([
  "passport",
  "identity-card",
  "driving-licence",
  "residence-permit",
]);
export type IdentityDocumentType = z.infer<typeof identityDocumentTypeSchema>;

/** The applicant's name and contacts, each contact with whether a code proved it. */
export const applicantContactsSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  mobile: z.string().nullable(),
  mobileVerified: z.boolean(),
});
export type ApplicantContacts = z.infer<typeof applicantContactsSchema>;
