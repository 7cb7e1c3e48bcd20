import { describe, expect, it } from "vitest";
import {
  chosenSignersWouldSuffice,
  demandedLevelOf,
  earliestAcceptedExpiry,
  idCopyRequired,
  levelAllowed,
  missingParts,
  resumeStepOf,
  validLongEnough,
} from "./application-rules.ts";

describe("the level an application may have", () => {
  it("is the highest the services demand, or higher", () => {
    expect(demandedLevelOf([{ level: "EH2+" }, { level: "EH3" }])).toBe("EH3");
    expect(demandedLevelOf([])).toBeUndefined();
    expect(levelAllowed("EH2+", "EH3")).toBe(false);
    expect(levelAllowed("EH3", "EH3")).toBe(true);
    expect(levelAllowed("EH4", "EH3")).toBe(true);
    expect(levelAllowed("EH2+", undefined)).toBe(true);
  });
});

describe("the copy of the user's ID", () => {
  it("is required when the user does not work for the company, and always at EH2+", () => {
    expect(idCopyRequired("EH3", false)).toBe(true);
    expect(idCopyRequired("EH3", true)).toBe(false);
    expect(idCopyRequired("EH2+", true)).toBe(true);
    expect(idCopyRequired("EH4", null)).toBe(false);
  });

  it("must be valid at least one more calendar month", () => {
    expect(earliestAcceptedExpiry("2026-11-23")).toBe("2026-12-23");
    expect(earliestAcceptedExpiry("2026-12-15")).toBe("2027-01-15");
    // No 31 February: the last day of that month.
    expect(earliestAcceptedExpiry("2027-01-31")).toBe("2027-02-28");
    expect(earliestAcceptedExpiry("2028-01-30")).toBe("2028-02-29");
    expect(validLongEnough("2026-12-22", "2026-11-23")).toBe(false);
    expect(validLongEnough("2026-12-23", "2026-11-23")).toBe(true);
  });
});

describe("the chosen signers", () => {
  const joint = (chosen: boolean[]) => chosen.map((c) => ({ authority: "gb" as const, chosen: c }));

  it("count towards a majority of all the company's jointly authorized, not of those chosen", () => {
    expect(chosenSignersWouldSuffice("EH3", joint([true, false, false]))).toBe(false);
    expect(chosenSignersWouldSuffice("EH3", joint([true, true, false]))).toBe(true);
    expect(chosenSignersWouldSuffice("EH2+", joint([true, false]))).toBe(false);
    expect(chosenSignersWouldSuffice("EH4", joint([true, false]))).toBe(false);
    expect(chosenSignersWouldSuffice("EH4", joint([true, true]))).toBe(true);
  });

  it("never suffice when none of them has authority", () => {
    expect(chosenSignersWouldSuffice("EH2+", [{ authority: "nb", chosen: true }])).toBe(false);
  });
});

describe("what keeps an application from being submitted", () => {
  const complete = {
    hasScope: true,
    level: "EH3" as const,
    userName: "Lotte",
    emailVerified: true,
    mobileVerified: true,
    hasCompany: true,
    userWorksForCompany: true,
    representatives: [{ authority: "azb" as const, chosen: true }],
    idCopies: [],
    today: "2026-11-23",
  };

  it("is nothing for a complete one, which resumes at the summary", () => {
    expect(missingParts(complete)).toEqual([]);
    expect(resumeStepOf([])).toBe(4);
  });

  it("names each part, and resumes at the first step with one missing", () => {
    const missing = missingParts({
      ...complete,
      emailVerified: false,
      userWorksForCompany: false,
      idCopies: [{ documentType: "passport", expiresOn: "2026-12-01" }],
    });
    expect(missing).toEqual(["emailVerified", "idCopyExpiresTooSoon"]);
    expect(resumeStepOf(missing)).toBe(2);
    expect(resumeStepOf(["idCopy"])).toBe(3);
    expect(resumeStepOf(missingParts({ ...complete, hasScope: false, level: null }))).toBe(1);
  });

  it("says when the chosen signers can never sign enough", () => {
    expect(
      missingParts({ ...complete, representatives: [{ authority: "nb", chosen: true }] }),
    ).toEqual(["signaturesUnattainable"]);
    expect(
      missingParts({ ...complete, representatives: [{ authority: "azb", chosen: false }] }),
    ).toEqual(["signers"]);
  });
});
