import { describe, expect, it } from "vitest";
import { optionalPhoneNumberSchema, phoneNumberSchema } from "./phone-number.ts";

describe("phoneNumberSchema", () => {
  it.each([
    "06 12345678",
    "06-12345678",
    "+31 6-1234 5678",
    "+31 (0)6 1234 5678",
    "0031612345678",
    "0031 (0)6 12 34 56 78",
    "  06.123.456.78 ",
  ])("normalises %j to +31612345678", (typed) => {
    expect(phoneNumberSchema.parse(typed)).toBe("+31612345678");
  });

  it("keeps a foreign number in international form", () => {
    expect(phoneNumberSchema.parse("+32 470 12 34 56")).toBe("+32470123456");
    expect(phoneNumberSchema.parse("0049 151 12345678")).toBe("+4915112345678");
  });

  it.each([
    ["empty", ""],
    ["letters", "06-abcdefgh"],
    ["too short", "12345"],
    ["a Dutch mobile number with a digit missing", "06 1234567"],
    ["a Dutch mobile number with a digit too many", "06 123456789"],
    ["a Dutch landline, which cannot receive texts", "020 123 4567"],
    ["too long for E.164", "+1234567890123456"],
    ["a country code starting with 0", "+0612345678"],
    ["an extension", "06 12345678 ext 12"],
    ["a negative number", "-1"],
    ["a NUL byte", "06 1234\u00005678"],
    ["more than anyone types", `06 12345678${" ".repeat(30)}9`],
  ])("refuses %s", (_, typed) => {
    const result = phoneNumberSchema.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("invalid_phone_number");
  });
});

describe("optionalPhoneNumberSchema", () => {
  it.each([undefined, "", "   "])("takes %j as no number", (typed) => {
    expect(optionalPhoneNumberSchema.parse(typed)).toBeUndefined();
  });

  it("normalises a number", () => {
    expect(optionalPhoneNumberSchema.parse(" 06 11112222 ")).toBe("+31611112222");
  });

  it("refuses what is no number", () => {
    const result = optionalPhoneNumberSchema.safeParse("abc");
    expect(result.error?.issues[0]?.message).toBe("invalid_phone_number");
  });
});
