import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import type { ApiClient } from "./api-client.ts";
import { sendWithCsrf } from "./messages.ts";

const both = (nl: string, en: string) => ({ nl, en });

/**
 * A will intake of three pages, with what the tests need to meet: a condition (the partner's
 * name only when married), a repeating group (heirs), checked types (date, BSN, IBAN, amount)
 * and an optional file.
 */
export const willIntake: QuestionnaireDefinition = {
  title: both("Testament", "Will"),
  pages: [
    {
      id: "persoon",
      title: both("Over u", "About you"),
      items: [
        { kind: "question", id: "naam", type: "text", label: both("Naam", "Name"), required: true },
        {
          kind: "question",
          id: "geboortedatum",
          type: "date",
          label: both("Geboortedatum", "Date of birth"),
          required: true,
        },
        { kind: "question", id: "bsn", type: "bsn", label: both("BSN", "BSN"), required: true },
        {
          kind: "question",
          id: "getrouwd",
          type: "yesNo",
          label: both("Bent u getrouwd?", "Are you married?"),
          required: true,
        },
        {
          kind: "question",
          id: "partner",
          type: "text",
          label: both("Naam van uw partner", "Your partner's name"),
          required: true,
          condition: { questionId: "getrouwd", equals: true },
        },
      ],
    },
    {
      id: "erfgenamen",
      title: both("Erfgenamen", "Heirs"),
      items: [
        {
          kind: "group",
          id: "erfgenaam",
          label: both("Erfgenamen", "Heirs"),
          itemLabel: both("Erfgenaam", "Heir"),
          minItems: 1,
          maxItems: 5,
          questions: [
            {
              kind: "question",
              id: "erfgenaam_naam",
              type: "text",
              label: both("Naam erfgenaam", "Heir's name"),
              required: true,
            },
            {
              kind: "question",
              id: "erfdeel",
              type: "amount",
              label: both("Legaat", "Legacy"),
              required: false,
            },
          ],
        },
      ],
    },
    {
      id: "afronding",
      title: both("Afronding", "Finishing"),
      items: [
        {
          kind: "question",
          id: "iban",
          type: "iban",
          label: both("Rekeningnummer", "Account number"),
          required: true,
        },
        {
          kind: "question",
          id: "wensen",
          type: "longText",
          label: both("Uw wensen", "Your wishes"),
          required: false,
        },
        {
          kind: "question",
          id: "paspoort",
          type: "file",
          label: both("Kopie paspoort", "Copy of passport"),
          required: false,
        },
      ],
    },
  ],
};

/** An office admin makes a questionnaire template (version 1); returns its id. */
export async function createQuestionnaire(
  admin: ApiClient,
  definition: QuestionnaireDefinition = willIntake,
): Promise<string> {
  const created = await admin.post("/api/office/questionnaire-templates", definition);
  if (created.statusCode !== 201)
    throw new Error(`template: ${created.statusCode} ${created.body}`);
  return created.json().id;
}

/** "Volgende" (or another move) on a page of the client's questionnaire. */
export function savePage(
  client: ApiClient,
  actionId: string,
  pageId: string,
  answers: Record<string, unknown>,
  go: "next" | "previous" | "stay" = "next",
) {
  return sendWithCsrf(client, "PUT", `/api/portal/actions/${actionId}/pages/${pageId}`, {
    answers,
    go,
  });
}
