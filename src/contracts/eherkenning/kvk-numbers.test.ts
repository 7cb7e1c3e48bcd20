import { describe, expect, it } from "vitest";
import {
  branchNumberSchema,
  bsnSchema,
  isElevenProof,
  kvkNumberErrorCodes,
  kvkNumberSchema,
  rsinSchema,
} from "./kvk-numbers.ts";

const errorOf = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe("isElevenProof", () => {
  it.each(["111222333", "123456782", "857200148", "010000008", "999999990"])(
    "accepts %s",
    (digits) => {
      expect(isElevenProof(digits)).toBe(true);
    },
  );

  it.each([
    ["a wrong check digit", "123456789"],
    ["two digits swapped", "213456782"],
    ["all zeros, which passes the sum", "000000000"],
    ["eight digits", "12345678"],
    ["ten digits", "1234567820"],
    ["separators", "1234.56.782"],
    ["a letter", "12345678a"],
    ["nothing", ""],
  ])("refuses %s", (_, digits) => {
    expect(isElevenProof(digits)).toBe(false);
  });
});

describe("kvkNumberSchema", () => {
  it.each([
    ["90000001", "90000001"],
    ["9000 0001", "90000001"],
    [" 90 00 00 01 ", "90000001"],
    ["01234567", "01234567"],
  ])("reads %j as %s", (typed, expected) => {
    expect(kvkNumberSchema.parse(typed)).toBe(expected);
  });

  it.each([
    ["seven digits", "9000001"],
    ["nine digits", "900000011"],
    ["a letter", "9000000a"],
    ["dashes", "9000-0001"],
    ["nothing", ""],
    ["a long run of spaces", `${" ".repeat(40)}90000001`],
  ])("refuses %s", (_, typed) => {
    expect(errorOf(kvkNumberSchema.safeParse(typed))).toBe(kvkNumberErrorCodes.invalidKvkNumber);
  });

  it("checks no check digit: any eight digits are a KvK number", () => {
    expect(kvkNumberSchema.parse("12345678")).toBe("12345678");
  });
});

describe("branchNumberSchema", () => {
  it.each([
    ["000037178598", "000037178598"],
    ["0000 3717 8598", "000037178598"],
  ])("reads %j as %s", (typed, expected) => {
    expect(branchNumberSchema.parse(typed)).toBe(expected);
  });

  it.each([
    ["eleven digits", "00003717859"],
    ["thirteen digits", "0000371785980"],
    ["a KvK number", "90000001"],
    ["a letter", "00003717859x"],
  ])("refuses %s", (_, typed) => {
    expect(errorOf(branchNumberSchema.safeParse(typed))).toBe(
      kvkNumberErrorCodes.invalidBranchNumber,
    );
  });
});

describe.each([
  ["rsinSchema", rsinSchema, kvkNumberErrorCodes.invalidRsin],
  ["bsnSchema", bsnSchema, kvkNumberErrorCodes.invalidBsn],
])("%s", (_, schema, code) => {
  it.each([
    ["111222333", "111222333"],
    ["123456782", "123456782"],
    ["1234.56.782", "123456782"],
    [" 123 456 782 ", "123456782"],
    ["10000008", "010000008"],
  ])("reads %j as %s", (typed, expected) => {
    expect(schema.parse(typed)).toBe(expected);
  });

  it.each([
    ["a number failing the 11-proef", "123456789"],
    ["all zeros", "000000000"],
    ["all zeros of eight digits", "00000000"],
    ["seven digits", "1234567"],
    ["ten digits", "1234567820"],
    ["a letter", "12345678a"],
    ["nothing", ""],
  ])("refuses %s", (_, typed) => {
    expect(errorOf(schema.safeParse(typed))).toBe(code);
  });
});
