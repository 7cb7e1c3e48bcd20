import { z } from "zod";
import { singleLineText } from "#src/contracts/text.ts";
import { branchNumberSchema, kvkNumberSchema, rsinSchema } from "./kvk-numbers.ts";
import { authoritySchema } from "./signatures.ts";

/**
 * A company as the KvK register gives it: what an eHerkenning application shows the applicant
 * and checks the signatures against.
 */

const NAME_MAX = 500;

export const kvkAddressSchema = z.object({
  /** Street, house number and addition, as the register writes them. */
  street: singleLineText(NAME_MAX),
  postcode: singleLineText(16),
  city: singleLineText(NAME_MAX),
});
export type KvkAddress = z.infer<typeof kvkAddressSchema>;

export const kvkBranchSchema = z.object({
  branchNumber: branchNumberSchema,
  name: singleLineText(NAME_MAX),
  /** Absent when the owner had the address shielded (afgeschermd) in the register. */
  address: kvkAddressSchema.optional(),
});
export type KvkBranch = z.infer<typeof kvkBranchSchema>;

export const kvkRepresentativeSchema = z.object({
  /** Stable across look-ups, so a signature stays with the person who gave it. */
  id: z.string().min(1).max(200),
  name: singleLineText(NAME_MAX),
  /** The register's word for the function: "Bestuurder", "Eigenaar", "Gevolmachtigde". */
  role: singleLineText(200),
  authority: authoritySchema,
});
export type KvkRepresentative = z.infer<typeof kvkRepresentativeSchema>;

export const kvkCompanySchema = z.object({
  kvkNumber: kvkNumberSchema,
  name: singleLineText(NAME_MAX),
  /** As the register words it: "Besloten Vennootschap", "Eenmanszaak". */
  legalForm: singleLineText(200),
  /** Only legal entities and partnerships have one; an eenmanszaak does not. */
  rsin: rsinSchema.optional(),
  branches: z.array(kvkBranchSchema),
  representatives: z.array(kvkRepresentativeSchema),
});
export type KvkCompany = z.infer<typeof kvkCompanySchema>;
