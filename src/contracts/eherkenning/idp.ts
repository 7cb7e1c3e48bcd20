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

/** The largest metadata document Poort reads, by URL or from a file (real ones are a few kB). */
export const MAX_METADATA_BYTES = 512 * 1024;

/** A catalogue service an SP may be allowed to ask for, as the back office offers it. */
export const idpServiceOptionSchema = z.object({
  id: z.uuid(),
  serviceId: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  providerName: z.string(),
  level: levelSchema,
});
export type IdpServiceOption = z.infer<typeof idpServiceOptionSchema>;

/** A registered SAML service provider as the supplier's admin sees it (issue 15). */
export const registeredServiceProviderSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  entityId: z.string(),
  acsUrls: z.array(z.string()),
  signsRequests: z.boolean(),
  /** The SP gave an encryption certificate: the pseudonym is encrypted to it. */
  encrypts: z.boolean(),
  services: z.array(idpServiceOptionSchema),
  registeredAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime().nullable(),
});
export type RegisteredServiceProvider = z.infer<typeof registeredServiceProviderSchema>;

export const serviceProviderAdminSchema = z.object({
  serviceProviders: z.array(registeredServiceProviderSchema),
  /** The catalogue's active services, to choose from when registering. */
  serviceOptions: z.array(idpServiceOptionSchema),
});
export type ServiceProviderAdmin = z.infer<typeof serviceProviderAdminSchema>;

/** Where the SP's metadata comes from: its URL (fetched by Poort) or an uploaded file's text. */
export const metadataSourceSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("url"), url: z.url().max(2_000) }),
  z.object({ source: z.literal("file"), xml: z.string().min(1).max(MAX_METADATA_BYTES) }),
]);
export type MetadataSource = z.infer<typeof metadataSourceSchema>;

export const registerServiceProviderSchema = z.object({
  name: z.string().trim().min(1).max(200),
  metadata: metadataSourceSchema,
  catalogueServiceIds: z.array(z.uuid()).min(1).max(100),
});
export type RegisterServiceProvider = z.infer<typeof registerServiceProviderSchema>;
