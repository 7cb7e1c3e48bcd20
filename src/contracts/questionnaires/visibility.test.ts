import { describe, expect, it } from "vitest";
import type { Answers } from "./answers.ts";
import { questionnaireDefinitionSchema } from "./definition.ts";
import { groupItemsOf, isVisible, visibleAnswers, visiblePages } from "./visibility.ts";

const text = (value: string) => ({ nl: value, en: value });
const options = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));

const definition = questionnaireDefinitionSchema.parse({
  title: text("Testament"),
  pages: [
    {
      id: "persoon",
      title: text("Persoon"),
      items: [
        {
          kind: "question",
          id: "getrouwd",
          type: "yesNo",
          label: text("Getrouwd?"),
          required: true,
        },
        {
          kind: "question",
          id: "huwelijk",
          type: "singleChoice",
          label: text("Hoe getrouwd?"),
          required: true,
          options: options("gemeenschap", "voorwaarden"),
          condition: { questionId: "getrouwd", equals: true },
        },
        {
          kind: "question",
          id: "bezit",
          type: "multipleChoice",
          label: text("Bezit"),
          required: false,
          options: options("woning", "auto"),
        },
      ],
    },
    {
      id: "voorwaarden",
      title: text("Huwelijkse voorwaarden"),
      condition: { questionId: "huwelijk", equals: "voorwaarden" },
      items: [{ kind: "question", id: "akte", type: "file", label: text("Akte"), required: true }],
    },
    {
      id: "woning",
      title: text("Woning"),
      condition: { questionId: "bezit", equals: "woning" },
      items: [
        { kind: "question", id: "adres", type: "postcode", label: text("Adres"), required: true },
      ],
    },
    {
      id: "erfgenamen",
      title: text("Erfgenamen"),
      items: [
        {
          kind: "question",
          id: "kinderen",
          type: "yesNo",
          label: text("Kinderen?"),
          required: true,
        },
        {
          kind: "group",
          id: "erfgenaam",
          label: text("Erfgenamen"),
          itemLabel: text("Erfgenaam"),
          minItems: 1,
          maxItems: 5,
          condition: { questionId: "kinderen", equals: true },
          questions: [
            {
              kind: "question",
              id: "relatie",
              type: "singleChoice",
              label: text("Relatie"),
              required: true,
              options: options("kind", "anders"),
            },
            {
              kind: "question",
              id: "toelichting",
              type: "text",
              label: text("Toelichting"),
              required: true,
              condition: { questionId: "relatie", equals: "anders" },
            },
          ],
        },
      ],
    },
  ],
});

const akte = { documentId: "0b7c8a2e-4f7e-4a53-9d5c-6f1a2b3c4d5e", name: "akte.pdf" };

describe("isVisible", () => {
  it("shows what has no condition", () => {
    expect(isVisible(undefined, {})).toBe(true);
  });

  it("compares a yes/no and a single choice", () => {
    const married = { questionId: "getrouwd", equals: true };
    expect(isVisible(married, { getrouwd: true })).toBe(true);
    expect(isVisible(married, { getrouwd: false })).toBe(false);
    expect(isVisible(married, {})).toBe(false);
    const prenup = { questionId: "huwelijk", equals: "voorwaarden" };
    expect(isVisible(prenup, { huwelijk: "voorwaarden" })).toBe(true);
    expect(isVisible(prenup, { huwelijk: "gemeenschap" })).toBe(false);
  });

  it("looks for the value among a multiple choice's", () => {
    const house = { questionId: "bezit", equals: "woning" };
    expect(isVisible(house, { bezit: ["auto", "woning"] })).toBe(true);
    expect(isVisible(house, { bezit: ["auto"] })).toBe(false);
    expect(isVisible(house, { bezit: [] })).toBe(false);
  });

  it("takes a group item's own answers, and the top-level ones", () => {
    const other = { questionId: "relatie", equals: "anders" };
    expect(isVisible(other, {}, { relatie: "anders" })).toBe(true);
    expect(isVisible(other, {}, { relatie: "kind" })).toBe(false);
    expect(isVisible({ questionId: "kinderen", equals: true }, { kinderen: true }, {})).toBe(true);
  });
});

describe("visibleAnswers", () => {
  it("keeps the answers of what shows", () => {
    const answers: Answers = {
      getrouwd: true,
      huwelijk: "voorwaarden",
      akte,
      kinderen: true,
      erfgenaam: [{ relatie: "anders", toelichting: "neef" }],
    };
    expect(visibleAnswers(definition, answers)).toEqual(answers);
  });

  it("drops a hidden question's answer, and what hangs on it, page included", () => {
    const answers: Answers = { getrouwd: false, huwelijk: "voorwaarden", akte, kinderen: false };
    expect(visibleAnswers(definition, answers)).toEqual({ getrouwd: false, kinderen: false });
  });

  it("drops a hidden page's answers", () => {
    const address = { postcode: "1234 AB", houseNumber: 1 };
    expect(visibleAnswers(definition, { bezit: ["auto"], adres: address })).toEqual({
      bezit: ["auto"],
    });
    expect(visibleAnswers(definition, { bezit: ["woning"], adres: address })).toEqual({
      bezit: ["woning"],
      adres: address,
    });
  });

  it("drops a hidden group, and hidden questions per item", () => {
    const erfgenaam = [
      { relatie: "kind", toelichting: "van eerder" },
      { relatie: "anders", toelichting: "neef" },
    ];
    expect(visibleAnswers(definition, { kinderen: true, erfgenaam })).toEqual({
      kinderen: true,
      erfgenaam: [{ relatie: "kind" }, { relatie: "anders", toelichting: "neef" }],
    });
    expect(visibleAnswers(definition, { kinderen: false, erfgenaam })).toEqual({ kinderen: false });
  });
});

describe("visiblePages", () => {
  const ids = (answers: Answers) => visiblePages(definition, answers).map((page) => page.id);

  it("follows the answers", () => {
    expect(ids({})).toEqual(["persoon", "erfgenamen"]);
    expect(ids({ getrouwd: true, huwelijk: "voorwaarden", bezit: ["woning"] })).toEqual([
      "persoon",
      "voorwaarden",
      "woning",
      "erfgenamen",
    ]);
  });

  it("hides a page whose condition rests on a hidden answer", () => {
    expect(ids({ getrouwd: false, huwelijk: "voorwaarden" })).toEqual(["persoon", "erfgenamen"]);
  });
});

describe("groupItemsOf", () => {
  it("gives a group's items, and none for anything else", () => {
    expect(groupItemsOf([{ relatie: "kind" }])).toEqual([{ relatie: "kind" }]);
    expect(groupItemsOf(undefined)).toEqual([]);
    expect(groupItemsOf("kind")).toEqual([]);
    expect(groupItemsOf(["kind"])).toEqual([]);
  });
});
