import { describe, expect, it } from "vitest";
import {
  type LocalizedText,
  type Question,
  type QuestionnaireDefinition,
  questionnaireDefinitionSchema,
  questionTypes,
} from "#src/contracts/questionnaires/definition.ts";
import { propertyTransfer } from "./property-transfer.ts";
import { starterLibrary } from "./starter-library.ts";

/** Texts that are rightly the same in Dutch and English (cognates, names, abbreviations). */
const SAME_IN_BOTH_LANGUAGES = new Set(["Partner"]);

/** The schema's refusals, readable in a failing test: "pages.0.items.1.id: duplicate_id". */
function schemaIssues(definition: unknown): string[] {
  const result = questionnaireDefinitionSchema.safeParse(definition);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    // The definition's own rules say their code as the message; zod's say it as the code.
    const code = issue.code === "custom" ? issue.message : issue.code;
    return `${issue.path.join(".")}: ${code}`;
  });
}

/** Every question, top-level and inside groups, in definition order. */
function questionsOf(definition: QuestionnaireDefinition): Question[] {
  return definition.pages.flatMap((page) =>
    page.items.flatMap((item) => (item.kind === "question" ? [item] : item.questions)),
  );
}

/** Every text a client can see, with where it is. */
function textsOf(definition: QuestionnaireDefinition): { path: string; text: LocalizedText }[] {
  const texts: { path: string; text: LocalizedText }[] = [];
  const add = (path: string, text: LocalizedText | undefined) => {
    if (text) texts.push({ path, text });
  };
  const addQuestion = (path: string, question: Question) => {
    add(`${path}.label`, question.label);
    add(`${path}.help`, question.help);
    for (const option of question.options ?? []) {
      add(`${path}.options.${option.value}`, option.label);
    }
  };
  add("title", definition.title);
  add("description", definition.description);
  for (const page of definition.pages) {
    add(`${page.id}.title`, page.title);
    add(`${page.id}.intro`, page.intro);
    for (const item of page.items) {
      if (item.kind === "question") {
        addQuestion(`${page.id}.${item.id}`, item);
        continue;
      }
      add(`${page.id}.${item.id}.label`, item.label);
      add(`${page.id}.${item.id}.itemLabel`, item.itemLabel);
      for (const question of item.questions) addQuestion(`${page.id}.${question.id}`, question);
    }
  }
  return texts;
}

/**
 * What the starter library asks of a definition beyond the schema: its size, a condition and a
 * repeating group, both languages filled in and actually translated, help where clients
 * hesitate, and a mix of required and optional questions. One line per problem.
 */
function starterProblems(definition: QuestionnaireDefinition): string[] {
  const problems: string[] = [];
  const questions = questionsOf(definition);
  const pageCount = definition.pages.length;
  if (pageCount < 3 || pageCount > 6) problems.push(`${pageCount} pages, not 3 to 6`);
  if (questions.length < 15 || questions.length > 40) {
    problems.push(`${questions.length} questions, not 15 to 40`);
  }

  const items = definition.pages.flatMap((page) => page.items);
  const hasCondition =
    definition.pages.some((page) => page.condition) ||
    items.some((item) => item.condition) ||
    questions.some((question) => question.condition);
  if (!hasCondition) problems.push("no condition");
  if (!items.some((item) => item.kind === "group")) problems.push("no repeating group");

  for (const { path, text } of textsOf(definition)) {
    if (!text.nl.trim()) problems.push(`${path}: no Dutch`);
    if (!text.en.trim()) problems.push(`${path}: no English`);
    if (text.nl.trim() && text.nl === text.en && !SAME_IN_BOTH_LANGUAGES.has(text.nl)) {
      problems.push(`${path}: the same in Dutch and English ("${text.nl}")`);
    }
  }
  const titles = [definition.title, ...definition.pages.map((page) => page.title)];
  for (const title of titles) {
    if (title.nl.trim().toLowerCase() === title.en.trim().toLowerCase()) {
      problems.push(`title "${title.nl}" is not translated`);
    }
  }

  for (const question of questions) {
    if (["bsn", "iban", "file"].includes(question.type) && !question.help) {
      problems.push(`${question.id}: a ${question.type} question without help`);
    }
  }
  if (!questions.some((question) => question.required)) problems.push("no required question");
  if (!questions.some((question) => !question.required)) problems.push("no optional question");
  return problems;
}

describe("the starter library", () => {
  it("holds the four starters, each under its own key", () => {
    const keys = starterLibrary.map((starter) => starter.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      "property-transfer",
      "will-intake",
      "prenuptial-agreement",
      "bv-formation",
    ]);
  });

  it("uses every question type at least once", () => {
    const used = new Set(
      starterLibrary.flatMap(({ definition }) => questionsOf(definition).map((q) => q.type)),
    );
    expect(questionTypes.filter((type) => !used.has(type))).toEqual([]);
  });

  it("uses a condition on a page, a group, a top-level and a group question, and on a multiple choice", () => {
    const definitions = starterLibrary.map((starter) => starter.definition);
    const pages = definitions.flatMap((definition) => definition.pages);
    const items = pages.flatMap((page) => page.items);
    const groups = items.flatMap((item) => (item.kind === "group" ? [item] : []));
    expect(pages.some((page) => page.condition)).toBe(true);
    expect(groups.some((group) => group.condition)).toBe(true);
    expect(items.some((item) => item.kind === "question" && item.condition)).toBe(true);
    expect(groups.some((group) => group.questions.some((question) => question.condition))).toBe(
      true,
    );
    const multipleChoiceIds = new Set(
      definitions.flatMap((definition) =>
        questionsOf(definition)
          .filter((question) => question.type === "multipleChoice")
          .map((question) => question.id),
      ),
    );
    const conditionTargets = definitions.flatMap((definition) =>
      questionsOf(definition).flatMap((question) => question.condition?.questionId ?? []),
    );
    expect(conditionTargets.some((id) => multipleChoiceIds.has(id))).toBe(true);
  });

  it("is frozen, so an office copies a starter before adapting it", () => {
    const [first] = starterLibrary;
    expect(() => {
      (first?.definition.title as LocalizedText).nl = "Iets anders";
    }).toThrow(TypeError);
    const copy = structuredClone(first?.definition);
    if (copy) copy.title.nl = "Levering appartement";
    expect(copy?.title.nl).toBe("Levering appartement");
    expect(first?.definition.title.nl).toBe("Levering woning");
  });

  describe.each(starterLibrary)("$key", ({ definition }) => {
    it("passes the definition schema unchanged", () => {
      expect(schemaIssues(definition)).toEqual([]);
      // Unchanged: no text that the schema would trim, nothing it would drop.
      expect(questionnaireDefinitionSchema.parse(definition)).toEqual(definition);
    });

    it("keeps the starter library's rules", () => {
      expect(starterProblems(definition)).toEqual([]);
    });
  });
});

describe("the checks themselves", () => {
  it("find what breaks the rules", () => {
    const broken = structuredClone(propertyTransfer);
    const [firstPage, secondPage] = broken.pages;
    if (!firstPage || !secondPage) throw new Error("the starter has fewer than two pages");
    firstPage.title.en = firstPage.title.nl;
    const firstQuestion = secondPage.items[0];
    if (firstQuestion?.kind !== "question") throw new Error("page 2 starts with a group");
    firstQuestion.label.en = " ";
    delete firstQuestion.help;
    firstQuestion.type = "iban";
    broken.pages.push(...broken.pages.slice(0, 3).map((page) => structuredClone(page)));

    expect(starterProblems(broken)).toEqual(
      expect.arrayContaining([
        "7 pages, not 3 to 6",
        expect.stringMatching(/questions, not 15 to 40$/),
        "property_address: a iban question without help",
        "property_page.property_address.label: no English",
        'title "Gegevens van de kopers" is not translated',
      ]),
    );
    expect(schemaIssues(broken)).toEqual(
      expect.arrayContaining(["pages.4.id: duplicate_id", "pages.1.items.0.label.en: too_small"]),
    );
  });

  it("find a definition without conditions or groups", () => {
    const plain = structuredClone(propertyTransfer);
    plain.pages = plain.pages.map((page) => ({
      ...page,
      items: page.items.flatMap((item) => (item.kind === "group" ? item.questions : [item])),
    }));
    for (const question of questionsOf(plain)) delete question.condition;
    expect(starterProblems(plain)).toEqual(
      expect.arrayContaining(["no condition", "no repeating group"]),
    );
  });
});
