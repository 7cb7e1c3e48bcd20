import { describe, expect, it } from "vitest";
import type { Answers } from "#src/contracts/questionnaires/answers.ts";
import type {
  Page,
  Question,
  QuestionnaireDefinition,
} from "#src/contracts/questionnaires/definition.ts";
import { validatePage } from "#src/contracts/questionnaires/validate-page.ts";
import {
  fieldErrorsOf,
  fieldErrorsOfDetails,
  pagePosition,
  pageVisibility,
  rawPageInput,
  type TypedGroupItem,
  typedAnswerOf,
  typedPageOf,
} from "./typed-answers.ts";

const both = (text: string) => ({ nl: text, en: text });
const question = (id: string, type: Question["type"], extra: Partial<Question> = {}): Question => ({
  kind: "question",
  id,
  type,
  label: both(id),
  required: false,
  ...extra,
});

const definition: QuestionnaireDefinition = {
  title: both("Testament"),
  pages: [
    {
      id: "persoon",
      title: both("Over u"),
      items: [
        question("naam", "text", { required: true }),
        question("geboren", "date"),
        question("vermogen", "amount"),
        question("lengte", "number"),
        question("getrouwd", "yesNo", { required: true }),
        question("partner", "text", {
          required: true,
          condition: { questionId: "getrouwd", equals: true },
        }),
        question("adres", "postcode"),
        question("hobby", "multipleChoice", {
          options: [
            { value: "lezen", label: both("Lezen") },
            { value: "zwemmen", label: both("Zwemmen") },
          ],
        }),
      ],
    },
    {
      id: "partnerpagina",
      title: both("Uw partner"),
      condition: { questionId: "getrouwd", equals: true },
      items: [question("partner_bsn", "bsn")],
    },
    {
      id: "erfgenamen",
      title: both("Erfgenamen"),
      items: [
        {
          kind: "group",
          id: "erfgenaam",
          label: both("Erfgenamen"),
          itemLabel: both("Erfgenaam"),
          minItems: 1,
          maxItems: 3,
          questions: [
            question("erfgenaam_naam", "text", { required: true }),
            question("kind", "yesNo"),
            question("leeftijd", "number", { condition: { questionId: "kind", equals: true } }),
          ],
        },
        question("paspoort", "file"),
      ],
    },
  ],
};
const [persoon, , erfgenamen] = definition.pages as [Page, Page, Page];

let keys = 0;
const newKey = () => `k${++keys}`;

describe("typed answers", () => {
  it("show stored answers the way their parsers read them back", () => {
    const stored: Answers = {
      naam: "Jan Jansen",
      geboren: "1960-12-06",
      vermogen: 125000050,
      lengte: 1.85,
      getrouwd: true,
      partner: "Zoë",
      adres: { postcode: "1234 AB", houseNumber: 12, addition: "a" },
      hobby: ["zwemmen"],
    };
    const typed = typedPageOf(persoon, stored, newKey);
    expect(typed).toEqual({
      naam: "Jan Jansen",
      geboren: "1960-12-06",
      vermogen: "1.250.000,50",
      lengte: "1,85",
      getrouwd: true,
      partner: "Zoë",
      adres: { postcode: "1234 AB", houseNumber: "12", addition: "a" },
      hobby: ["zwemmen"],
    });
    // Sent back unchanged, the page stores the same answers.
    const checked = validatePage(definition, "persoon", rawPageInput(persoon, typed), {});
    expect(checked).toEqual({ ok: true, answers: stored });
  });

  it("start empty controls for unanswered questions and a group at its minimum", () => {
    expect(typedPageOf(persoon, {}, newKey)).toMatchObject({
      naam: "",
      getrouwd: null,
      adres: { postcode: "", houseNumber: "", addition: "" },
      hobby: [],
    });
    const typed = typedPageOf(erfgenamen, {}, newKey);
    expect(typed.paspoort).toBeNull();
    const items = typed.erfgenaam as TypedGroupItem[];
    expect(items).toHaveLength(1);
    expect(items[0]?.answers).toEqual({ erfgenaam_naam: "", kind: null, leeftijd: "" });
    expect(rawPageInput(erfgenamen, typed)).toEqual({
      erfgenaam: [{ erfgenaam_naam: "", kind: null, leeftijd: "" }],
      paspoort: null,
    });
  });

  it("keep whole euros and small amounts readable", () => {
    const amount = question("bedrag", "amount");
    expect(typedAnswerOf(amount, 5)).toBe("0,05");
    expect(typedAnswerOf(amount, 100000)).toBe("1.000,00");
    expect(typedAnswerOf(amount, 99900)).toBe("999,00");
  });

  it("show and hide questions and pages live from what is typed", () => {
    const typed = typedPageOf(persoon, {}, newKey);
    const hidden = pageVisibility(definition, persoon, typed, {});
    expect(hidden.items.has("partner")).toBe(false);
    expect(pagePosition(definition, hidden.answers, "persoon")).toEqual({
      page: 1,
      pages: 2,
      first: true,
    });
    const shown = pageVisibility(definition, persoon, { ...typed, getrouwd: true }, {});
    expect(shown.items.has("partner")).toBe(true);
    expect(pagePosition(definition, shown.answers, "persoon").pages).toBe(3);
    // A saved "yes" no longer counts once this page says "no".
    const saved: Answers = { getrouwd: true };
    const changed = pageVisibility(definition, persoon, { ...typed, getrouwd: false }, saved);
    expect(changed.items.has("partner")).toBe(false);
    expect(pagePosition(definition, changed.answers, "erfgenamen")).toEqual({
      page: 2,
      pages: 2,
      first: false,
    });
  });

  it("show a group's question by the answers of its own item", () => {
    const typed = typedPageOf(erfgenamen, {}, newKey);
    const visibility = pageVisibility(definition, erfgenamen, typed, {});
    const group = erfgenamen.items[0];
    if (group?.kind !== "group") throw new Error("the page starts with its group");
    const child: TypedGroupItem = { key: "a", answers: { erfgenaam_naam: "Piet", kind: true } };
    const adult: TypedGroupItem = { key: "b", answers: { erfgenaam_naam: "Kees", kind: false } };
    expect([...visibility.inGroup(group, child)]).toEqual(["erfgenaam_naam", "kind", "leeftijd"]);
    expect([...visibility.inGroup(group, adult)]).toEqual(["erfgenaam_naam", "kind"]);
  });

  it("place errors of the browser and of the server at the same keys", () => {
    const checked = validatePage(
      definition,
      "erfgenamen",
      {
        erfgenaam: [{ erfgenaam_naam: "" }, { erfgenaam_naam: "Kees", kind: true, leeftijd: "x" }],
      },
      {},
    );
    expect(checked.ok).toBe(false);
    const fromBrowser = checked.ok ? {} : fieldErrorsOf(checked.errors);
    expect(fromBrowser).toEqual({
      "erfgenaam.0.erfgenaam_naam": "required",
      "erfgenaam.1.leeftijd": "invalid_number",
    });
    expect(
      fieldErrorsOfDetails([
        { path: "body.answers.erfgenaam.0.erfgenaam_naam", code: "required" },
        { path: "body.answers.erfgenaam.1.leeftijd", code: "invalid_number" },
        { path: "body.answers.erfgenaam", code: "too_few_items" },
        { path: "body.go", code: "invalid_value" },
      ]),
    ).toEqual({ ...fromBrowser, erfgenaam: "too_few_items" });
  });
});
