import { describe, expect, it } from "vitest";
import { rawPageInputSchema } from "./answers.ts";

const documentId = "0b7c8a2e-4f7e-4a53-9d5c-6f1a2b3c4d5e";

describe("rawPageInputSchema", () => {
  it("takes every shape a form sends, as typed", () => {
    const body = {
      naam: " Jan ",
      getrouwd: true,
      telefoon: null,
      bezit: ["woning", "auto"],
      adres: { postcode: "1234ab", houseNumber: "12" },
      bijlage: { documentId, name: " akte.pdf " },
      kopers: [{ naam_koper: "Jan", rol: "koper" }, {}],
    };
    expect(rawPageInputSchema.parse(body)).toEqual({
      ...body,
      // The file's name is shown as is, so it is trimmed here already; typed text stays raw.
      bijlage: { documentId, name: "akte.pdf" },
    });
  });

  it.each([
    ["a key that is no id", { "naam-koper": "Jan" }],
    ["a number", { leeftijd: 64 }],
    ["a list of lists", { bezit: [["woning"]] }],
    ["text beyond 10,000 characters", { opmerking: "x".repeat(10_001) }],
    ["a file that is no document id", { bijlage: { documentId: "1", name: "akte.pdf" } }],
    ["51 group items", { kopers: Array.from({ length: 51 }, () => ({})) }],
    ["a group item in a group item", { kopers: [{ kinderen: [{}] }] }],
  ])("refuses %s", (_, body) => {
    expect(rawPageInputSchema.safeParse(body).success).toBe(false);
  });

  it("refuses more answers than a definition has questions", () => {
    const answers = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`q${index}`, "x"]));
    expect(rawPageInputSchema.safeParse(answers(300)).success).toBe(true);
    const tooMany = rawPageInputSchema.safeParse(answers(301));
    expect(tooMany.error?.issues[0]?.message).toBe("too_many_answers");
  });
});
