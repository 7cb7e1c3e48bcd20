import { describe, expect, it } from "vitest";
import type { Answers, GroupItemAnswers } from "./answers.ts";
import { questionnaireDefinitionSchema } from "./definition.ts";
import { isComplete, nextPage, previousPage } from "./progress.ts";

const text = (value: string) => ({ nl: value, en: value });

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
        { kind: "question", id: "beroep", type: "text", label: text("Beroep"), required: false },
      ],
    },
    {
      id: "partner",
      title: text("Partner"),
      condition: { questionId: "getrouwd", equals: true },
      items: [
        { kind: "question", id: "partner_naam", type: "text", label: text("Naam"), required: true },
      ],
    },
    {
      id: "erfgenamen",
      title: text("Erfgenamen"),
      items: [
        {
          kind: "group",
          id: "erfgenaam",
          label: text("Erfgenamen"),
          itemLabel: text("Erfgenaam"),
          minItems: 1,
          maxItems: 2,
          questions: [
            {
              kind: "question",
              id: "relatie",
              type: "singleChoice",
              label: text("Relatie"),
              required: true,
              options: [
                { value: "kind", label: text("Kind") },
                { value: "anders", label: text("Anders") },
              ],
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
    {
      id: "slot",
      title: text("Slot"),
      items: [
        {
          kind: "question",
          id: "opmerking",
          type: "longText",
          label: text("Opmerking"),
          required: false,
        },
      ],
    },
  ],
});

const single: Answers = { getrouwd: false };
const married: Answers = { getrouwd: true };

describe("nextPage and previousPage", () => {
  it("skip a page that an answer hides", () => {
    expect(nextPage(definition, single, "persoon")?.id).toBe("erfgenamen");
    expect(nextPage(definition, married, "persoon")?.id).toBe("partner");
    expect(previousPage(definition, single, "erfgenamen")?.id).toBe("persoon");
    expect(previousPage(definition, married, "erfgenamen")?.id).toBe("partner");
  });

  it("move on from a page that has just become hidden", () => {
    expect(nextPage(definition, single, "partner")?.id).toBe("erfgenamen");
    expect(previousPage(definition, single, "partner")?.id).toBe("persoon");
  });

  it("end at either end, and know no unknown page", () => {
    expect(nextPage(definition, single, "slot")).toBeUndefined();
    expect(previousPage(definition, single, "persoon")).toBeUndefined();
    expect(nextPage(definition, single, "bestaat_niet")).toBeUndefined();
    expect(previousPage(definition, single, "bestaat_niet")).toBeUndefined();
  });
});

describe("isComplete", () => {
  const heirs = { erfgenaam: [{ relatie: "kind" }] };

  it("is complete when every visible required question is answered", () => {
    expect(isComplete(definition, { ...single, ...heirs })).toEqual({ complete: true });
    const full = { ...married, partner_naam: "Marie", ...heirs };
    expect(isComplete(definition, full)).toEqual({ complete: true });
  });

  it("names the first page with something missing", () => {
    expect(isComplete(definition, {})).toEqual({ complete: false, pageId: "persoon" });
    expect(isComplete(definition, { ...married, ...heirs })).toEqual({
      complete: false,
      pageId: "partner",
    });
  });

  it("does not ask for a hidden page's questions", () => {
    expect(isComplete(definition, { ...single, ...heirs, partner_naam: "" })).toEqual({
      complete: true,
    });
  });

  it("needs a group's item count between its minimum and maximum", () => {
    const missing = { complete: false, pageId: "erfgenamen" };
    expect(isComplete(definition, single)).toEqual(missing);
    expect(isComplete(definition, { ...single, erfgenaam: [] })).toEqual(missing);
    const three = [{ relatie: "kind" }, { relatie: "kind" }, { relatie: "kind" }];
    expect(isComplete(definition, { ...single, erfgenaam: three })).toEqual(missing);
  });

  it("needs each item's visible required questions", () => {
    const missing = { complete: false, pageId: "erfgenamen" };
    const other = { ...single, erfgenaam: [{ relatie: "kind" }, { relatie: "anders" }] };
    expect(isComplete(definition, other)).toEqual(missing);
    const explained: GroupItemAnswers[] = [
      { relatie: "kind" },
      { relatie: "anders", toelichting: "neef" },
    ];
    expect(isComplete(definition, { ...single, erfgenaam: explained })).toEqual({ complete: true });
  });
});
