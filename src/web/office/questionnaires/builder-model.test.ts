import { describe, expect, it } from "vitest";
import {
  type QuestionnaireDefinition,
  questionnaireDefinitionSchema,
} from "#src/contracts/questionnaires/definition.ts";
import { placeOfPath, problemOf } from "./builder-errors.ts";
import {
  conditionCandidates,
  type Draft,
  type DraftGroup,
  type DraftQuestion,
  dropConditionsOn,
  fromDefinition,
  moved,
  newDraft,
  newGroup,
  newPage,
  newQuestion,
  optionValueFor,
  questionKeysOf,
  slugify,
  toDefinition,
  uniqueSlug,
} from "./builder-model.ts";

const t = (nl: string, en = nl) => ({ nl, en });

const stored: QuestionnaireDefinition = {
  title: t("Intake", "Intake"),
  pages: [
    {
      id: "start",
      title: t("Start"),
      items: [
        {
          kind: "question",
          id: "kinderen",
          type: "yesNo",
          label: t("Heeft u kinderen?", "Do you have children?"),
          required: true,
        },
        {
          kind: "question",
          id: "soort",
          type: "singleChoice",
          label: t("Soort"),
          required: false,
          options: [
            { value: "koop", label: t("Koop") },
            { value: "schenking", label: t("Schenking") },
          ],
        },
      ],
    },
    {
      id: "kinderen_pagina",
      title: t("Kinderen"),
      condition: { questionId: "kinderen", equals: true },
      items: [
        {
          kind: "group",
          id: "kind",
          label: t("Kinderen"),
          itemLabel: t("Kind"),
          minItems: 1,
          maxItems: 5,
          questions: [
            {
              kind: "question",
              id: "kind_naam",
              type: "text",
              label: t("Naam"),
              help: t("Voluit", "In full"),
              required: true,
              condition: { questionId: "soort", equals: "schenking" },
            },
          ],
        },
      ],
    },
  ],
};

/** A draft's question by its Dutch label. */
const question = (draft: Draft, label: string) =>
  draft.pages
    .flatMap((page) => page.items)
    .flatMap((item) => (item.kind === "group" ? [item, ...item.questions] : [item]))
    .find((item) => item.label.nl === label) as DraftQuestion;

describe("slugs", () => {
  it("are lower case, without accents, words joined by _, starting with a letter", () => {
    expect(slugify("Heeft u één of meer kinderen?", "vraag")).toBe("heeft_u_een_of_meer_kinderen");
    expect(slugify("  ", "vraag")).toBe("vraag");
    expect(slugify("2e koper", "vraag")).toBe("vraag_2e_koper");
    expect(slugify("Eén keuze", "keuze")).toBe("een_keuze");
  });

  it("stay short enough for a suffix, cut at a word where they can", () => {
    const slug = slugify("Wat is uw volledige naam zoals die in uw paspoort staat", "vraag");
    expect(slug).toBe("wat_is_uw_volledige_naam_zoals");
    expect(slug.length).toBeLessThanOrEqual(32);
    expect(slugify("x".repeat(50), "vraag")).toHaveLength(32);
  });

  it("are made unique with a number", () => {
    const taken = new Set(["naam"]);
    expect(uniqueSlug("Naam", "vraag", taken)).toBe("naam_2");
    expect(uniqueSlug("Naam", "vraag", taken)).toBe("naam_3");
  });

  it("give a choice a value of its own among the question's choices", () => {
    const choice = newQuestion("singleChoice");
    const [first, second] = choice.options;
    if (!first || !second) throw new Error("fixture");
    first.label.nl = "Ja";
    first.value = optionValueFor(choice.options, first);
    second.label.nl = "Ja!";
    expect(optionValueFor(choice.options, second)).toBe("ja_2");
  });
});

describe("the draft of a stored definition", () => {
  it("goes back to the same definition unchanged", () => {
    expect(toDefinition(fromDefinition(stored))).toEqual(stored);
  });

  it("keeps stored ids and the conditions on a renamed question; new ones get ids from their labels", () => {
    const draft = fromDefinition(stored);
    question(draft, "Heeft u kinderen?").label = t("Kinderen?", "Children?");
    const page = draft.pages[0];
    if (!page) throw new Error("fixture");
    const added = newQuestion();
    added.label = t("Naam");
    const again = newQuestion();
    again.label = t("Naam");
    page.items.push(added, again);
    const definition = toDefinition(draft);
    expect(definition.pages[0]?.items.map((item) => item.id)).toEqual([
      "kinderen",
      "soort",
      "naam",
      "naam_2",
    ]);
    expect(definition.pages[1]?.condition).toEqual({ questionId: "kinderen", equals: true });
    expect(questionnaireDefinitionSchema.safeParse(definition).success).toBe(true);
  });

  it("makes unique ids where a new label equals a stored id", () => {
    const draft = fromDefinition(stored);
    const added = newQuestion();
    added.label = t("Kind naam");
    draft.pages[0]?.items.push(added);
    expect(toDefinition(draft).pages[0]?.items[2]?.id).toBe("kind_naam_2");
  });

  it("sends a condition on a choice by the choice's value, also after the value changed", () => {
    const draft = fromDefinition(stored);
    const soort = question(draft, "Soort");
    const schenking = soort.options[1];
    if (!schenking) throw new Error("fixture");
    schenking.value = "gift";
    const definition = toDefinition(draft);
    const group = definition.pages[1]?.items[0];
    expect(group?.kind === "group" && group.questions[0]?.condition).toEqual({
      questionId: "soort",
      equals: "gift",
    });
  });

  it("leaves out empty optional texts and sends half-filled ones for the server to refuse", () => {
    const draft = newDraft();
    const first = draft.pages[0]?.items[0] as DraftQuestion;
    first.help = t("", "");
    draft.description = t("Alleen Nederlands", "");
    const definition = toDefinition(draft);
    expect(definition.pages[0]?.items[0]).not.toHaveProperty("help");
    expect(definition.description).toEqual({ nl: "Alleen Nederlands", en: "" });
    expect(definition.pages[0]?.id).toBe("pagina");
    expect(definition.pages[0]?.items[0]?.id).toBe("vraag");
  });
});

describe("conditions", () => {
  it("may look only at earlier yes/no and choice questions, a group's own within the group", () => {
    const draft = fromDefinition(stored);
    const [start, kinderen] = draft.pages;
    if (!start || !kinderen) throw new Error("fixture");
    const group = kinderen.items[0] as DraftGroup;
    const labels = (found: DraftQuestion[]) => found.map((q) => q.label.nl);
    expect(labels(conditionCandidates(draft, { pageKey: start.key }))).toEqual([]);
    expect(
      labels(
        conditionCandidates(draft, { pageKey: start.key, itemKey: start.items[1]?.key ?? "" }),
      ),
    ).toEqual(["Heeft u kinderen?"]);
    expect(labels(conditionCandidates(draft, { pageKey: kinderen.key }))).toEqual([
      "Heeft u kinderen?",
      "Soort",
    ]);
    const choice = newQuestion("yesNo");
    choice.label = t("Meerderjarig?");
    group.questions.unshift(choice);
    expect(
      labels(
        conditionCandidates(draft, {
          pageKey: kinderen.key,
          itemKey: group.key,
          questionKey: group.questions[1]?.key ?? "",
        }),
      ),
    ).toEqual(["Heeft u kinderen?", "Soort", "Meerderjarig?"]);
  });

  it("are taken away with the question they look at", () => {
    const draft = fromDefinition(stored);
    const start = draft.pages[0];
    if (!start) throw new Error("fixture");
    dropConditionsOn(draft, questionKeysOf(start));
    expect(draft.pages[1]?.condition).toBeUndefined();
    const group = draft.pages[1]?.items[0] as DraftGroup;
    expect(group.questions[0]?.condition).toBeUndefined();
  });
});

describe("moving", () => {
  it("moves one place, never out of the list", () => {
    expect(moved(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("the server's refusals", () => {
  const draft = fromDefinition(stored);
  const [start, kinderen] = draft.pages;
  const group = kinderen?.items[0] as DraftGroup;
  const soort = start?.items[1] as DraftQuestion;

  it("lead to the field they are about", () => {
    const cases: Array<[string, string]> = [
      ["title.en", "qb-title-en"],
      ["description.nl", "qb-description-nl"],
      ["pages", "qb-add-page"],
      ["pages.1.title.en", `qb-${kinderen?.key}-title-en`],
      ["pages.1.id", `qb-${kinderen?.key}-title-nl`],
      ["pages.1.condition.questionId", `qb-${kinderen?.key}-condition`],
      ["pages.1.condition.equals", `qb-${kinderen?.key}-condition-equals`],
      ["pages.0.items", `qb-${start?.key}-add-question`],
      ["pages.0.items.1.label.en", `qb-${soort.key}-label-en`],
      ["pages.0.items.1.options", `qb-${soort.key}-add-option`],
      ["pages.0.items.1.options.1.value", `qb-${soort.options[1]?.key}-value`],
      ["pages.0.items.1.options.0.label.en", `qb-${soort.options[0]?.key}-label-en`],
      ["pages.1.items.0.itemLabel.nl", `qb-${group.key}-item-label-nl`],
      ["pages.1.items.0.maxItems", `qb-${group.key}-max`],
      ["pages.1.items.0.label.en", `qb-${group.key}-label-en`],
      ["pages.1.items.0.questions", `qb-${group.key}-add-question`],
      ["pages.1.items.0.questions.0.help.en", `qb-${group.questions[0]?.key}-help-en`],
      [
        "pages.1.items.0.questions.0.condition.equals",
        `qb-${group.questions[0]?.key}-condition-equals`,
      ],
    ];
    for (const [path, id] of cases) expect(placeOfPath(draft, path.split(".")).id, path).toBe(id);
  });

  it("say where the field is", () => {
    expect(placeOfPath(draft, "pages.1.items.0.questions.0.label.en".split("."))).toMatchObject({
      page: 2,
      item: 1,
      group: true,
      question: 1,
      field: "label",
      language: "en",
    });
  });

  it("say what is wrong by the definition's code or the kind of field", () => {
    const at = (path: string) => placeOfPath(draft, path.split("."));
    expect(
      problemOf(
        { code: "custom", message: "condition_must_reference_earlier_question" },
        at("pages.1.condition.questionId"),
      ),
    ).toBe("condition_must_reference_earlier_question");
    expect(problemOf({ code: "too_small", message: "x" }, at("title.en"))).toBe("missing");
    expect(problemOf({ code: "too_big", message: "x" }, at("title.en"))).toBe("tooLong");
    expect(problemOf({ code: "too_small", message: "x" }, at("pages.0.items"))).toBe("noQuestions");
    expect(problemOf({ code: "too_small", message: "x" }, at("pages"))).toBe("noPages");
    expect(problemOf({ code: "invalid_type", message: "x" }, at("pages.1.items.0.minItems"))).toBe(
      "groupItems",
    );
  });
});

describe("a new draft", () => {
  it("has a page with a question, and groups and pages start with one", () => {
    expect(newDraft().pages).toHaveLength(1);
    expect(newPage().items).toHaveLength(1);
    expect(newGroup().questions).toHaveLength(1);
    expect(newQuestion("multipleChoice").options).toHaveLength(2);
  });
});
