import { describe, expect, it } from "vitest";
import { checkLinkRequest } from "./link-request.ts";

describe("checkLinkRequest", () => {
  it("asks for a choice of account first", () => {
    expect(checkLinkRequest({ email: "" })).toEqual({ problems: { target: "missing" } });
  });

  it("links to the main account without an address, whatever was typed before", () => {
    expect(checkLinkRequest({ target: "main", email: "not an address" })).toEqual({
      body: { target: "main" },
    });
  });

  it("needs the address of the extra account, as the contract reads it", () => {
    expect(checkLinkRequest({ target: "extra", email: "  " })).toEqual({
      problems: { email: "missing" },
    });
    expect(checkLinkRequest({ target: "extra", email: "jan@" })).toEqual({
      problems: { email: "invalid" },
    });
    expect(checkLinkRequest({ target: "extra", email: " Jan@Bedrijf.NL " })).toEqual({
      body: { target: "extra", email: "jan@bedrijf.nl" },
    });
  });
});
