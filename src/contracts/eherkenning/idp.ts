import { z } from "zod";
import { levelSchema } from "./levels.ts";

/** The IdP's login page (issue 15): what it shows about the request it serves. */
export const idpPendingLoginSchema = z.object({
  serviceProviderName: z.string(),
  serviceNameNl: z.string(),
  serviceNameEn: z.string(),
  demandedLevel: levelSchema,
  /** A login made after this request arrived (eHerkenning SPs force a fresh one). */
  loggedIn: z.boolean(),
});
export type IdpPendingLogin = z.infer<typeof idpPendingLoginSchema>;

export const idpAnswerSchema = z.object({
  /** The authorization chosen when the user acts for several companies or branches. */
  authorizationId: z.uuid().optional(),
});

/** What follows the login: post the Response, choose, or a refusal the page explains. */
export const idpLoginOutcomeSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("post") }),
  z.object({
    outcome: z.literal("choose"),
    choices: z.array(
      z.object({
        authorizationId: z.uuid(),
        companyName: z.string(),
        kvkNumber: z.string(),
        branchNumber: z.string().nullable(),
      }),
    ),
  }),
  z.object({
    outcome: z.literal("level-too-low"),
    meansLevel: levelSchema,
    demandedLevel: levelSchema,
  }),
  z.object({ outcome: z.literal("no-authorization") }),
]);
export type IdpLoginOutcome = z.infer<typeof idpLoginOutcomeSchema>;
