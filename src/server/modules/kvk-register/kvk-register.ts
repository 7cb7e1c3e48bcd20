import type { KvkCompany } from "#src/contracts/eherkenning/kvk-company.ts";

export type {
  KvkAddress,
  KvkCompany,
  KvkRepresentative,
} from "#src/contracts/eherkenning/kvk-company.ts";

/** The KvK business register, as far as eHerkenning needs it: a company by its number. */
export interface KvkRegister {
  /** The company, or undefined when the register has no company by that number. */
  findCompany(kvkNumber: string): Promise<KvkCompany | undefined>;
}
