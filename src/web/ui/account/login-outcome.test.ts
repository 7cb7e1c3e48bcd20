import { describe, expect, it } from "vitest";
import { mustSetUpSecondFactor, nextPath, nextState } from "./login-outcome.ts";
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

  it("opens the page asked for, else Mijn gegevens at the first login, else the home", () => {
    expect(nextPath({ next: "done", firstLogin: true }, "/", "/eherkenning/goedkeuren/abc")).toBe(
      "/eherkenning/goedkeuren/abc",
    );
    expect(nextPath({ next: "done", firstLogin: true }, "/")).toBe(paths.myDetails);
    expect(nextPath({ next: "done", firstLogin: false }, "/", "/clients")).toBe("/clients");
    expect(nextPath({ next: "done", firstLogin: false }, "/")).toBe("/");
  });
});

describe("nextState", () => {
  it("hands the page asked for to the second step, which leads there after its code", () => {
    const outcome = { next: "second-factor", method: "sms", firstLogin: false } as const;
    const state = nextState(outcome, "/eherkenning/goedkeuren/abc");
    expect(state).toEqual({ firstLogin: false, from: "/eherkenning/goedkeuren/abc" });
    expect(nextPath({ next: "done", firstLogin: false }, "/", state.from)).toBe(
      "/eherkenning/goedkeuren/abc",
    );
  });

  it("hands no page on once the login is done, only whether it was the first", () => {
    expect(nextState({ next: "done", firstLogin: true }, "/clients")).toEqual({ firstLogin: true });
    expect(nextState({ next: "second-factor", method: "totp", firstLogin: false })).toEqual({
      firstLogin: false,
    });
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
