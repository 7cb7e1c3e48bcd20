import { describe, expect, it } from "vitest";
import {
  compareLevels,
  highestLevel,
  type Level,
  levelFacts,
  levelOfUrn,
  levelSchema,
  serves,
} from "./levels.ts";

describe("levels", () => {
  it("issues EH2+, EH3 and EH4 only", () => {
    expect(levelSchema.options).toEqual(["EH2+", "EH3", "EH4"]);
    expect(levelSchema.safeParse("EH2").success).toBe(false);
    expect(levelSchema.safeParse("EH1").success).toBe(false);
  });

  it.each([
    ["EH2+", "urn:etoegang:core:assurance-class:loa2plus", "low", "sms", "none"],
    ["EH3", "urn:etoegang:core:assurance-class:loa3", "substantial", "totp", "userByPartner"],
    [
      "EH4",
      "urn:etoegang:core:assurance-class:loa4",
      "high",
      "totp",
      "representativesAndUserInPerson",
    ],
  ] as const)("knows %s: %s, eIDAS %s, %s, face to face %s", (level, urn, eidas, factor, f2f) => {
    expect(levelFacts[level]).toEqual({
      urn,
      eidas,
      secondFactor: factor,
      faceToFace: f2f,
      invitationValidDays: 30,
    });
  });

  it("reads a level from its URN and back", () => {
    for (const level of levelSchema.options) {
      expect(levelOfUrn(levelFacts[level].urn)).toBe(level);
    }
  });

  it.each([
    "urn:etoegang:core:assurance-class:loa1",
    "urn:etoegang:core:assurance-class:loa2",
    "urn:etoegang:core:assurance-class:LOA3",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
    "",
  ])("knows no level for %j", (urn) => {
    expect(levelOfUrn(urn)).toBeUndefined();
  });

  it("orders the levels EH2+ < EH3 < EH4", () => {
    expect(compareLevels("EH2+", "EH3")).toBeLessThan(0);
    expect(compareLevels("EH3", "EH4")).toBeLessThan(0);
    expect(compareLevels("EH4", "EH2+")).toBeGreaterThan(0);
    expect(compareLevels("EH3", "EH3")).toBe(0);
    const shuffled: Level[] = ["EH4", "EH2+", "EH3", "EH2+"];
    expect(shuffled.sort(compareLevels)).toEqual(["EH2+", "EH2+", "EH3", "EH4"]);
  });

  it.each([
    ["EH2+", "EH2+", true],
    ["EH2+", "EH3", false],
    ["EH2+", "EH4", false],
    ["EH3", "EH2+", true],
    ["EH3", "EH3", true],
    ["EH3", "EH4", false],
    ["EH4", "EH2+", true],
    ["EH4", "EH3", true],
    ["EH4", "EH4", true],
  ] as const)("a means at %s serving a demand of %s: %s", (means, demanded, expected) => {
    expect(serves(means, demanded)).toBe(expected);
  });

  it("finds the highest level", () => {
    expect(highestLevel(["EH3", "EH2+"])).toBe("EH3");
    expect(highestLevel(["EH2+", "EH4", "EH3"])).toBe("EH4");
    expect(highestLevel(["EH2+"])).toBe("EH2+");
    expect(highestLevel([])).toBeUndefined();
  });
});
