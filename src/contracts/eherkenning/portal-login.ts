import { z } from "zod";
import { emailAddressSchema } from "../offices.ts";
import { kvkNumberSchema } from "./kvk-numbers.ts";
import { levelSchema } from "./levels.ts";

/**
 * Company clients log in to the client portal with eHerkenning (issue 15, ADR 0017): the portal
 * is a SAML service provider, and each office's portal a service at the level the office sets.
 */

/** An office whose portal a company can log in to with eHerkenning, at the level it demands. */
export const portalEherkenningOfficeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  level: levelSchema,
});
export type PortalEherkenningOffice = z.infer<typeof portalEherkenningOfficeSchema>;

export const portalEherkenningOfficesSchema = z.object({
  offices: z.array(portalEherkenningOfficeSchema),
});

/**
 * Why the portal turned an eHerkenning login away, in the address the login page then opens
 * (`?eherkenning=…`): the means' level is below the office's; the company is not a client of
 * the office; the answer was not valid (or came too late, or twice); the IdP said no or the user
 * cancelled.
 */
export const portalEherkenningRefusalSchema = z.enum([
  "level-too-low",
  "unknown-company",
  "invalid",
  "cancelled",
]);
export type PortalEherkenningRefusal = z.infer<typeof portalEherkenningRefusalSchema>;

/**
 * A first eHerkenning login for a company: the person chooses the portal account to link it
 * to, the company's main account or their own extra account, which approves it once.
 */
export const pendingEherkenningLinkSchema = z.object({
  officeName: z.string(),
  companyName: z.string(),
  kvkNumber: kvkNumberSchema,
  /** Set once the one-time approval link has been sent. */
  requestedAt: z.iso.datetime().nullable(),
});
export type PendingEherkenningLink = z.infer<typeof pendingEherkenningLinkSchema>;

export const requestEherkenningLinkSchema = z.discriminatedUnion("target", [
  z.object({ target: z.literal("main") }),
  z.object({ target: z.literal("extra"), email: emailAddressSchema }),
]);
export type RequestEherkenningLink = z.infer<typeof requestEherkenningLinkSchema>;

/** What the mailed approval link shows the account it was sent to. */
export const eherkenningLinkApprovalSchema = z.object({
  officeName: z.string(),
  companyName: z.string(),
  kvkNumber: kvkNumberSchema,
  requestedAt: z.iso.datetime(),
  /** False when the session is of another account than the one asked: it may not approve. */
  forThisAccount: z.boolean(),
  approvedAt: z.iso.datetime().nullable(),
});
export type EherkenningLinkApproval = z.infer<typeof eherkenningLinkApprovalSchema>;
