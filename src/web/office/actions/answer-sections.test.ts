import { describe, expect, it } from "vitest";
import { willIntake } from "#test/support/actions.ts";
import { answerSections } from "./answer-sections.ts";

describe("the office's answers, page by page", () => {
  it("says a group the client sees without any item is empty, in its place", () => {
    const sections = answerSections(willIntake, { naam: "Jan Jansen", getrouwd: false }, "nl");
    expect(sections.map((section) => section.heading)).toEqual([
      "Over u",
      "Erfgenamen",
      "Afronding",
    ]);
    // The partner's name is hidden: not married.
    expect(sections[0]?.entries.map((entry) => ("key" in entry ? entry.key : ""))).toEqual([
      "naam",
      "geboortedatum",
      "bsn",
      "getrouwd",
    ]);
    expect(sections[1]?.entries).toEqual([{ emptyGroupId: "erfgenaam", label: "Erfgenamen" }]);
  });

  it("keeps the group's items and the questions around them in the page's order", () => {
    const sections = answerSections(
      willIntake,
      {
        erfgenaam: [{ erfgenaam_naam: "Piet Jansen", erfdeel: 125000 }, { erfgenaam_naam: "Kees" }],
        iban: "NL91ABNA0417164300",
      },
      "en",
    );
    expect(sections[1]?.entries).toMatchObject([
      { groupHeading: "Heir 1", entries: [{ answer: "Piet Jansen" }, { answer: "€ 1.250,00" }] },
      { groupHeading: "Heir 2", entries: [{ answer: "Kees" }, { answer: null }] },
    ]);
    expect(sections[2]?.entries).toMatchObject([
      { key: "iban", answer: "NL91 ABNA 0417 1643 00" },
      { key: "wensen", answer: null },
      { key: "paspoort", answer: null },
    ]);
  });
});
