import { z } from "zod";
import { singleLineText } from "./text.ts";

export const emailAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "invalid_email" }).max(254));

export const debtorNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{4,10}$/, { error: "invalid_debtor_number" });

export const createOfficeSchema = z.object({
  name: singleLineText(200).min(2),
  debtorNumber: debtorNumberSchema,
  email: emailAddressSchema,
});

export type CreateOffice = z.infer<typeof createOfficeSchema>;

export const officeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  debtorNumber: z.string(),
  email: z.string(),
});

export type Office = z.infer<typeof officeSchema>;
