import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmount } from "./answer-formats.ts";
import type { Question, QuestionType } from "./definition.ts";
import { formatAnswer } from "./format-answer.ts";

function question(type: QuestionType): Question {
  const options = [
    { value: "kind", label: { nl: "Kind", en: "Child" } },
    { value: "partner", label: { nl: "Partner", en: "Partner" } },
    { value: "anders", label: { nl: "Iemand anders", en: "Someone else" } },
  ];
  const isChoice = type === "singleChoice" || type === "multipleChoice";
  return {
    kind: "question",
    id: "q",
    type,
    label: { nl: "Vraag", en: "Question" },
    required: true,
    ...(isChoice ? { options } : {}),
  };
}

describe("formatAnswer", () => {
  it("writes a date in words, in the reader's language", () => {
    expect(formatAnswer(question("date"), "2026-12-06", "nl")).toBe("6 december 2026");
    expect(formatAnswer(question("date"), "2026-12-06", "en")).toBe("6 December 2026");
    expect(formatAnswer(question("date"), "1950-01-31", "nl")).toBe("31 januari 1950");
  });

  it("writes an amount in euros from its cents, in Dutch notation", () => {
    expect(formatAnswer(question("amount"), 123456, "nl")).toBe("€ 1.234,56");
    expect(formatAnswer(question("amount"), 123456, "en")).toBe("€ 1.234,56");
    expect(formatAnswer(question("amount"), 5, "nl")).toBe("€ 0,05");
    expect(formatAnswer(question("amount"), 35000000, "nl")).toBe("€ 350.000,00");
  });

  it("writes an amount that reads back as the same cents", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 - 1 }), (cents) => {
        const written = formatAnswer(question("amount"), cents, "nl");
        expect(parseAmount(written)).toEqual({ ok: true, value: cents });
      }),
    );
  });

  it("writes a number in Dutch notation", () => {
    expect(formatAnswer(question("number"), 1234.5, "en")).toBe("1.234,5");
    expect(formatAnswer(question("number"), -3, "nl")).toBe("-3");
  });

  it("says yes or no in the reader's language", () => {
    expect(formatAnswer(question("yesNo"), true, "nl")).toBe("Ja");
    expect(formatAnswer(question("yesNo"), false, "nl")).toBe("Nee");
    expect(formatAnswer(question("yesNo"), true, "en")).toBe("Yes");
    expect(formatAnswer(question("yesNo"), false, "en")).toBe("No");
  });

  it("shows the labels of the chosen options", () => {
    expect(formatAnswer(question("singleChoice"), "anders", "nl")).toBe("Iemand anders");
    expect(formatAnswer(question("singleChoice"), "anders", "en")).toBe("Someone else");
    expect(formatAnswer(question("multipleChoice"), ["kind", "anders"], "nl")).toBe(
      "Kind, Iemand anders",
    );
  });

  it("groups an IBAN by four", () => {
    expect(formatAnswer(question("iban"), "NL91ABNA0417164300", "nl")).toBe(
      "NL91 ABNA 0417 1643 00",
    );
  });

  it("writes an address as on an envelope", () => {
    const address = { postcode: "1234 AB", houseNumber: 12 };
    expect(formatAnswer(question("postcode"), address, "nl")).toBe("1234 AB 12");
    const withLetter = { ...address, addition: "a" };
    expect(formatAnswer(question("postcode"), withLetter, "nl")).toBe("1234 AB 12a");
    const withNumber = { ...address, addition: "2" };
    expect(formatAnswer(question("postcode"), withNumber, "nl")).toBe("1234 AB 12-2");
  });

  it("shows a file by its name and text as stored", () => {
    const file = { documentId: "0b7c8a2e-4f7e-4a53-9d5c-6f1a2b3c4d5e", name: "akte.pdf" };
    expect(formatAnswer(question("file"), file, "nl")).toBe("akte.pdf");
    expect(formatAnswer(question("phone"), "+31201234567", "nl")).toBe("+31201234567");
    expect(formatAnswer(question("longText"), "regel 1\nregel 2", "en")).toBe("regel 1\nregel 2");
  });
});
