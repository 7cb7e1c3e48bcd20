import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { offices } from "../offices/schema.ts";

/**
 * A service provider (dienstverlener) in the eHerkenning catalogue, known by its OIN. The
 * platform itself is one: every notary office's client portal is a service of it.
 */
export const serviceProviders = pgTable("service_providers", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Organisatie-identificatienummer: 20 digits. */
  oin: text("oin").notNull().unique(),
  name: text("name").notNull(),
  websiteUrl: text("website_url"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * A service of a provider (a ServiceInstance of the catalogue): its ServiceID is
 * `urn:etoegang:DV:{OIN}:services:{index}`, and it demands a level. A notary office's portal
 * service names the office, which sets the level it demands.
 */
export const catalogueServices = pgTable(
  "catalogue_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => serviceProviders.id),
    /** The SP's AttributeConsumingServiceIndex: the last part of the ServiceID. */
    serviceIndex: integer("service_index").notNull(),
    /** The instance's ServiceUUID in the catalogue. */
    serviceUuid: uuid("service_uuid").notNull().unique().defaultRandom(),
    nameNl: text("name_nl").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionNl: text("description_nl").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    /** EH2+ | EH3 | EH4 (`src/contracts/eherkenning/levels.ts`). */
    level: text("level", { enum: ["EH2+", "EH3", "EH4"] }).notNull(),
    /** The notary office whose client portal this service is; none for other services. */
    officeId: uuid("office_id")
      .unique()
      .references(() => offices.id),
    /** Taken out of the catalogue: no new authorizations, no logins. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    unique("catalogue_services_provider_index_key").on(table.providerId, table.serviceIndex),
    index("catalogue_services_provider_idx").on(table.providerId),
  ],
);
