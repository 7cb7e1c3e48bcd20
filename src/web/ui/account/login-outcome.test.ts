import { describe, expect, it } from "vitest";
import { mustSetUpSecondFactor, nextPath } from "./login-outcome.ts";
import { paths } from "./paths.ts";

describe("nextPath", () => {
  it("leads to the second step when one follows", () => {
    expect(nextPath({ next: "second-factor", method: "sms", firstLogin: true }, "/")).toBe(
      paths.secondFactor,
    );
  });

  it("sends staff without a second step to set one up, even at the first login", () => {
    expect(nextPath({ next: "set-up-second-factor", firstLogin: true }, "/")).toBe(
      paths.setUpSecondFactor,
    );
  });

  it("opens Mijn gegevens at the first login, else the page asked for or the home", () => {
    expect(nextPath({ next: "done", firstLogin: true }, "/", "/clients")).toBe(paths.myDetails);
    expect(nextPath({ next: "done", firstLogin: false }, "/", "/clients")).toBe("/clients");
    expect(nextPath({ next: "done", firstLogin: false }, "/")).toBe("/");
  });
});

describe("mustSetUpSecondFactor", () => {
  it("holds for staff and platform accounts without a second step only", () => {
    expect(mustSetUpSecondFactor({ kind: "staff", twoFactorMethod: "none" })).toBe(true);
    expect(mustSetUpSecondFactor({ kind: "platform", twoFactorMethod: "none" })).toBe(true);
    expect(mustSetUpSecondFactor({ kind: "staff", twoFactorMethod: "totp" })).toBe(false);
    expect(mustSetUpSecondFactor({ kind: "client", twoFactorMethod: "none" })).toBe(false);
  });
});
