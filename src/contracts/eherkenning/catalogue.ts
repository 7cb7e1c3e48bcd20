import { z } from "zod";
import { multiLineText, singleLineText } from "../text.ts";
import { oinSchema } from "./authorization-scope.ts";
import { levelSchema } from "./levels.ts";

/** A service in the public overview: what the applicant chooses in step 1. */
export const catalogueServiceSchema = z.object({
  id: z.uuid(),
  /** `urn:etoegang:DV:{OIN}:services:{index}`. */
  serviceId: z.string(),
  serviceUuid: z.uuid(),
  name: z.string(),
  description: z.string(),
  /** The level the provider demands for it. */
  level: levelSchema,
});
export type CatalogueService = z.infer<typeof catalogueServiceSchema>;

export const catalogueProviderSchema = z.object({
  id: z.uuid(),
  oin: z.string(),
  name: z.string(),
  websiteUrl: z.string().nullable(),
  services: z.array(catalogueServiceSchema),
});
export type CatalogueProvider = z.infer<typeof catalogueProviderSchema>;

/**
 * "Het overzicht van dienstverleners": every provider with its services in the catalogue and
 * the level each demands, names in the request's language; withdrawn services left out.
 */
export const catalogueOverviewSchema = z.object({ providers: z.array(catalogueProviderSchema) });
export type CatalogueOverview = z.infer<typeof catalogueOverviewSchema>;

/** The highest `AttributeConsumingServiceIndex` SAML allows (an unsignedShort). */
export const MAX_SERVICE_INDEX = 65_535;

/**
 * A provider's website: an absolute http(s) address, as it is shown as a link in the public
 * overview (a `javascript:` address must never get there). Empty means none.
 */
const websiteUrlSchema = z
  .string()
  .trim()
  .max(500)
  .transform((value) => value || null)
  .pipe(z.url({ protocol: /^https?$/, error: "invalid_url" }).nullable());

/** A new provider: its OIN is for good, as every ServiceID and authorization names it. */
export const createProviderSchema = z.object({
  oin: z.string().trim().pipe(oinSchema),
  name: singleLineText(200).min(2),
  websiteUrl: websiteUrlSchema.default(null),
});
export type CreateProvider = z.infer<typeof createProviderSchema>;

/** What of a provider may change: not its OIN. */
export const updateProviderSchema = createProviderSchema.omit({ oin: true });
export type UpdateProvider = z.infer<typeof updateProviderSchema>;

const serviceTexts = {
  nameNl: singleLineText(200).min(2),
  nameEn: singleLineText(200).min(2),
  descriptionNl: multiLineText(2000).default(""),
  descriptionEn: multiLineText(2000).default(""),
  level: levelSchema,
};

/** A new service; its index is for good, as its ServiceID and the SP's requests name it. */
export const createServiceSchema = z.object({
  serviceIndex: z.int().min(0).max(MAX_SERVICE_INDEX),
  ...serviceTexts,
});
export type CreateService = z.infer<typeof createServiceSchema>;

/** What of a service may change: its names, descriptions and level, not its index. */
export const updateServiceSchema = z.object(serviceTexts);
export type UpdateService = z.infer<typeof updateServiceSchema>;

/** A service as the supplier's catalogue admin sees it: both languages, withdrawn ones too. */
export const adminServiceSchema = z.object({
  id: z.uuid(),
  serviceId: z.string(),
  serviceUuid: z.uuid(),
  serviceIndex: z.int(),
  nameNl: z.string(),
  nameEn: z.string(),
  descriptionNl: z.string(),
  descriptionEn: z.string(),
  level: levelSchema,
  /** A notary office's client portal: the office sets its level, its names follow the office. */
  officeId: z.uuid().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type AdminService = z.infer<typeof adminServiceSchema>;

export const adminProviderSummarySchema = z.object({
  id: z.uuid(),
  oin: z.string(),
  name: z.string(),
  websiteUrl: z.string().nullable(),
  /** Poort itself, whose services are the notary offices' client portals. */
  isPlatform: z.boolean(),
  /** Services in the catalogue, withdrawn ones not counted. */
  activeServices: z.int(),
  createdAt: z.iso.datetime(),
});
export type AdminProviderSummary = z.infer<typeof adminProviderSummarySchema>;

export const adminProviderListSchema = z.object({
  providers: z.array(adminProviderSummarySchema),
});

export const adminProviderSchema = adminProviderSummarySchema.extend({
  services: z.array(adminServiceSchema),
});
export type AdminProvider = z.infer<typeof adminProviderSchema>;

/** The office's own eHerkenning setting: the level its client portal demands. */
export const officeEherkenningSchema = z.object({
  level: levelSchema,
  /** The portal's ServiceID in the catalogue. */
  serviceId: z.string(),
  /** Taken out of the catalogue by the supplier: companies cannot log in with eHerkenning. */
  withdrawn: z.boolean(),
});
export type OfficeEherkenning = z.infer<typeof officeEherkenningSchema>;

export const setOfficeLevelSchema = z.object({ level: levelSchema });
