import {
  type ChoiceOption,
  type LocalizedText,
  type Page,
  type Question,
  type QuestionnaireDefinition,
  type QuestionType,
  questionnaireDefinitionSchema,
} from "#src/contracts/questionnaires/definition.ts";

/**
 * The bench's questionnaire, as a notary would send it before drawing up a will: long labels in
 * both languages, help texts and choices, so that its PDF and its stored definition are as large
 * as a real one's.
 */

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/** Label templates per type, `{s}` the page's subject; the n-th question of a type takes the n-th. */
const LABELS: Record<QuestionType, LocalizedText[]> = {
  text: [
    t(
      "Volledige naam van {s} (alle voornamen en achternaam)",
      "Full name of {s} (all first names and surname)",
    ),
    t("Geboorteplaats van {s}", "Place of birth of {s}"),
    t("Beroep of functie van {s}", "Occupation of {s}"),
  ],
  longText: [
    t(
      "Wat wilt u de notaris nog vertellen over {s}? Denk aan afspraken, wensen en bijzonderheden die in de akte moeten komen.",
      "What else would you like the notary to know about {s}? Think of arrangements, wishes and particulars for the deed.",
    ),
    t("Toelichting over {s}", "Notes about {s}"),
  ],
  number: [
    t("Aantal jaren dat {s} in Nederland woont", "Years {s} has lived in the Netherlands"),
    t("Aandeel in procenten voor {s}", "Share in per cent for {s}"),
  ],
  amount: [
    t("Geschatte waarde van de bezittingen van {s}", "Estimated value of the assets of {s}"),
    t("Openstaande schulden van {s}, zoals een hypotheek", "Debts of {s}, such as a mortgage"),
  ],
  date: [
    t("Geboortedatum van {s}", "Date of birth of {s}"),
    t("Sinds wanneer geldt dit voor {s}?", "Since when has this applied to {s}?"),
  ],
  yesNo: [
    t(
      "Heeft {s} eerder een testament of huwelijkse voorwaarden laten opstellen?",
      "Has {s} had a will or a prenuptial agreement drawn up before?",
    ),
    t("Wilt u iets bijzonders regelen voor {s}?", "Would you like to arrange anything for {s}?"),
  ],
  singleChoice: [
    t("Wat is de burgerlijke staat van {s}?", "What is the marital status of {s}?"),
    t("Welke regeling kiest u voor {s}?", "Which arrangement do you choose for {s}?"),
  ],
  multipleChoice: [t("Wat hoort er bij {s}?", "What belongs to {s}?")],
  email: [t("E-mailadres van {s}", "Email address of {s}")],
  phone: [t("Telefoonnummer van {s}", "Phone number of {s}")],
  iban: [
    t("Rekeningnummer (IBAN) van {s}", "Bank account (IBAN) of {s}"),
    t("Tweede rekeningnummer (IBAN) van {s}", "Second bank account (IBAN) of {s}"),
  ],
  bsn: [t("Burgerservicenummer (BSN) van {s}", "Citizen service number (BSN) of {s}")],
  postcode: [t("Adres van {s}", "Address of {s}")],
  file: [
    t("Kopie van het identiteitsbewijs van {s}", "Copy of the identity document of {s}"),
    t("Een ander document over {s}", "Another document about {s}"),
  ],
};

const OPTIONS: ChoiceOption[] = [
  { value: "married", label: t("Getrouwd of geregistreerd partner", "Married or registered") },
  { value: "cohabiting", label: t("Samenwonend zonder contract", "Living together") },
  { value: "single", label: t("Alleenstaand", "Single") },
  { value: "divorced", label: t("Gescheiden", "Divorced") },
  { value: "widowed", label: t("Weduwe of weduwnaar", "Widowed") },
  { value: "other", label: t("Anders, namelijk in de toelichting", "Other, see the notes") },
];

const HELP = t(
  "De notaris gebruikt dit om de akte op te stellen. Weet u het niet precies? Vul dan in wat u weet en zet het in de toelichting op de laatste pagina; de notaris vraagt er in het gesprek naar.",
  "The notary uses this to draft the deed. Not sure? Fill in what you know and add a note on the last page; the notary will ask about it at the meeting.",
);

/** A page of ten items, asking about `subject`. */
interface PagePlan {
  id: string;
  title: LocalizedText;
  subject: LocalizedText;
  /** The types of its questions in order, a `?` making one optional (and left unanswered). */
  types: string;
}

const PAGES: PagePlan[] = [
  {
    id: "personal",
    title: t("Uw gegevens", "Your details"),
    subject: t("uzelf", "yourself"),
    types: "text text date bsn postcode email phone? singleChoice yesNo longText",
  },
  {
    // The page saved under load: ten questions, no file, no group.
    id: "partner",
    title: t("Uw partner", "Your partner"),
    subject: t("uw partner", "your partner"),
    types: "text text date bsn postcode email phone iban singleChoice multipleChoice",
  },
  {
    id: "children",
    title: t("Kinderen", "Children"),
    subject: t("uw kinderen", "your children"),
    types: "yesNo number text longText date text? multipleChoice yesNo file amount",
  },
  {
    id: "home",
    title: t("Uw woning", "Your home"),
    subject: t("de woning", "the home"),
    types: "postcode amount amount date singleChoice yesNo text number file longText?",
  },
  {
    id: "finances",
    title: t("Financiën", "Finances"),
    subject: t("uw vermogen", "your assets"),
    types: "iban iban? amount amount multipleChoice yesNo longText number text file",
  },
  {
    // Five questions and a group of five, answered for three heirs.
    id: "heirs",
    title: t("Erfgenamen", "Heirs"),
    subject: t("uw erfgenamen", "your heirs"),
    types: "yesNo text longText text singleChoice",
  },
  {
    id: "gifts",
    title: t("Schenkingen", "Gifts"),
    subject: t("uw schenkingen", "your gifts"),
    types: "yesNo amount date text longText multipleChoice singleChoice number text? yesNo",
  },
  {
    id: "executor",
    title: t("Executeur", "Executor"),
    subject: t("de executeur", "the executor"),
    types: "text date postcode phone email bsn singleChoice longText yesNo iban",
  },
  {
    id: "wishes",
    title: t("Uw wensen", "Your wishes"),
    subject: t("uw uitvaart en nalatenschap", "your funeral and estate"),
    types: "longText multipleChoice singleChoice yesNo text longText? date number amount text",
  },
  {
    id: "final",
    title: t("Tot slot", "Finally"),
    subject: t("uw situatie", "your situation"),
    types: "file file? longText yesNo singleChoice email phone date text longText?",
  },
];
const GROUP_ID = "heirs_group";
/** The heirs the answers give in the repeating group. */
export const GROUP_ITEMS = 3;
/** The page saved under load. */
export const SAVED_PAGE = "partner";

function fill(text: LocalizedText, subject: LocalizedText): LocalizedText {
  return t(text.nl.replace("{s}", subject.nl), text.en.replace("{s}", subject.en));
}

function makeQuestion(questionId: string, type: QuestionType, label: LocalizedText, n: number) {
  const question: Question = {
    kind: "question",
    id: questionId,
    type,
    label,
    required: true,
    ...(n % 3 === 0 ? { help: HELP } : {}),
    ...(type === "singleChoice" || type === "multipleChoice" ? { options: OPTIONS } : {}),
  };
  return question;
}

/**
 * The bench's questionnaire: 100 questions on 10 pages (95 on the pages, 5 in a repeating group
 * of heirs), every type, help under one question in three; the long answer on the first page
 * shows only after "yes" to the question before it.
 */
export function benchDefinition(): QuestionnaireDefinition {
  let n = 0;
  const pages: Page[] = PAGES.map((plan) => {
    const seen = new Map<string, number>();
    const items: Page["items"] = plan.types.split(" ").map((spec) => {
      const type = spec.replace("?", "") as QuestionType;
      const k = seen.get(type) ?? 0;
      seen.set(type, k + 1);
      const templates = LABELS[type];
      const label = fill(templates[k % templates.length] as LocalizedText, plan.subject);
      const question = makeQuestion(`${plan.id}_${type.toLowerCase()}_${k}`, type, label, n++);
      return { ...question, required: !spec.endsWith("?") };
    });
    return { id: plan.id, title: plan.title, items };
  });
  const personal = pages[0] as Page;
  // "Toelichting" only after "yes, I had a will made before".
  const [earlier, notes] = personal.items.slice(-2) as [Question, Question];
  notes.condition = { questionId: earlier.id, equals: true };
  const heirs = pages.find((page) => page.id === "heirs") as Page;
  const heir = t("de erfgenaam", "the heir");
  heirs.items.push({
    kind: "group",
    id: GROUP_ID,
    label: t("Erfgenamen", "Heirs"),
    itemLabel: t("Erfgenaam", "Heir"),
    minItems: 1,
    maxItems: 20,
    questions: [
      makeQuestion("heir_name", "text", fill(LABELS.text[0] as LocalizedText, heir), n++),
      makeQuestion("heir_birth_date", "date", fill(LABELS.date[0] as LocalizedText, heir), n++),
      makeQuestion("heir_relation", "singleChoice", t("Relatie tot u", "Relation to you"), n++),
      makeQuestion("heir_share", "number", fill(LABELS.number[1] as LocalizedText, heir), n++),
      {
        ...makeQuestion("heir_email", "email", fill(LABELS.email[0] as LocalizedText, heir), n++),
        required: false,
      },
    ],
  });
  return questionnaireDefinitionSchema.parse({
    title: t("Testament en levenstestament", "Will and lasting power of attorney"),
    description: HELP,
    pages,
  });
}

/** The ids of a page's items: the keys of the answers that saving it replaces. */
export function pageItemIds(definition: QuestionnaireDefinition, pageId: string): string[] {
  return definition.pages.find((page) => page.id === pageId)?.items.map((item) => item.id) ?? [];
}
