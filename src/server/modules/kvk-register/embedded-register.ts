import type { KvkCompany, KvkRegister } from "./kvk-register.ts";

/**
 * Fictitious companies shaped like the KvK's, for development, demo data and tests: one for
 * each way the signature rules play out. KvK numbers in the 9000000x style of test numbers,
 * RSINs that pass the 11-proef, and "Test" in every name so no one takes them for real.
 */
export const embeddedCompanies = {
  /** Two directors who may only act together. */
  jointDirectors: {
    kvkNumber: "90000001",
    name: "Notariële Zaken Test B.V.",
    legalForm: "Besloten Vennootschap",
    rsin: "857200148",
    branches: [
      {
        branchNumber: "990000000011",
        name: "Notariële Zaken Test",
        address: { street: "Herengracht 512", postcode: "1017 CC", city: "Amsterdam" },
      },
    ],
    representatives: [
      { id: "90000001-1", name: "Anna de Vries", role: "Bestuurder", authority: "gb" },
      { id: "90000001-2", name: "Pieter Jansen", role: "Bestuurder", authority: "gb" },
    ],
  },
  /** An eenmanszaak: its owner alone, and no RSIN. */
  soleOwner: {
    kvkNumber: "90000002",
    name: "Bakkerij Van den Berg Test",
    legalForm: "Eenmanszaak",
    branches: [
      {
        branchNumber: "990000000021",
        name: "Bakkerij Van den Berg Test",
        address: { street: "Oudegracht 158", postcode: "3511 AZ", city: "Utrecht" },
      },
    ],
    representatives: [
      { id: "90000002-1", name: "Johan van den Berg", role: "Eigenaar", authority: "azb" },
    ],
  },
  /** Three directors who may only act together, and a proxy with limited powers. */
  jointDirectorsWithLimitedProxy: {
    kvkNumber: "90000003",
    name: "Bouwbedrijf Hendriks Test B.V.",
    legalForm: "Besloten Vennootschap",
    rsin: "813466921",
    branches: [
      {
        branchNumber: "990000000031",
        name: "Bouwbedrijf Hendriks Test",
        address: { street: "Stationsweg 41", postcode: "5211 TW", city: "'s-Hertogenbosch" },
      },
    ],
    representatives: [
      { id: "90000003-1", name: "Marco Hendriks", role: "Bestuurder", authority: "gb" },
      { id: "90000003-2", name: "Sanne Hendriks", role: "Bestuurder", authority: "gb" },
      { id: "90000003-3", name: "Willem Bakker", role: "Bestuurder", authority: "gb" },
      { id: "90000003-4", name: "Fatima el Amrani", role: "Gevolmachtigde", authority: "b" },
    ],
  },
  /** A sole director and four branches, to choose a branch from. */
  manyBranches: {
    kvkNumber: "90000004",
    name: "Bloemenhandel Visser Test B.V.",
    legalForm: "Besloten Vennootschap",
    rsin: "860195430",
    branches: [
      {
        branchNumber: "990000000041",
        name: "Bloemenhandel Visser Test",
        address: { street: "Legmeerdijk 313", postcode: "1431 GB", city: "Aalsmeer" },
      },
      {
        branchNumber: "990000000042",
        name: "Visser Bloemen Rotterdam",
        address: { street: "Coolsingel 77", postcode: "3012 AC", city: "Rotterdam" },
      },
      {
        branchNumber: "990000000043",
        name: "Visser Bloemen Groningen",
        address: { street: "Herestraat 25", postcode: "9711 LC", city: "Groningen" },
      },
      {
        branchNumber: "990000000044",
        name: "Visser Bloemen Eindhoven",
        address: { street: "Demer 12", postcode: "5611 AS", city: "Eindhoven" },
      },
    ],
    representatives: [
      { id: "90000004-1", name: "Kees Visser", role: "Bestuurder", authority: "azb" },
    ],
  },
  /** A director without authority to sign, and a proxy with full powers who can. */
  directorWithoutAuthorityAndFullProxy: {
    kvkNumber: "90000005",
    name: "Adviesbureau Smit Test B.V.",
    legalForm: "Besloten Vennootschap",
    rsin: "804531274",
    branches: [
      {
        branchNumber: "990000000051",
        name: "Adviesbureau Smit Test",
        address: { street: "Lange Voorhout 9", postcode: "2514 EA", city: "Den Haag" },
      },
    ],
    representatives: [
      { id: "90000005-1", name: "Hans Smit", role: "Bestuurder", authority: "nb" },
      { id: "90000005-2", name: "Eva Mulder", role: "Gevolmachtigde", authority: "v" },
    ],
  },
  /**
   * A sole director: the demo's Bakkerij Bol, a company client of De Vries & Partners, whose
   * EH3 means logs in to that office's client portal (issue 15).
   */
  soleDirector: {
    kvkNumber: "90000006",
    name: "Bakkerij Bol Test B.V.",
    legalForm: "Besloten Vennootschap",
    rsin: "826000009",
    branches: [
      {
        branchNumber: "990000000061",
        name: "Bakkerij Bol Test",
        address: { street: "Nieuwstraat 12", postcode: "3811 JX", city: "Amersfoort" },
      },
    ],
    representatives: [{ id: "90000006-1", name: "Anna Bol", role: "Bestuurder", authority: "azb" }],
  },
} as const satisfies Record<string, KvkCompany>;

/** A register that knows only the given companies (by default the ones above). */
export function createEmbeddedKvkRegister(
  companies: readonly KvkCompany[] = Object.values(embeddedCompanies),
): KvkRegister {
  const byNumber = new Map(companies.map((company) => [company.kvkNumber, company]));
  return {
    async findCompany(kvkNumber) {
      const company = byNumber.get(kvkNumber);
      // A copy: a caller changing what it got must not change the register.
      return company && structuredClone(company);
    },
  };
}
