import { describe, expect, it } from "vitest";
import type { KvkCompany } from "./kvk-company.ts";
import { type ChecklistInput, evaluateChecklist, oneMonthAfter } from "./review-checklist.ts";

const company: KvkCompany = {
  kvkNumber: "90000001",
  name: "Notariële Zaken Test B.V.",
  legalForm: "Besloten Vennootschap",
  branches: [],
  representatives: [
    { id: "r1", name: "Anna de Vries", role: "Bestuurder", authority: "gb" },
    { id: "r2", name: "Pieter Jansen", role: "Bestuurder", authority: "gb" },
  ],
};

const complete: ChecklistInput = {
  level: "EH3",
  scope: { kind: "all" },
  scopeAvailable: true,
  userName: "Lotte Bakker",
  userEmailVerified: true,
  userMobileVerified: true,
  company,
  userWorksForCompany: false,
  attachments: [
    {
      purpose: "user-id",
      representativeId: null,
      fileName: "paspoort.pdf",
      contentType: "application/pdf",
      size: 1000,
      expiresOn: "2027-06-01",
    },
  ],
  signers: [
    { representativeId: "r1", signed: true, replaced: false },
    { representativeId: "r2", signed: true, replaced: false },
  ],
  today: "2026-11-23",
};

const item = (input: ChecklistInput, key: string) =>
  evaluateChecklist(input).items.find((entry) => entry.key === key);

describe("the reviewer's checklist", () => {
  it("is met when data, attachments, validity and signatures are all in order", () => {
    const checklist = evaluateChecklist(complete);
    expect(checklist.allMet).toBe(true);
    expect(checklist.items.map((entry) => entry.key)).toEqual([
      "complete",
      "attachments",
      "validity",
      "signatures",
    ]);
  });

  it("names each missing piece of data", () => {
    const problems = item(
      {
        ...complete,
        level: null,
        userMobileVerified: false,
        company: null,
        scopeAvailable: false,
        userWorksForCompany: null,
      },
      "complete",
    )?.problems.map((problem) => problem.code);
    expect(problems).toEqual([
      "levelMissing",
      "scopeUnavailable",
      "mobileNotVerified",
      "companyMissing",
      "employmentMissing",
    ]);
  });

  it("needs the user's ID copy, in a type the browser shows", () => {
    expect(item({ ...complete, attachments: [] }, "attachments")?.problems).toEqual([
      { code: "userIdMissing" },
    ]);
    const word = {
      ...complete.attachments[0],
      contentType: "application/msword",
      fileName: "id.doc",
    };
    expect(
      item({ ...complete, attachments: [word] } as ChecklistInput, "attachments")?.problems,
    ).toEqual([{ code: "unreadable", subject: "id.doc" }]);
  });

  it("needs each signer's ID copy at EH4", () => {
    const problems = item({ ...complete, level: "EH4" }, "attachments")?.problems;
    expect(problems).toEqual([
      { code: "representativeIdMissing", subject: "Anna de Vries" },
      { code: "representativeIdMissing", subject: "Pieter Jansen" },
    ]);
  });

  it("wants the ID valid at least one more month", () => {
    const expiring = (expiresOn: string) =>
      item(
        { ...complete, attachments: [{ ...complete.attachments[0], expiresOn }] } as ChecklistInput,
        "validity",
      );
    expect(expiring("2026-12-22")?.met).toBe(false);
    expect(expiring("2026-12-23")?.met).toBe(true);
  });

  it("counts only signatures of signers not replaced, by the level's rule", () => {
    const one = [
      { representativeId: "r1", signed: true, replaced: false },
      { representativeId: "r2", signed: false, replaced: false },
    ];
    expect(item({ ...complete, signers: one }, "signatures")?.problems).toEqual([
      { code: "soleOrMajorityOfJoint" },
    ]);
    expect(item({ ...complete, level: "EH2+", signers: one }, "signatures")?.met).toBe(false);
    const replaced = [
      { representativeId: "r1", signed: true, replaced: false },
      { representativeId: "r2", signed: true, replaced: true },
    ];
    expect(item({ ...complete, signers: replaced }, "signatures")?.met).toBe(false);
  });

  it("says when the company's representatives can never sign for the level", () => {
    const withoutAuthority = {
      ...company,
      representatives: [
        { id: "r1", name: "Hans Smit", role: "Bestuurder", authority: "nb" as const },
      ],
    };
    expect(item({ ...complete, company: withoutAuthority }, "signatures")?.problems).toEqual([
      { code: "unattainable" },
    ]);
  });
});

describe("one month after a day", () => {
  it("keeps the day of the month, or takes the last day of a shorter month", () => {
    expect(oneMonthAfter("2026-11-23")).toBe("2026-12-23");
    expect(oneMonthAfter("2026-12-15")).toBe("2027-01-15");
    expect(oneMonthAfter("2027-01-31")).toBe("2027-02-28");
    expect(oneMonthAfter("2028-01-31")).toBe("2028-02-29");
  });
});
