import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelSchema } from "./levels.ts";
import {
  type Authority,
  authoritySchema,
  canSign,
  type RepresentativeSignature,
  signaturesNeeded,
  signaturesSatisfied,
} from "./signatures.ts";

/** "gb+" signed, "gb" not: a company's representatives in one line. */
function company(...codes: string[]): RepresentativeSignature[] {
  return codes.map((code) => ({
    authority: authoritySchema.parse(code.replace("+", "")),
    signed: code.endsWith("+"),
  }));
}

describe("canSign", () => {
  it.each([
    ["azb", true],
    ["gb", true],
    ["v", true],
    ["b", true],
    ["nb", false],
  ] as const)("%s: %s", (authority, expected) => {
    expect(canSign(authority)).toBe(expected);
  });
});

describe("signaturesSatisfied", () => {
  describe("EH2+: one who may act alone, or two jointly authorized or limited", () => {
    it.each([
      ["a sole director", ["azb+"]],
      ["a sole director beside unsigned joint ones", ["azb+", "gb", "gb"]],
      ["a full proxy", ["v+", "gb", "gb"]],
      ["two joint directors", ["gb+", "gb+"]],
      ["two of three joint directors", ["gb+", "gb", "gb+"]],
      ["a joint director and a limited proxy", ["gb+", "b+"]],
      ["two limited proxies", ["b+", "b+", "gb"]],
    ])("satisfied by %s", (_, codes) => {
      expect(signaturesSatisfied("EH2+", company(...codes))).toEqual({
        satisfied: true,
        needed: "nothing",
      });
    });

    it.each([
      ["nobody yet", ["azb", "gb", "gb"]],
      ["one joint director", ["gb+", "gb"]],
      ["one limited proxy", ["b+", "gb"]],
      ["one joint director and one without authority", ["gb+", "nb+", "gb"]],
    ])("not satisfied by %s", (_, codes) => {
      expect(signaturesSatisfied("EH2+", company(...codes))).toEqual({
        satisfied: false,
        needed: "soleOrTwoJoint",
      });
    });

    it.each([
      ["only a director without authority", ["nb+"]],
      ["one joint director and one without authority", ["gb+", "nb+"]],
      ["no representatives", []],
    ])("unattainable with %s", (_, codes) => {
      expect(signaturesSatisfied("EH2+", company(...codes))).toEqual({
        satisfied: false,
        needed: "unattainable",
      });
    });
  });

  describe("EH3: one sole director, or a strict majority of the joint ones", () => {
    it.each([
      ["a sole director", ["azb+", "gb", "gb"]],
      ["two of three joint directors", ["gb+", "gb+", "gb"]],
      ["both of two joint directors", ["gb+", "gb+"]],
      ["three of four joint directors", ["gb+", "gb+", "gb+", "gb"]],
      ["the only joint director", ["gb+"]],
      ["two of three joint directors, the limited proxy not needed", ["gb+", "gb", "gb+", "b"]],
    ])("satisfied by %s", (_, codes) => {
      expect(signaturesSatisfied("EH3", company(...codes)).satisfied).toBe(true);
    });

    it.each([
      ["one of two joint directors", ["gb+", "gb"]],
      ["one of three joint directors", ["gb+", "gb", "gb"]],
      ["half of four joint directors", ["gb+", "gb+", "gb", "gb"]],
      ["a full proxy, who may not act alone at EH3", ["v+", "gb", "gb"]],
      ["limited proxies, who do not count toward the majority", ["gb+", "b+", "b+", "gb"]],
      ["a signature without authority", ["nb+", "gb+", "gb"]],
    ])("not satisfied by %s", (_, codes) => {
      expect(signaturesSatisfied("EH3", company(...codes))).toEqual({
        satisfied: false,
        needed: "soleOrMajorityOfJoint",
      });
    });

    it("is unattainable with only proxies and a director without authority", () => {
      expect(signaturesSatisfied("EH3", company("nb+", "v+", "b+"))).toEqual({
        satisfied: false,
        needed: "unattainable",
      });
    });
  });

  describe("EH4: everyone with authority", () => {
    it.each([
      ["the sole owner", ["azb+"]],
      ["all but the one without authority", ["gb+", "gb+", "b+", "nb"]],
      ["every kind of authority", ["azb+", "gb+", "v+", "b+", "nb+"]],
      ["the full proxy beside a director without authority", ["nb", "v+"]],
    ])("satisfied by %s", (_, codes) => {
      expect(signaturesSatisfied("EH4", company(...codes)).satisfied).toBe(true);
    });

    it.each([
      ["a sole director without the full proxy", ["azb+", "v"]],
      ["two of three joint directors", ["gb+", "gb+", "gb"]],
      ["the joint directors without the limited proxy", ["gb+", "gb+", "b"]],
    ])("not satisfied by %s", (_, codes) => {
      expect(signaturesSatisfied("EH4", company(...codes))).toEqual({
        satisfied: false,
        needed: "allWithAuthority",
      });
    });

    it("is unattainable when nobody has authority", () => {
      expect(signaturesSatisfied("EH4", company("nb+", "nb+")).needed).toBe("unattainable");
    });
  });
});

describe("signaturesNeeded", () => {
  it.each([
    ["EH2+", ["gb", "gb"], { kind: "joint", count: 2, of: 2 }],
    ["EH2+", ["azb"], { kind: "sole", count: 1, of: 1 }],
    ["EH2+", ["azb", "gb", "gb"], { kind: "sole", count: 1, of: 1 }],
    ["EH2+", ["gb", "gb", "gb", "b"], { kind: "joint", count: 2, of: 4 }],
    ["EH2+", ["nb", "v"], { kind: "sole", count: 1, of: 1 }],
    ["EH3", ["gb", "gb", "gb", "b"], { kind: "joint", count: 2, of: 3 }],
    ["EH3", ["gb", "gb", "gb", "gb"], { kind: "joint", count: 3, of: 4 }],
    ["EH3", ["azb", "azb", "gb"], { kind: "sole", count: 1, of: 2 }],
    ["EH4", ["gb", "gb", "gb", "b"], { kind: "all", count: 4, of: 4 }],
    ["EH4", ["nb", "v"], { kind: "all", count: 1, of: 1 }],
  ] as const)("%s with %j: %j", (level, codes, expected) => {
    expect(signaturesNeeded(level, company(...codes))).toEqual(expected);
  });

  it.each([
    ["EH2+", ["gb", "nb"]],
    ["EH3", ["nb", "v", "b"]],
    ["EH4", ["nb"]],
    ["EH4", []],
  ] as const)("%s with %j: none suffices", (level, codes) => {
    expect(signaturesNeeded(level, company(...codes))).toBeUndefined();
  });

  it("is attainable exactly when everyone who can sign signing satisfies the level", () => {
    const authority = fc.constantFrom<Authority>(...authoritySchema.options);
    fc.assert(
      fc.property(
        fc.constantFrom(...levelSchema.options),
        fc.array(authority, { maxLength: 8 }),
        (level, authorities) => {
          const allWhoCanSign = authorities.map((a) => ({ authority: a, signed: canSign(a) }));
          expect(signaturesSatisfied(level, allWhoCanSign).satisfied).toBe(
            signaturesNeeded(level, allWhoCanSign) !== undefined,
          );
        },
      ),
    );
  });
});
