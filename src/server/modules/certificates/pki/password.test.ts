import { describe, expect, it } from "vitest";
import { generateInstallPassword, installPasswordAlphabet } from "./password.ts";

describe("generateInstallPassword", () => {
  it("makes five dash-separated groups of four from the alphabet", () => {
    expect(generateInstallPassword()).toMatch(/^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){4}$/);
  });

  it("uses no characters that look alike", () => {
    expect(installPasswordAlphabet).not.toMatch(/[01ilo]/);
    expect(new Set(installPasswordAlphabet).size).toBe(installPasswordAlphabet.length);
  });

  it("has at least 90 bits of entropy", () => {
    const symbols = generateInstallPassword().replaceAll("-", "").length;
    expect(symbols * Math.log2(installPasswordAlphabet.length)).toBeGreaterThanOrEqual(90);
  });

  it("draws every symbol of the alphabet, and never the same password twice", () => {
    const passwords = Array.from({ length: 1000 }, generateInstallPassword);
    expect(new Set(passwords).size).toBe(passwords.length);
    expect(new Set(passwords.join("").replaceAll("-", "")).size).toBe(
      installPasswordAlphabet.length,
    );
  });
});
