import { describe, expect, it } from "vitest";
import { answerSummary } from "./answer-summary.ts";
import type { QuestionnaireDefinition } from "./definition.ts";

const both = (text: string) => ({ nl: text, en: `${text} (en)` });

const definition: QuestionnaireDefinition = {
  title: both("Testament"),
  pages: [
    {
      id: "p1",
      title: both("Over u"),
      items: [
        { kind: "question", id: "naam", type: "text", label: both("Naam"), required: true },
        {
          kind: "question",
          id: "getrouwd",
          type: "yesNo",
          label: both("Getrouwd"),
          required: true,
        },
        {
          kind: "question",
          id: "partner",
          type: "text",
          label: both("Partner"),
          required: true,
          condition: { questionId: "getrouwd", equals: true },
        },
        {
          kind: "question",
          id: "toelichting",
          type: "longText",
          label: both("Toelichting"),
          required: false,
        },
      ],
    },
    {
      id: "p2",
      title: both("Erfgenamen"),
      items: [
        {
          kind: "group",
          id: "erven",
          label: both("Erfgenamen"),
          itemLabel: both("Erfgenaam"),
          minItems: 0,
          maxItems: 3,
          questions: [
            {
              kind: "question",
              id: "erfnaam",
              type: "text",
              label: both("Naam erfgenaam"),
              required: true,
            },
            {
              kind: "question",
              id: "deel",
              type: "amount",
              label: both("Legaat"),
              required: false,
            },
          ],
        },
      ],
    },
  ],
};

describe("answerSummary", () => {
  it("lists every question the client saw, page by page, with its answer as text or null", () => {
    const summary = answerSummary(
      definition,
      {
        naam: "Jan",
        getrouwd: false,
        partner: "Stale",
        erven: [{ erfnaam: "Piet", deel: 125000 }, { erfnaam: "Kees" }],
      },
      "nl",
    );
    expect(summary).toEqual([
      {
        pageId: "p1",
        heading: "Over u",
        entries: [
          { key: "naam", answerId: "naam", label: "Naam", answer: "Jan" },
          { key: "getrouwd", answerId: "getrouwd", label: "Getrouwd", answer: "Nee" },
          { key: "toelichting", answerId: "toelichting", label: "Toelichting", answer: null },
        ],
      },
      {
        pageId: "p2",
        heading: "Erfgenamen",
        entries: [
          {
            groupHeading: "Erfgenaam 1",
            entries: [
              {
                key: "erven.1.erfnaam",
                answerId: "erven",
                label: "Naam erfgenaam",
                answer: "Piet",
              },
              { key: "erven.1.deel", answerId: "erven", label: "Legaat", answer: "€ 1.250,00" },
            ],
          },
          {
            groupHeading: "Erfgenaam 2",
            entries: [
              {
                key: "erven.2.erfnaam",
                answerId: "erven",
                label: "Naam erfgenaam",
                answer: "Kees",
              },
              { key: "erven.2.deel", answerId: "erven", label: "Legaat", answer: null },
            ],
          },
        ],
      },
    ]);
  });

  it("speaks the reader's language", () => {
    const [page] = answerSummary(definition, { naam: "Jan", getrouwd: true, partner: "Zoë" }, "en");
    expect(page?.heading).toBe("Over u (en)");
    expect(page?.entries[1]).toMatchObject({ label: "Getrouwd (en)", answer: "Yes" });
    expect(page?.entries[2]).toMatchObject({ label: "Partner (en)", answer: "Zoë" });
  });
});
