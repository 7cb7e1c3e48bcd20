import { describe, expect, it } from "vitest";
import { answerErrorCodes } from "./answer-formats.ts";
import type { Answers, RawGroupItem, RawPageInput } from "./answers.ts";
import { type Question, type QuestionType, questionnaireDefinitionSchema } from "./definition.ts";
import { pageErrorCodes as codes, validatePage, withPageAnswers } from "./validate-page.ts";

const text = (value: string) => ({ nl: value, en: value });

function question(id: string, type: QuestionType, extra: Partial<Question> = {}) {
  return { kind: "question", id, type, label: text(id), required: true, ...extra };
}

function choice(id: string, type: QuestionType, values: string[], extra: Partial<Question> = {}) {
  const options = values.map((value) => ({ value, label: text(value) }));
  return question(id, type, { options, ...extra });
}

const definition = questionnaireDefinitionSchema.parse({
  title: text("Koop van een woning"),
  pages: [
    {
      id: "persoon",
      title: text("Persoon"),
      items: [
        question("naam", "text"),
        question("geboortedatum", "date"),
        question("getrouwd", "yesNo"),
        question("partner", "text", { condition: { questionId: "getrouwd", equals: true } }),
        choice("bezit", "multipleChoice", ["woning", "auto", "spaargeld"], { required: false }),
        question("telefoon", "phone", { required: false }),
      ],
    },
    {
      id: "woning",
      title: text("Woning"),
      condition: { questionId: "bezit", equals: "woning" },
      items: [
        question("adres", "postcode"),
        question("waarde", "amount"),
        {
          kind: "group",
          id: "kopers",
          label: text("Kopers"),
          itemLabel: text("Koper"),
          minItems: 1,
          maxItems: 2,
          questions: [
            question("naam_koper", "text"),
            choice("rol", "singleChoice", ["koper", "partner", "anders"]),
            question("toelichting", "text", { condition: { questionId: "rol", equals: "anders" } }),
            question("bsn", "bsn", { required: false }),
          ],
        },
      ],
    },
    {
      id: "afsluiting",
      title: text("Afsluiting"),
      items: [
        question("opmerkingen", "longText", { required: false }),
        question("bijlage", "file", { required: false }),
      ],
    },
  ],
});

const person: RawPageInput = {
  naam: " Jan Jansen ",
  geboortedatum: "6-12-1960",
  getrouwd: false,
  bezit: ["spaargeld", "woning"],
  telefoon: "020-123 45 67",
};
const house: RawPageInput = {
  adres: { postcode: "1234ab", houseNumber: "12", addition: "a" },
  waarde: "€ 350.000,-",
  kopers: [{ naam_koper: "Jan", rol: "koper", bsn: "1234.56.782" }],
};
const withHouse: Answers = { bezit: ["woning"] };

function errorsOf(result: ReturnType<typeof validatePage>) {
  return result.ok ? [] : result.errors.map(({ path, code }) => `${path.join(".")}: ${code}`);
}

describe("validatePage", () => {
  it("normalises a page's answers", () => {
    expect(validatePage(definition, "persoon", person, {})).toEqual({
      ok: true,
      answers: {
        naam: "Jan Jansen",
        geboortedatum: "1960-12-06",
        getrouwd: false,
        bezit: ["woning", "spaargeld"],
        telefoon: "+31201234567",
      },
    });
  });

  it("asks for every visible required question, and only those", () => {
    expect(errorsOf(validatePage(definition, "persoon", {}, {}))).toEqual([
      `naam: ${codes.required}`,
      `geboortedatum: ${codes.required}`,
      `getrouwd: ${codes.required}`,
    ]);
  });

  it("going back (partial), keeps what is valid and asks for nothing yet, but refuses what is wrong", () => {
    expect(validatePage(definition, "persoon", { naam: "Jan" }, {}, { partial: true })).toEqual({
      ok: true,
      answers: { naam: "Jan" },
    });
    expect(
      validatePage(definition, "woning", { kopers: [] }, withHouse, { partial: true }),
    ).toEqual({ ok: true, answers: { kopers: [] } });
    const wrongDate = { naam: "Jan", geboortedatum: "31-02-1960" };
    expect(errorsOf(validatePage(definition, "persoon", wrongDate, {}, { partial: true }))).toEqual(
      [`geboortedatum: ${answerErrorCodes.invalidDate}`],
    );
  });

  it("counts blank text, no choice and a cleared field as no answer", () => {
    const blank = { ...person, naam: "   ", bezit: [], telefoon: null };
    expect(errorsOf(validatePage(definition, "persoon", blank, {}))).toEqual([
      `naam: ${codes.required}`,
    ]);
    const result = validatePage(definition, "persoon", { ...blank, naam: "Jan" }, {});
    expect(result.ok && Object.keys(result.answers)).toEqual(["naam", "geboortedatum", "getrouwd"]);
  });

  it("follows a condition on an answer earlier on the same page", () => {
    const married = { ...person, getrouwd: true };
    expect(errorsOf(validatePage(definition, "persoon", married, {}))).toEqual([
      `partner: ${codes.required}`,
    ]);
    const result = validatePage(definition, "persoon", { ...married, partner: "Marie" }, {});
    expect(result.ok && result.answers.partner).toBe("Marie");
  });

  it("drops what a hidden question holds", () => {
    const result = validatePage(definition, "persoon", { ...person, partner: "Marie" }, {});
    expect(result.ok && result.answers).not.toHaveProperty("partner");
  });

  it("replaces the page's stored answers rather than reading them", () => {
    const stored: Answers = { getrouwd: true, partner: "Marie" };
    const result = validatePage(definition, "persoon", person, stored);
    expect(result.ok && result.answers).not.toHaveProperty("partner");
    const nowMarried = { ...person, getrouwd: true };
    const unmarried: Answers = { getrouwd: false };
    expect(errorsOf(validatePage(definition, "persoon", nowMarried, unmarried))).toEqual([
      `partner: ${codes.required}`,
    ]);
    const { getrouwd: _, ...cleared } = person;
    expect(errorsOf(validatePage(definition, "persoon", cleared, stored))).toEqual([
      `getrouwd: ${codes.required}`,
    ]);
  });

  it("reports every refused answer with its format's code", () => {
    const typos = { ...person, geboortedatum: "31-02-1960", telefoon: "020-12", bezit: ["boot"] };
    expect(errorsOf(validatePage(definition, "persoon", typos, {}))).toEqual([
      `geboortedatum: ${answerErrorCodes.invalidDate}`,
      `bezit: ${answerErrorCodes.unknownOption}`,
      `telefoon: ${answerErrorCodes.invalidPhoneNumber}`,
    ]);
  });

  it("refuses an answer of the wrong shape for its question", () => {
    const wrong = { ...person, naam: true, getrouwd: "ja", bezit: "woning" };
    expect(errorsOf(validatePage(definition, "persoon", wrong, {}))).toEqual([
      `naam: ${codes.invalidAnswer}`,
      `getrouwd: ${codes.invalidAnswer}`,
      `bezit: ${codes.invalidAnswer}`,
    ]);
    const fileAsText = { bijlage: "akte.pdf" };
    expect(errorsOf(validatePage(definition, "afsluiting", fileAsText, {}))).toEqual([
      `bijlage: ${codes.invalidAnswer}`,
    ]);
  });

  it("refuses a key that is no question of the page", () => {
    const extra = { ...person, leeftijd: "64", waarde: "€ 1" };
    expect(errorsOf(validatePage(definition, "persoon", extra, {}))).toEqual([
      `leeftijd: ${codes.unknownQuestion}`,
      `waarde: ${codes.unknownQuestion}`,
    ]);
  });

  it("refuses an unknown page, and a page an earlier answer hides", () => {
    expect(errorsOf(validatePage(definition, "betaling", {}, {}))).toEqual([
      `: ${codes.unknownPage}`,
    ]);
    expect(errorsOf(validatePage(definition, "woning", house, { bezit: ["auto"] }))).toEqual([
      `: ${codes.pageNotVisible}`,
    ]);
  });

  it("keeps a file answer", () => {
    const bijlage = { documentId: "0b7c8a2e-4f7e-4a53-9d5c-6f1a2b3c4d5e", name: "akte.pdf" };
    const result = validatePage(definition, "afsluiting", { bijlage, opmerkingen: "" }, {});
    expect(result).toEqual({ ok: true, answers: { bijlage } });
  });

  describe("a repeating group", () => {
    it("normalises each item", () => {
      expect(validatePage(definition, "woning", house, withHouse)).toEqual({
        ok: true,
        answers: {
          adres: { postcode: "1234 AB", houseNumber: 12, addition: "a" },
          waarde: 35000000,
          kopers: [{ naam_koper: "Jan", rol: "koper", bsn: "123456782" }],
        },
      });
    });

    it("needs at least its minimum of items and at most its maximum", () => {
      const none = { ...house, kopers: [] };
      expect(errorsOf(validatePage(definition, "woning", none, withHouse))).toEqual([
        `kopers: ${codes.tooFewItems}`,
      ]);
      const { kopers: _, ...absent } = house;
      expect(errorsOf(validatePage(definition, "woning", absent, withHouse))).toEqual([
        `kopers: ${codes.tooFewItems}`,
      ]);
      const buyer = { naam_koper: "Jan", rol: "koper" };
      const three = { ...house, kopers: [buyer, buyer, buyer] };
      expect(errorsOf(validatePage(definition, "woning", three, withHouse))).toEqual([
        `kopers: ${codes.tooManyItems}`,
      ]);
      const two = { ...house, kopers: [buyer, buyer] };
      expect(validatePage(definition, "woning", two, withHouse).ok).toBe(true);
    });

    it("checks each item's questions, with conditions on the item's own answers", () => {
      const kopers: RawGroupItem[] = [
        { naam_koper: "Jan", rol: "koper", toelichting: "wordt weggelaten" },
        { naam_koper: "", rol: "anders", bsn: "123456789" },
      ];
      expect(errorsOf(validatePage(definition, "woning", { ...house, kopers }, withHouse))).toEqual(
        [
          `kopers.1.naam_koper: ${codes.required}`,
          `kopers.1.toelichting: ${codes.required}`,
          `kopers.1.bsn: ${answerErrorCodes.invalidBsn}`,
        ],
      );
      const fixed = [kopers[0] ?? {}, { naam_koper: "Piet", rol: "anders", toelichting: "neef" }];
      const result = validatePage(definition, "woning", { ...house, kopers: fixed }, withHouse);
      expect(result.ok && result.answers.kopers).toEqual([
        { naam_koper: "Jan", rol: "koper" },
        { naam_koper: "Piet", rol: "anders", toelichting: "neef" },
      ]);
    });

    it("refuses an unknown key in an item, and items that are no records", () => {
      const kopers = [{ naam_koper: "Jan", rol: "koper", adres: "Dorpsstraat 1" }];
      expect(errorsOf(validatePage(definition, "woning", { ...house, kopers }, withHouse))).toEqual(
        [`kopers.0.adres: ${codes.unknownQuestion}`],
      );
      const notItems = { ...house, kopers: ["Jan"] };
      expect(errorsOf(validatePage(definition, "woning", notItems, withHouse))).toEqual([
        `kopers: ${codes.invalidAnswer}`,
      ]);
    });
  });
});

describe("withPageAnswers", () => {
  it("replaces the page's answers and keeps the others", () => {
    const stored: Answers = { naam: "Jan", getrouwd: true, partner: "Marie", waarde: 100 };
    const page: Answers = { naam: "Piet", getrouwd: false };
    expect(withPageAnswers(definition, "persoon", stored, page)).toEqual({
      naam: "Piet",
      getrouwd: false,
      waarde: 100,
    });
  });
});
