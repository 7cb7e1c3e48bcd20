import { describe, expect, it } from "vitest";
import {
  hashToken,
  newNumericCode,
  newRecoveryCode,
  newToken,
  normaliseRecoveryCode,
  safeEqual,
} from "./random-secrets.ts";

describe("newToken", () => {
  it("is 32 random bytes in base64url", () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("differs every time", () => {
    const tokens = new Set(Array.from({ length: 100 }, newToken));
    expect(tokens.size).toBe(100);
  });
});

describe("hashToken", () => {
  it("is the hex SHA-256 of the token", () => {
    // SHA-256("abc") from FIPS 180-2, appendix B.1.
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("newNumericCode", () => {
  it("has six digits by default", () => {
    for (let i = 0; i < 200; i += 1) expect(newNumericCode()).toMatch(/^\d{6}$/);
  });

  it("keeps leading zeros and reaches every digit", () => {
    // With 2000 two-digit codes, missing a leading 0 has a chance of 0.9^2000.
    const codes = Array.from({ length: 2000 }, () => newNumericCode(2));
    expect(codes.every((code) => /^\d{2}$/.test(code))).toBe(true);
    expect(new Set(codes.map((code) => code[0]))).toEqual(new Set("0123456789"));
  });

  it("refuses a length it cannot draw uniformly", () => {
    expect(() => newNumericCode(0)).toThrow(RangeError);
    expect(() => newNumericCode(13)).toThrow(RangeError);
    expect(() => newNumericCode(4.5)).toThrow(RangeError);
  });
});

describe("newRecoveryCode", () => {
  it("is three groups of four unambiguous symbols", () => {
    const codes = Array.from({ length: 1000 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}$/);
    // 12,000 symbols drawn from 31: every symbol shows up, so none was left out by mistake.
    expect(new Set(codes.join("").replaceAll("-", ""))).toEqual(
      new Set("23456789ABCDEFGHJKMNPQRSTUVWXYZ"),
    );
    expect(new Set(codes).size).toBe(1000);
  });
});

describe("normaliseRecoveryCode", () => {
  it("accepts the code typed loosely", () => {
    expect(normaliseRecoveryCode("7KQ4-M2XW-9RTF")).toBe("7KQ4M2XW9RTF");
    expect(normaliseRecoveryCode(" 7kq4 m2xw\t9rtf ")).toBe("7KQ4M2XW9RTF");
    expect(normaliseRecoveryCode("7kq4–m2xw—9rtf")).toBe("7KQ4M2XW9RTF");
    expect(normaliseRecoveryCode("7kq4m2xw9rtf")).toBe("7KQ4M2XW9RTF");
  });

  it("makes a fresh code and its loose form hash the same", () => {
    const code = newRecoveryCode();
    const typed = ` ${code.toLowerCase().replaceAll("-", " ")} `;
    expect(hashToken(normaliseRecoveryCode(typed))).toBe(hashToken(normaliseRecoveryCode(code)));
  });
});

describe("safeEqual", () => {
  it("is true only for equal strings", () => {
    expect(safeEqual("123456", "123456")).toBe(true);
    expect(safeEqual("123456", "123457")).toBe(false);
    expect(safeEqual("", "")).toBe(true);
  });

  it("is false, without throwing, for different lengths", () => {
    expect(safeEqual("12345", "123456")).toBe(false);
    expect(safeEqual("", "x")).toBe(false);
    // Same number of characters, different number of bytes.
    expect(safeEqual("é", "e")).toBe(false);
  });
});
