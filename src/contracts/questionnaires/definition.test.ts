import { describe, expect, it } from "vitest";
import {
  definitionErrorCodes as codes,
  type Group,
  type Page,
  type Question,
  type QuestionType,
  questionnaireDefinitionSchema,
} from "./definition.ts";

const text = (value: string) => ({ nl: value, en: value });

function question(id: string, type: QuestionType, extra: Partial<Question> = {}): Question {
  return { kind: "question", id, type, label: text(id), required: true, ...extra };
}

function choice(id: string, values: string[], extra: Partial<Question> = {}): Question {
  const options = values.map((value) => ({ value, label: text(value) }));
  return question(id, "singleChoice", { options, ...extra });
}

function group(id: string, questions: Question[], extra: Partial<Group> = {}): Group {
  const labels = { label: text(id), itemLabel: text(id) };
  return { kind: "group", id, ...labels, minItems: 0, maxItems: 5, questions, ...extra };
}

function page(id: string, items: Page["items"], extra: Partial<Page> = {}): Page {
  return { id, title: text(id), items, ...extra };
}

function definition(pages: Page[]) {
  return { title: text("Testament"), pages };
}

/** The refusals' codes by path, e.g. "pages.0.items.1.id: duplicate_id". */
function refusals(input: unknown): string[] {
  const result = questionnaireDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("questionnaireDefinitionSchema", () => {
  it("accepts a definition with every kind of item and condition", () => {
    const valid = definition([
      page("persoon", [
        question("naam", "text"),
        question("getrouwd", "yesNo"),
        question("partner", "text", { condition: { questionId: "getrouwd", equals: true } }),
        choice("bezit", ["woning", "auto"], { type: "multipleChoice", required: false }),
      ]),
      page(
        "woning",
        [
          question("adres", "postcode", {
            help: { nl: "Het adres\nvan de woning", en: "Address" },
          }),
          group("kopers", [
            choice("rol", ["koper", "anders"]),
            question("toelichting", "longText", {
              condition: { questionId: "rol", equals: "anders" },
            }),
            question("getrouwde_koper", "text", {
              condition: { questionId: "getrouwd", equals: true },
            }),
            question("akte", "file", { required: false }),
          ]),
        ],
        { condition: { questionId: "bezit", equals: "woning" } },
      ),
    ]);
    expect(refusals(valid)).toEqual([]);
  });

  it("trims texts and requires both languages", () => {
    const trimmed = questionnaireDefinitionSchema.parse({
      ...definition([page("p", [question("q", "text")])]),
      title: { nl: " Testament ", en: "Will " },
    });
    expect(trimmed.title).toEqual({ nl: "Testament", en: "Will" });
    const englishMissing = {
      ...definition([page("p", [question("q", "text")])]),
      title: { nl: "x" },
    };
    expect(refusals(englishMissing)[0]).toMatch(/^title\.en: /);
    const blank = { ...definition([page("p", [question("q", "text")])]), title: text("  ") };
    expect(refusals(blank)).toHaveLength(2);
  });

  it.each([
    ["an upper-case letter", "Naam"],
    ["a leading digit", "1naam"],
    ["a dash", "naam-partner"],
    ["41 characters", "n".repeat(41)],
  ])("refuses an id with %s", (_, id) => {
    expect(refusals(definition([page("p", [question(id, "text")])]))).toEqual([
      expect.stringMatching(/^pages\.0\.items\.0\.id: /),
    ]);
  });

  it("refuses an id used twice, among pages, questions and group questions", () => {
    expect(
      refusals(
        definition([
          page("gegevens", [question("naam", "text"), question("gegevens", "text")]),
          page("p2", [question("naam", "text"), group("g", [question("p2", "text")])]),
        ]),
      ),
    ).toEqual([
      `pages.0.items.1.id: ${codes.duplicateId}`,
      `pages.1.items.0.id: ${codes.duplicateId}`,
      `pages.1.items.1.questions.0.id: ${codes.duplicateId}`,
    ]);
  });

  describe("conditions", () => {
    const yesNo = question("getrouwd", "yesNo");
    const shownIfMarried = { condition: { questionId: "getrouwd", equals: true } };

    it("refuse a question later on the same page", () => {
      expect(
        refusals(definition([page("p", [question("partner", "text", shownIfMarried), yesNo])])),
      ).toEqual([
        `pages.0.items.0.condition.questionId: ${codes.conditionMustReferenceEarlierQuestion}`,
      ]);
    });

    it("refuse a question on a later page", () => {
      expect(
        refusals(
          definition([
            page("p1", [question("partner", "text", shownIfMarried)]),
            page("p2", [yesNo]),
          ]),
        ),
      ).toEqual([
        `pages.0.items.0.condition.questionId: ${codes.conditionMustReferenceEarlierQuestion}`,
      ]);
    });

    it("refuse a question that looks at itself, or a page at its own questions", () => {
      expect(refusals(definition([page("p", [{ ...yesNo, ...shownIfMarried }])]))).toEqual([
        `pages.0.items.0.condition.questionId: ${codes.conditionMustReferenceEarlierQuestion}`,
      ]);
      expect(refusals(definition([page("p", [yesNo], shownIfMarried)]))).toEqual([
        `pages.0.condition.questionId: ${codes.conditionMustReferenceEarlierQuestion}`,
      ]);
    });

    it("let a page look at an earlier page", () => {
      expect(
        refusals(
          definition([page("p1", [yesNo]), page("p2", [question("q", "text")], shownIfMarried)]),
        ),
      ).toEqual([]);
    });

    it("refuse an unknown question", () => {
      const unknown = { condition: { questionId: "bestaat_niet", equals: true } };
      expect(refusals(definition([page("p", [yesNo, question("q", "text", unknown)])]))).toEqual([
        `pages.0.items.1.condition.questionId: ${codes.conditionMustReferenceEarlierQuestion}`,
      ]);
    });

    it("let a group's question look at its own item and at earlier top-level questions", () => {
      const heirs = group("erfgenamen", [
        choice("relatie", ["kind", "anders"]),
        question("toelichting", "text", { condition: { questionId: "relatie", equals: "anders" } }),
        question("partner", "text", shownIfMarried),
      ]);
      expect(refusals(definition([page("p", [yesNo, heirs])]))).toEqual([]);
    });

    it("refuse a group's question looking at a later question of its item", () => {
      const heirs = group("erfgenamen", [
        question("toelichting", "text", { condition: { questionId: "relatie", equals: "anders" } }),
        choice("relatie", ["kind", "anders"]),
      ]);
      expect(refusals(definition([page("p", [heirs])]))).toEqual([
        `pages.0.items.0.questions.0.condition.questionId: ${codes.conditionMustReferenceEarlierQuestion}`,
      ]);
    });

    it("refuse a question outside a group looking into it, as it has an answer per item", () => {
      const heirs = group("erfgenamen", [choice("relatie", ["kind", "anders"])]);
      const later = question("q", "text", { condition: { questionId: "relatie", equals: "kind" } });
      const otherGroup = group("g2", [later]);
      expect(refusals(definition([page("p", [heirs, later])]))).toEqual([
        `pages.0.items.1.condition.questionId: ${codes.conditionMustReferenceEarlierQuestion}`,
      ]);
      expect(refusals(definition([page("p", [heirs, otherGroup])]))).toEqual([
        `pages.0.items.1.questions.0.condition.questionId: ${codes.conditionMustReferenceEarlierQuestion}`,
      ]);
    });

    it("refuse looking at a question whose answer is not a choice", () => {
      const onText = { condition: { questionId: "naam", equals: "jan" } };
      expect(
        refusals(
          definition([page("p", [question("naam", "text"), question("q", "text", onText)])]),
        ),
      ).toEqual([
        `pages.0.items.1.condition.questionId: ${codes.conditionMustReferenceChoiceQuestion}`,
      ]);
    });

    it("refuse a value the question cannot have", () => {
      const relation = choice("relatie", ["kind", "anders"]);
      const onNeighbour = { condition: { questionId: "relatie", equals: "buurman" } };
      const onYes = { condition: { questionId: "getrouwd", equals: "ja" } };
      const onTrue = { condition: { questionId: "relatie", equals: true } };
      expect(
        refusals(
          definition([
            page("p", [
              relation,
              yesNo,
              question("a", "text", onNeighbour),
              question("b", "text", onYes),
              question("c", "text", onTrue),
            ]),
          ]),
        ),
      ).toEqual([
        `pages.0.items.2.condition.equals: ${codes.conditionValueNotAnOption}`,
        `pages.0.items.3.condition.equals: ${codes.conditionValueNotAnOption}`,
        `pages.0.items.4.condition.equals: ${codes.conditionValueNotAnOption}`,
      ]);
    });

    it("let a group be conditional too", () => {
      const heirs = group("erfgenamen", [question("naam", "text")], shownIfMarried);
      expect(refusals(definition([page("p", [yesNo, heirs])]))).toEqual([]);
      expect(refusals(definition([page("p", [heirs, yesNo])]))).toEqual([
        `pages.0.items.0.condition.questionId: ${codes.conditionMustReferenceEarlierQuestion}`,
      ]);
    });
  });

  describe("options", () => {
    it("are required, at least two, for the choice types only", () => {
      expect(refusals(definition([page("p", [question("q", "singleChoice")])]))).toEqual([
        `pages.0.items.0.options: ${codes.optionsRequired}`,
      ]);
      expect(refusals(definition([page("p", [choice("q", ["enige"])])]))).toEqual([
        `pages.0.items.0.options: ${codes.tooFewOptions}`,
      ]);
      const textWithOptions = choice("q", ["a", "b"], { type: "text" });
      expect(refusals(definition([page("p", [textWithOptions])]))).toEqual([
        `pages.0.items.0.options: ${codes.optionsNotAllowed}`,
      ]);
    });

    it("have unique values", () => {
      expect(refusals(definition([page("p", [choice("q", ["a", "b", "a"])])]))).toEqual([
        `pages.0.items.0.options.2.value: ${codes.duplicateOption}`,
      ]);
    });
  });

  describe("groups", () => {
    it("allow between 0 and 50 items, the maximum at least the minimum", () => {
      const heirs = (minItems: number, maxItems: number) =>
        definition([page("p", [group("g", [question("q", "text")], { minItems, maxItems })])]);
      expect(refusals(heirs(0, 50))).toEqual([]);
      expect(refusals(heirs(3, 3))).toEqual([]);
      expect(refusals(heirs(3, 2))).toEqual([
        `pages.0.items.0.maxItems: ${codes.maxItemsBelowMinItems}`,
      ]);
      expect(refusals(heirs(0, 51))).toHaveLength(1);
      expect(refusals(heirs(-1, 5))).toHaveLength(1);
      expect(refusals(heirs(0, 0))).toHaveLength(1);
    });

    it("do not nest", () => {
      const nested = group("g", [group("inner", [question("q", "text")]) as unknown as Question]);
      expect(refusals(definition([page("p", [nested])]))).not.toEqual([]);
    });
  });

  it("allows 300 questions, and no more", () => {
    const questions = (count: number, from: number) =>
      Array.from({ length: count }, (_, index) => question(`q${from + index}`, "text"));
    const pages = (groupSize: number) => [
      page("p1", questions(150, 0)),
      page("p2", [...questions(149, 150), group("g", questions(groupSize, 299))]),
    ];
    expect(refusals(definition(pages(1)))).toEqual([]);
    expect(refusals(definition(pages(2)))).toEqual([`pages: ${codes.tooManyQuestions}`]);
  });

  it("has between 1 and 30 pages, each with an item", () => {
    const pages = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        page(`p${index}`, [question(`q${index}`, "text")]),
      );
    expect(refusals(definition(pages(30)))).toEqual([]);
    expect(refusals(definition(pages(31)))).toHaveLength(1);
    expect(refusals(definition([]))).toHaveLength(1);
    expect(refusals(definition([page("p", [])]))).toHaveLength(1);
  });
});
