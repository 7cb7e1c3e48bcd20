import { describe, expect, it } from "vitest";
import type { AccountSummary } from "#src/contracts/accounts.ts";
import { isLoggedIn, sessionOfArea } from "./session.tsx";

const account = (kind: AccountSummary["kind"]): AccountSummary => ({
  id: "0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f",
  kind,
  name: "Anna Bol",
  email: "anna@bakkerijbol.nl",
  locale: "nl",
  role: null,
  officeName: null,
  isMainAccount: false,
  clientKind: null,
  twoFactorMethod: "totp",
  requiredSecondFactor: null,
});

describe("a session as a login area sees it", () => {
  it("is a login in the area of its kind of account", () => {
    const session = { csrfToken: "t", account: account("client"), stage: "complete" as const };
    expect(isLoggedIn(sessionOfArea(session, "portal"))).toBe(true);
  });

  it("is nobody in another area: an eHerkenning holder's session does not open the portal", () => {
    const session = { csrfToken: "t", account: account("means"), stage: "complete" as const };
    expect(sessionOfArea(session, "portal")).toEqual({ csrfToken: "t" });
    expect(isLoggedIn(sessionOfArea(session, "eherkenning"))).toBe(true);
  });
});
