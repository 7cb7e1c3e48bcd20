import { describe, expect, it } from "vitest";
import { groupSecret } from "./TotpSetup.tsx";

describe("groupSecret", () => {
  it("splits the secret into groups of four for typing it over", () => {
    expect(groupSecret("JBSWY3DPEHPK3PXPAB")).toBe("JBSW Y3DP EHPK 3PXP AB");
    expect(groupSecret("")).toBe("");
  });
});
