import { describe, expect, it } from "vitest";
import { maskedTarget } from "./application-codes.ts";

describe("where a code went, partly hidden", () => {
  it("keeps the start of an address and its domain", () => {
    expect(maskedTarget("anna@example.nl")).toBe("an•••@example.nl");
    expect(maskedTarget("a@example.nl")).toBe("a•••@example.nl");
  });

  it("keeps the last two digits of a number", () => {
    expect(maskedTarget("+31612345678")).toBe("••••••••••78");
  });
});
