import { describe, expect, it } from "vitest";
import { kvkCompanySchema } from "#src/contracts/eherkenning/kvk-company.ts";
import { signaturesNeeded } from "#src/contracts/eherkenning/signatures.ts";
import { createEmbeddedKvkRegister, embeddedCompanies } from "./embedded-register.ts";

describe("embedded KvK register", () => {
  const register = createEmbeddedKvkRegister();

  it.each(Object.entries(embeddedCompanies))("holds %s as the contract reads it", async (_, c) => {
    const found = await register.findCompany(c.kvkNumber);
    expect(found).toEqual(c);
    // Every number checks out (RSIN 11-proef, 12-digit branches) and nothing is normalised away.
    expect(kvkCompanySchema.parse(found)).toEqual(c);
  });

  it("knows no other number", async () => {
    expect(await register.findCompany("90000099")).toBeUndefined();
    expect(await register.findCompany("")).toBeUndefined();
  });

  it("gives a copy, so a caller cannot change the register", async () => {
    const { kvkNumber } = embeddedCompanies.jointDirectors;
    const first = await register.findCompany(kvkNumber);
    first?.representatives.pop();
    expect((await register.findCompany(kvkNumber))?.representatives).toHaveLength(2);
  });

  it("has distinct numbers and representative ids", () => {
    const companies = Object.values(embeddedCompanies);
    const ids = companies.flatMap((company) => company.representatives.map(({ id }) => id));
    const branches = companies.flatMap((company) => company.branches.map((b) => b.branchNumber));
    expect(new Set(companies.map((company) => company.kvkNumber)).size).toBe(companies.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(branches).size).toBe(branches.length);
    expect(embeddedCompanies.manyBranches.branches.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ["jointDirectors", "EH2+", { kind: "joint", count: 2, of: 2 }],
    ["jointDirectors", "EH3", { kind: "joint", count: 2, of: 2 }],
    ["soleOwner", "EH3", { kind: "sole", count: 1, of: 1 }],
    ["jointDirectorsWithLimitedProxy", "EH2+", { kind: "joint", count: 2, of: 4 }],
    ["jointDirectorsWithLimitedProxy", "EH3", { kind: "joint", count: 2, of: 3 }],
    ["jointDirectorsWithLimitedProxy", "EH4", { kind: "all", count: 4, of: 4 }],
    ["manyBranches", "EH4", { kind: "all", count: 1, of: 1 }],
    ["directorWithoutAuthorityAndFullProxy", "EH2+", { kind: "sole", count: 1, of: 1 }],
    ["directorWithoutAuthorityAndFullProxy", "EH3", undefined],
  ] as const)("%s at %s needs %j", (name, level, expected) => {
    expect(signaturesNeeded(level, embeddedCompanies[name].representatives)).toEqual(expected);
  });
});
