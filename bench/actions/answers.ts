import type { Answers, RawAnswer, RawPageInput } from "#src/contracts/questionnaires/answers.ts";
import type {
  Page,
  Question,
  QuestionnaireDefinition,
} from "#src/contracts/questionnaires/definition.ts";
import { validatePage, withPageAnswers } from "#src/contracts/questionnaires/validate-page.ts";
import { GROUP_ITEMS, SAVED_PAGE } from "./questionnaire.ts";

/** The answers a client gives to the bench's questionnaire: as the form sends them, and as stored. */

const LONG_ANSWER = [
  "Mijn partner en ik willen dat de langstlevende in de woning kan blijven wonen, ook als de kinderen hun erfdeel opeisen.",
  "Onze oudste dochter woont in het buitenland; zij heeft aangegeven dat zij geen bezwaar heeft tegen een wettelijke verdeling.",
  "",
  "Verder willen wij dat de spaarrekening van onze jongste zoon, die wij sinds zijn geboorte voor hem aanvullen, buiten de verdeling valt.",
  "Wij hebben hierover ook al met de financieel adviseur gesproken; het gespreksverslag kan ik meesturen als dat helpt.",
].join("\n");

/** A page's answers as the form sends them: every answer of its type, some long with line breaks. */
function rawAnswer(question: Question, n: number): RawAnswer {
  const nth = <T>(list: readonly T[]) => list[n % list.length] as T;
  const values = question.options?.map((option) => option.value) ?? [];
  switch (question.type) {
    case "text":
      return nth([
        "Johanna Maria Ĳsselstein-El Amrani",
        "Rotterdam",
        "Verpleegkundige in het Erasmus MC",
      ]);
    case "longText":
      // One in three half a page and more, the rest a few paragraphs.
      return n % 3 === 0 ? Array(5).fill(LONG_ANSWER).join("\n\n") : LONG_ANSWER;
    case "number":
      return nth(["12", "1.250", "33,5"]);
    case "amount":
      return nth(["€ 425.000,-", "€ 183.250,50", "12.500"]);
    case "date":
      return nth(["14-03-1961", "1987-09-30", "2-1-2019"]);
    case "yesNo":
      return true;
    case "singleChoice":
      return nth(values);
    case "multipleChoice":
      return values.filter((_, index) => (index + n) % 2 === 0);
    case "email":
      return "j.ijsselstein@example.nl";
    case "phone":
      return nth(["06 1234 5678", "020-123 45 67"]);
    case "iban":
      return nth(["NL91 ABNA 0417 1643 00", "NL20INGB0001234567"]);
    case "bsn":
      return nth(["111222333", "123456782"]);
    case "postcode":
      return { postcode: "3011 ab", houseNumber: "12", addition: n % 2 === 0 ? "a" : "bis" };
    case "file":
      return {
        documentId: "6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b",
        name: "Paspoort Johanna IJsselstein.pdf",
      };
  }
}

/** The form's input for page `pageId`; the group with three heirs. */
export function rawPageInput(definition: QuestionnaireDefinition, pageId: string): RawPageInput {
  const page = definition.pages.find((candidate) => candidate.id === pageId) as Page;
  const input: RawPageInput = {};
  page.items.forEach((item, index) => {
    if (item.kind === "question") {
      // An optional question is left empty.
      if (item.required) input[item.id] = rawAnswer(item, index);
      return;
    }
    input[item.id] = Array.from({ length: GROUP_ITEMS }, (_, heir) =>
      Object.fromEntries(
        // The second heir's (optional) email address is left empty.
        item.questions.flatMap((question, at) =>
          question.required || heir !== 1 ? [[question.id, rawAnswer(question, heir + at)]] : [],
        ),
      ),
    );
  });
  return input;
}

/** The body of the measured save ("Volgende" with `go: "stay"`): the saved page's answers. */
export function saveRequestBody(definition: QuestionnaireDefinition): string {
  return JSON.stringify({ answers: rawPageInput(definition, SAVED_PAGE), go: "stay" });
}

/** The stored answers of the first `pages` pages, as `saveQuestionnairePage` stores them. */
export function storedAnswers(definition: QuestionnaireDefinition, pages: number): Answers {
  let answers: Answers = {};
  for (const page of definition.pages.slice(0, pages)) {
    const checked = validatePage(definition, page.id, rawPageInput(definition, page.id), answers);
    if (!checked.ok) {
      throw new Error(`the bench's answers to ${page.id} fail: ${JSON.stringify(checked.errors)}`);
    }
    answers = withPageAnswers(definition, page.id, answers, checked.answers);
  }
  return answers;
}
