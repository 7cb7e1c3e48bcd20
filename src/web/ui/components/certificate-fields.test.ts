import { describe, expect, it } from "vitest";
import { passwordGroups } from "./CertificatePassword.tsx";
import { localPartProblem, mobileProblem } from "./certificate-fields.ts";
import { splitEmail } from "./EmailLocalPartField.tsx";

describe("localPartProblem", () => {
  it("accepts what the contract accepts", () => {
    expect(localPartProblem("info")).toBeUndefined();
    expect(localPartProblem("it.beheer+pki")).toBeUndefined();
  });

  it("names a missing and a wrong part before the @", () => {
    expect(localPartProblem("  ")).toBe("missing");
    expect(localPartProblem("info@kantoor.nl")).toBe("invalid");
    expect(localPartProblem("twee woorden")).toBe("invalid");
    expect(localPartProblem("a".repeat(65))).toBe("invalid");
  });
});

describe("mobileProblem", () => {
  it("accepts Dutch and international ways of writing a mobile number", () => {
    expect(mobileProblem("06 12345678")).toBeUndefined();
    expect(mobileProblem("06-1234 5678")).toBeUndefined();
    expect(mobileProblem("+31 (0)6 12345678")).toBeUndefined();
  });

  it("refuses what cannot be a number", () => {
    expect(mobileProblem("")).toBe("missing");
    expect(mobileProblem("0612")).toBe("invalid");
    expect(mobileProblem("bel mij")).toBe("invalid");
  });
});

describe("splitEmail", () => {
  it("splits at the last @", () => {
    expect(splitEmail("info@kantoor.nl")).toEqual({ localPart: "info", domain: "kantoor.nl" });
    expect(splitEmail("zonder-at")).toEqual({ localPart: "zonder-at", domain: "" });
  });
});

describe("passwordGroups", () => {
  it("cuts the password after each dash, as it is typed, without losing a character", () => {
    const password = "2u8s-duxq-vncu-cace-jcyp";
    expect(passwordGroups(password)).toEqual(["2u8s-", "duxq-", "vncu-", "cace-", "jcyp"]);
    expect(passwordGroups(password).join("")).toBe(password);
  });

  it("keeps a password without dashes whole", () => {
    expect(passwordGroups("abcdefghij")).toEqual(["abcdefghij"]);
  });
});
