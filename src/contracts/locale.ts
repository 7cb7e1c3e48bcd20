import { z } from "zod";

/** The languages Poort speaks: Dutch first, English second. */
export const locales = ["nl", "en"] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;
export const defaultLocale: Locale = "nl";
