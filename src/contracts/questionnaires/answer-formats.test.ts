import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  answerErrorCodes as codes,
  formatIban,
  type Parsed,
  parseAmount,
  parseBsn,
  parseDate,
  parseEmail,
  parseIban,
  parseLongText,
  parseMultipleChoice,
  parseNumber,
  parsePhone,
  parsePostcode,
  parsePostcodeAddress,
  parseSingleChoice,
  parseText,
} from "./answer-formats.ts";

function accepted<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`refused: ${parsed.code}`);
  return parsed.value;
}

function codeOf(parsed: Parsed<unknown>) {
  return parsed.ok ? `accepted ${JSON.stringify(parsed.value)}` : parsed.code;
}

describe("parseText and parseLongText", () => {
  it("trims and keeps up to 500 characters on one line", () => {
    expect(accepted(parseText("  Jan Jansen "))).toBe("Jan Jansen");
    expect(accepted(parseText("x".repeat(500)))).toHaveLength(500);
    expect(codeOf(parseText("x".repeat(501)))).toBe(codes.tooLong);
    expect(codeOf(parseText("Jan\nJansen"))).toBe(codes.controlCharacter);
    expect(codeOf(parseText("Jan\u0000"))).toBe(codes.controlCharacter);
  });

  it("keeps line breaks in a long text, up to 5000 characters", () => {
    expect(accepted(parseLongText("regel 1\r\nregel 2\n"))).toBe("regel 1\r\nregel 2");
    expect(accepted(parseLongText("x".repeat(5000)))).toHaveLength(5000);
    expect(codeOf(parseLongText("x".repeat(5001)))).toBe(codes.tooLong);
    expect(codeOf(parseLongText("a\u0007b"))).toBe(codes.controlCharacter);
  });
});

describe("parseNumber", () => {
  it.each([
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["12,5", 12.5],
    ["1.234,5", 1234.5],
    ["-3", -3],
    ["-1.000,25", -1000.25],
    ["0,5", 0.5],
    [" 42 ", 42],
    ["1234", 1234],
    ["007", 7],
  ])("reads %j as %d", (typed, expected) => {
    expect(accepted(parseNumber(typed))).toBe(expected);
  });

  it("stores -0 as 0", () => {
    expect(Object.is(accepted(parseNumber("-0")), 0)).toBe(true);
  });

  it.each([
    ["a dot as decimal point", "12.5"],
    ["a dot not between thousands", "1.23"],
    ["the English notation", "1,234.5"],
    ["two commas", "1,2,3"],
    ["two dots in a row", "1..234"],
    ["a comma without decimals", "1,"],
    ["decimals without an integer part", ",5"],
    ["an exponent", "1e5"],
    ["a space between thousands", "1 234"],
    ["a plus sign", "+3"],
    ["two minus signs", "--3"],
    ["letters", "twaalf"],
    ["nothing", ""],
    ["more digits than a double holds", "1234567890123456"],
  ])("refuses %s (%j)", (_, typed) => {
    expect(codeOf(parseNumber(typed))).toBe(codes.invalidNumber);
  });

  it("reads back every integer of up to 15 digits as the Dutch notation writes it", () => {
    const dutch = new Intl.NumberFormat("nl-NL");
    fc.assert(
      fc.property(fc.integer({ min: 1 - 1e15, max: 1e15 - 1 }), (value) => {
        expect(accepted(parseNumber(dutch.format(value)))).toBe(value);
      }),
    );
  });
});

describe("parseAmount", () => {
  it.each([
    ["€ 1.234,56", 123456],
    ["€1.234,56", 123456],
    ["1234,5", 123450],
    ["1.234", 123400],
    ["1234", 123400],
    ["€ 1.234,-", 123400],
    ["0,01", 1],
    ["€ 0", 0],
    ["999.999.999.999,99", 99999999999999],
  ])("reads %j as %d cents", (typed, cents) => {
    expect(accepted(parseAmount(typed))).toBe(cents);
  });

  it.each([
    ["a dot as decimal point", "1234.5"],
    ["three decimals", "12,345"],
    ["a negative amount", "-5"],
    ["a negative amount after the euro sign", "€ -5"],
    ["another currency", "USD 5"],
    ["the English notation", "1,234.56"],
    ["a trillion euros", "1.000.000.000.000"],
    ["nothing", ""],
  ])("refuses %s (%j)", (_, typed) => {
    expect(codeOf(parseAmount(typed))).toBe(codes.invalidAmount);
  });
});

describe("parseDate", () => {
  it.each([
    ["2026-12-06", "2026-12-06"],
    ["6-12-2026", "2026-12-06"],
    ["06-12-2026", "2026-12-06"],
    ["29-02-2024", "2024-02-29"],
    ["2024-02-29", "2024-02-29"],
    [" 1-1-1950 ", "1950-01-01"],
  ])("reads %j as %s", (typed, expected) => {
    expect(accepted(parseDate(typed))).toBe(expected);
  });

  it.each([
    ["29 February of a common year", "29-02-2023"],
    ["31 February", "31-02-2024"],
    ["31 April", "2026-04-31"],
    ["month 13", "2026-13-01"],
    ["day 0", "0-12-2026"],
    ["month 0", "2026-00-10"],
    ["slashes", "06/12/2026"],
    ["a two-digit year", "06-12-26"],
    ["a year starting with 0", "0202-01-01"],
    ["words", "6 december 2026"],
    ["nothing", ""],
  ])("refuses %s (%j)", (_, typed) => {
    expect(codeOf(parseDate(typed))).toBe(codes.invalidDate);
  });
});

describe("parseEmail", () => {
  it("lower-cases the domain only", () => {
    expect(accepted(parseEmail(" Jan.Jansen@Example.NL "))).toBe("Jan.Jansen@example.nl");
    expect(accepted(parseEmail("a+b@mail.notaris.nl"))).toBe("a+b@mail.notaris.nl");
  });

  it.each([
    ["no domain", "jan@"],
    ["no dot in the domain", "jan@example"],
    ["a one-letter top-level domain", "jan@example.n"],
    ["a space", "jan jansen@example.nl"],
    ["two @", "jan@jansen@example.nl"],
    ["an empty domain label", "jan@example..nl"],
    ["no local part", "@example.nl"],
    ["a control character", "jan\u0000@example.nl"],
    ["too long", `${"a".repeat(64)}@${"b".repeat(190)}.nl`],
  ])("refuses %s", (_, typed) => {
    expect(codeOf(parseEmail(typed))).toBe(codes.invalidEmail);
  });
});

describe("parsePhone", () => {
  it.each([
    ["020-1234567", "+31201234567"],
    ["(020) 123 45 67", "+31201234567"],
    ["+31 (0)20 123 4567", "+31201234567"],
    ["0031 20 123 4567", "+31201234567"],
    ["06 12345678", "+31612345678"],
    ["085-123 45 67", "+31851234567"],
    ["+32 470 12 34 56", "+32470123456"],
    ["0049 151 12345678", "+4915112345678"],
  ])("normalises %j to %s", (typed, expected) => {
    expect(accepted(parsePhone(typed))).toBe(expected);
  });

  it.each([
    ["a Dutch number with a digit missing", "020-123456"],
    ["a Dutch number with a digit too many", "020-12345678"],
    ["too short", "12345"],
    ["letters", "020-abcdefg"],
    ["a country code starting with 0", "+0612345678"],
    ["too long for E.164", "+1234567890123456"],
    ["more than anyone types", `020 1234567${" ".repeat(30)}8`],
  ])("refuses %s", (_, typed) => {
    expect(codeOf(parsePhone(typed))).toBe(codes.invalidPhoneNumber);
  });
});

describe("parseIban", () => {
  it("accepts a valid IBAN, typed in lower case with spaces, and stores it compact", () => {
    expect(accepted(parseIban("NL91ABNA0417164300"))).toBe("NL91ABNA0417164300");
    expect(accepted(parseIban(" nl91 abna 0417 1643 00 "))).toBe("NL91ABNA0417164300");
  });

  it("accepts IBANs of other SEPA countries and of countries outside the table", () => {
    expect(accepted(parseIban("BE68 5390 0754 7034"))).toBe("BE68539007547034");
    expect(accepted(parseIban("DE89 3704 0044 0532 0130 00"))).toBe("DE89370400440532013000");
    expect(accepted(parseIban("GB82 WEST 1234 5698 7654 32"))).toBe("GB82WEST12345698765432");
    expect(accepted(parseIban("TR33 0006 1005 1978 6457 8413 26"))).toBe(
      "TR330006100519786457841326",
    );
  });

  it("refuses every change of one digit of a valid IBAN", () => {
    const valid = "NL91ABNA0417164300";
    for (let index = 0; index < valid.length; index++) {
      if (!/\d/.test(valid.charAt(index))) continue;
      for (const digit of "0123456789") {
        if (digit === valid[index]) continue;
        const typo = valid.slice(0, index) + digit + valid.slice(index + 1);
        expect(codeOf(parseIban(typo)), typo).toBe(codes.invalidIban);
      }
    }
  });

  it("refuses swapped neighbours, which the check digits catch", () => {
    expect(codeOf(parseIban("NL91ABNA0417163400"))).toBe(codes.invalidIban);
  });

  it.each([
    ["a Dutch IBAN one character short", "NL91ABNA041716430"],
    ["a Belgian IBAN of Dutch length", "BE685390075470341"],
    ["digits where a Dutch bank code has letters", "NL91123A0417164300"],
    ["no country", "91ABNA0417164300"],
    ["punctuation", "NL91-ABNA-0417-1643-00"],
    ["nothing", ""],
  ])("refuses %s", (_, typed) => {
    expect(codeOf(parseIban(typed))).toBe(codes.invalidIban);
  });

  it("formats in groups of four", () => {
    expect(formatIban("NL91ABNA0417164300")).toBe("NL91 ABNA 0417 1643 00");
    expect(formatIban("BE68539007547034")).toBe("BE68 5390 0754 7034");
  });
});

describe("parseBsn", () => {
  it.each([
    ["111222333", "111222333"],
    ["123456782", "123456782"],
    ["1234.56.782", "123456782"],
    [" 1234 56 782 ", "123456782"],
    ["10000008", "010000008"],
  ])("accepts %j as %s", (typed, expected) => {
    expect(accepted(parseBsn(typed))).toBe(expected);
  });

  it.each([
    ["a number failing the 11-proef", "123456789"],
    ["all zeros, which passes the 11-proef", "000000000"],
    ["seven digits", "1234567"],
    ["ten digits", "1234567890"],
    ["a letter", "12345678a"],
    ["nothing", ""],
  ])("refuses %s", (_, typed) => {
    expect(codeOf(parseBsn(typed))).toBe(codes.invalidBsn);
  });
});

describe("parsePostcode", () => {
  it.each(["1234 AB", "1234ab", "1234  ab", " 1234Ab "])("reads %j as 1234 AB", (typed) => {
    expect(accepted(parsePostcode(typed))).toBe("1234 AB");
  });

  it.each([
    ["a first digit 0", "0123 AB"],
    ["the unissued SA", "1234 SA"],
    ["the unissued SD", "1234 sd"],
    ["the unissued SS", "1234SS"],
    ["one letter", "1234 A"],
    ["five digits", "12345 AB"],
    ["a dash", "1234-AB"],
    ["letters first", "AB 1234"],
  ])("refuses %s", (_, typed) => {
    expect(codeOf(parsePostcode(typed))).toBe(codes.invalidPostcode);
  });
});

describe("parsePostcodeAddress", () => {
  const address = (houseNumber: string, addition?: string) =>
    parsePostcodeAddress({ postcode: "1234ab", houseNumber, addition });

  it("normalises the postcode and reads the house number", () => {
    expect(accepted(address(" 12 ", " a "))).toEqual({
      postcode: "1234 AB",
      houseNumber: 12,
      addition: "a",
    });
    expect(accepted(address("99999", "bis"))).toEqual({
      postcode: "1234 AB",
      houseNumber: 99999,
      addition: "bis",
    });
  });

  it("leaves a blank addition out", () => {
    expect(accepted(address("1", "  "))).toEqual({ postcode: "1234 AB", houseNumber: 1 });
    expect(accepted(address("1"))).toEqual({ postcode: "1234 AB", houseNumber: 1 });
  });

  it("names the field that is wrong", () => {
    const wrongPostcode = { postcode: "1234 SS", houseNumber: "1" };
    expect(codeOf(parsePostcodeAddress(wrongPostcode))).toBe(codes.invalidPostcode);
    expect(codeOf(address("0"))).toBe(codes.invalidHouseNumber);
    expect(codeOf(address("100000"))).toBe(codes.invalidHouseNumber);
    expect(codeOf(address("12a"))).toBe(codes.invalidHouseNumber);
    expect(codeOf(address(""))).toBe(codes.invalidHouseNumber);
    expect(codeOf(address("12", "1-hoog"))).toBe(codes.invalidHouseNumberAddition);
    expect(codeOf(address("12", "abcdefg"))).toBe(codes.invalidHouseNumberAddition);
  });
});

describe("choices", () => {
  const allowed = ["kind", "partner", "anders"];

  it("takes one of the options", () => {
    expect(accepted(parseSingleChoice("partner", allowed))).toBe("partner");
    expect(codeOf(parseSingleChoice("buurman", allowed))).toBe(codes.unknownOption);
    expect(codeOf(parseSingleChoice("Partner", allowed))).toBe(codes.unknownOption);
  });

  it("stores several options once each, in the order of the options", () => {
    expect(accepted(parseMultipleChoice(["anders", "kind", "anders"], allowed))).toEqual([
      "kind",
      "anders",
    ]);
    expect(codeOf(parseMultipleChoice(["kind", "buurman"], allowed))).toBe(codes.unknownOption);
  });
});
