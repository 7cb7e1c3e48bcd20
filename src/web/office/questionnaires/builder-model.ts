import type {
  Condition,
  PageItem,
  Question,
  QuestionnaireDefinition,
  QuestionType,
} from "#src/contracts/questionnaires/definition.ts";

/**
 * What the questionnaire builder edits: a definition (see `definition.ts`) with what editing
 * needs on top. Every page, item and choice has a `key` of this screen only (React keys, the
 * ids of its fields), and conditions point at questions and choices by key, so renaming a
 * question keeps the conditions on it. The ids the server stores are made on saving: a new
 * question's from its Dutch text (a slug, made unique); one the server already has keeps its id,
 * as stored answers and sent questionnaires refer to it.
 */

export type Language = "nl" | "en";
export interface Texts {
  nl: string;
  en: string;
}

export interface DraftOption {
  key: string;
  /** Made from the Dutch label until staff change it themselves (or the server has it). */
  value: string;
  valueFixed: boolean;
  label: Texts;
}

export interface DraftCondition {
  questionKey: string;
  /** Yes or no for a yes/no question; a choice's key for a choice question. */
  equals: boolean | string;
}

export interface DraftQuestion {
  kind: "question";
  key: string;
  /** The stored id; empty for a question not saved yet, which gets one from its label. */
  id: string;
  type: QuestionType;
  label: Texts;
  help: Texts;
  required: boolean;
  options: DraftOption[];
  condition?: DraftCondition | undefined;
}

export interface DraftGroup {
  kind: "group";
  key: string;
  id: string;
  label: Texts;
  itemLabel: Texts;
  /** As typed in the number fields. */
  minItems: string;
  maxItems: string;
  questions: DraftQuestion[];
  condition?: DraftCondition | undefined;
}

export type DraftItem = DraftQuestion | DraftGroup;

export interface DraftPage {
  key: string;
  id: string;
  title: Texts;
  intro: Texts;
  condition?: DraftCondition | undefined;
  items: DraftItem[];
}

export interface Draft {
  title: Texts;
  description: Texts;
  pages: DraftPage[];
}

export const choiceTypes: readonly QuestionType[] = ["singleChoice", "multipleChoice"];
/** The question types a condition can look at. */
export const conditionTypes: readonly QuestionType[] = ["yesNo", ...choiceTypes];

const empty = (): Texts => ({ nl: "", en: "" });
let lastKey = 0;
export const newKey = (): string => `k${++lastKey}`;

export function newOption(): DraftOption {
  return { key: newKey(), value: "", valueFixed: false, label: empty() };
}

export function newQuestion(type: QuestionType = "text"): DraftQuestion {
  return {
    kind: "question",
    key: newKey(),
    id: "",
    type,
    label: empty(),
    help: empty(),
    required: true,
    options: choiceTypes.includes(type) ? [newOption(), newOption()] : [],
  };
}

export function newGroup(): DraftGroup {
  return {
    kind: "group",
    key: newKey(),
    id: "",
    label: empty(),
    itemLabel: empty(),
    minItems: "1",
    maxItems: "10",
    questions: [newQuestion()],
  };
}

export function newPage(): DraftPage {
  return { key: newKey(), id: "", title: empty(), intro: empty(), items: [newQuestion()] };
}

export function newDraft(): Draft {
  return { title: empty(), description: empty(), pages: [newPage()] };
}

// ── Slugs ─────────────────────────────────────────────────────────────────────────────

const MAX_SLUG = 32;

/**
 * A stored id from a text: lower case, without accents, words joined by "_", starting with a
 * letter, at most 32 characters (room for a "_2" and more within the 40 an id may have).
 */
export function slugify(text: string, fallback: string): string {
  let slug = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) slug = fallback;
  else if (!/^[a-z]/.test(slug)) slug = `${fallback}_${slug}`;
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG);
    const lastBreak = cut.lastIndexOf("_");
    slug = lastBreak >= 12 ? cut.slice(0, lastBreak) : cut;
  }
  return slug.replace(/_+$/, "");
}

/** A slug of the text that is not yet taken; takes it. */
export function uniqueSlug(text: string, fallback: string, taken: Set<string>): string {
  const base = slugify(text, fallback);
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
  taken.add(candidate);
  return candidate;
}

/** The value a choice gets from its Dutch label, unique among the question's other choices. */
export function optionValueFor(options: readonly DraftOption[], option: DraftOption): string {
  const taken = new Set(
    options.filter((other) => other.key !== option.key).map((other) => other.value),
  );
  return uniqueSlug(option.label.nl, "keuze", taken);
}

// ── Walking the draft ─────────────────────────────────────────────────────────────────

/** Every question in definition order, a group's questions after the questions before it. */
export function allQuestions(draft: Draft): DraftQuestion[] {
  return draft.pages.flatMap((page) =>
    page.items.flatMap((item) => (item.kind === "group" ? item.questions : [item])),
  );
}

export function findQuestion(draft: Draft, key: string): DraftQuestion | undefined {
  return allQuestions(draft).find((question) => question.key === key);
}

/** Where a condition may be set: a page, an item of a page, or a question of a group. */
export type ConditionPlace =
  | { pageKey: string }
  | { pageKey: string; itemKey: string }
  | { pageKey: string; itemKey: string; questionKey: string };

/**
 * The questions a condition at this place may look at: the yes/no and choice questions that
 * come before it (the schema's rule), a group's own questions only within the group.
 */
export function conditionCandidates(draft: Draft, place: ConditionPlace): DraftQuestion[] {
  const found: DraftQuestion[] = [];
  for (const page of draft.pages) {
    if (page.key === place.pageKey && !("itemKey" in place)) break;
    for (const item of page.items) {
      if ("itemKey" in place && item.key === place.itemKey) {
        if ("questionKey" in place && item.kind === "group") {
          for (const question of item.questions) {
            if (question.key === place.questionKey) break;
            found.push(question);
          }
        }
        return found.filter((question) => conditionTypes.includes(question.type));
      }
      if (item.kind === "question") found.push(item);
    }
    if (page.key === place.pageKey) break;
  }
  return found.filter((question) => conditionTypes.includes(question.type));
}

/** Takes away the conditions on questions that are gone. */
export function dropConditionsOn(draft: Draft, questionKeys: ReadonlySet<string>): void {
  const check = (holder: { condition?: DraftCondition | undefined }) => {
    if (holder.condition && questionKeys.has(holder.condition.questionKey)) {
      holder.condition = undefined;
    }
  };
  for (const page of draft.pages) {
    check(page);
    for (const item of page.items) {
      check(item);
      if (item.kind === "group") item.questions.forEach(check);
    }
  }
}

/** The keys of the questions in a page or item, for `dropConditionsOn` when it is removed. */
export function questionKeysOf(holder: DraftPage | DraftItem): Set<string> {
  const items = "items" in holder ? holder.items : [holder];
  return new Set(
    items.flatMap((item) => (item.kind === "group" ? item.questions : [item])).map((q) => q.key),
  );
}

/** Moves an element of a list one place up or down; outside the list, nothing. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [element] = next.splice(index, 1);
  if (element !== undefined) next.splice(to, 0, element);
  return next;
}

/** The list without the element with this key. */
export function withoutKey<T extends { key: string }>(list: readonly T[], key: string): T[] {
  return list.filter((element) => element.key !== key);
}

/**
 * Where the focus goes when the element at `index` is removed: the next one, else the one
 * before it; none when it was the only one.
 */
export function neighbourOf<T>(list: readonly T[], index: number): T | undefined {
  return list[index + 1] ?? list[index - 1];
}

/** Moves the element with this key one place up or down in its list. */
export function movedByKey<T extends { key: string }>(list: readonly T[], key: string, by: -1 | 1) {
  return moved(
    list,
    list.findIndex((element) => element.key === key),
    by,
  );
}

// ── From and to the definition ────────────────────────────────────────────────────────

/** The builder's draft of a stored definition: every id kept. */
export function fromDefinition(definition: QuestionnaireDefinition): Draft {
  const keyOfQuestion = new Map<string, string>();
  const optionKeys = new Map<string, Map<string, string>>();

  const toQuestion = (question: Question): DraftQuestion => {
    const key = newKey();
    keyOfQuestion.set(question.id, key);
    const options = (question.options ?? []).map((option) => ({
      key: newKey(),
      value: option.value,
      valueFixed: true,
      label: { ...option.label },
    }));
    optionKeys.set(question.id, new Map(options.map((option) => [option.value, option.key])));
    return {
      kind: "question",
      key,
      id: question.id,
      type: question.type,
      label: { ...question.label },
      help: question.help ? { ...question.help } : empty(),
      required: question.required,
      options,
    };
  };
  const toItem = (item: PageItem): DraftItem =>
    item.kind === "question"
      ? toQuestion(item)
      : {
          kind: "group",
          key: newKey(),
          id: item.id,
          label: { ...item.label },
          itemLabel: { ...item.itemLabel },
          minItems: String(item.minItems),
          maxItems: String(item.maxItems),
          questions: item.questions.map(toQuestion),
        };

  const pages: DraftPage[] = definition.pages.map((page) => ({
    key: newKey(),
    id: page.id,
    title: { ...page.title },
    intro: page.intro ? { ...page.intro } : empty(),
    items: page.items.map(toItem),
  }));

  // Conditions last: by then every question has its key.
  const toCondition = (condition: Condition | undefined): DraftCondition | undefined => {
    if (!condition) return undefined;
    const questionKey = keyOfQuestion.get(condition.questionId) ?? "";
    const equals =
      typeof condition.equals === "boolean"
        ? condition.equals
        : (optionKeys.get(condition.questionId)?.get(condition.equals) ?? "");
    return { questionKey, equals };
  };
  definition.pages.forEach((page, pageIndex) => {
    const draftPage = pages[pageIndex];
    if (!draftPage) return;
    draftPage.condition = toCondition(page.condition);
    page.items.forEach((item, itemIndex) => {
      const draftItem = draftPage.items[itemIndex];
      if (!draftItem) return;
      draftItem.condition = toCondition(item.condition);
      if (item.kind === "group" && draftItem.kind === "group") {
        item.questions.forEach((question, questionIndex) => {
          const draftQuestion = draftItem.questions[questionIndex];
          if (draftQuestion) draftQuestion.condition = toCondition(question.condition);
        });
      }
    });
  });

  return {
    title: { ...definition.title },
    description: definition.description ? { ...definition.description } : empty(),
    pages,
  };
}

const hasText = (texts: Texts) => texts.nl.trim() !== "" || texts.en.trim() !== "";
/** An optional text in both languages: left out when both are empty. */
const optionalTexts = (texts: Texts) => (hasText(texts) ? { ...texts } : undefined);
/** A number field's value; what is not a number goes as such, for the server to refuse. */
const numberOf = (typed: string) => (typed.trim() === "" ? Number.NaN : Number(typed));

/**
 * The definition the builder sends: new pages, items and questions get their ids here. The
 * order of everything stays the draft's, so a refusal's path (`pages.1.items.0.label.en`)
 * leads back to the field (see `builder-errors.ts`). Checking is the server's (the schema):
 * an empty text or a condition that no longer fits goes as it is, to be refused at its field.
 */
export function toDefinition(draft: Draft): QuestionnaireDefinition {
  const taken = new Set<string>();
  for (const page of draft.pages) {
    if (page.id) taken.add(page.id);
    for (const item of page.items) {
      if (item.id) taken.add(item.id);
      if (item.kind === "group") for (const q of item.questions) if (q.id) taken.add(q.id);
    }
  }
  const idOf = new Map<string, string>();
  const idFor = (holder: { key: string; id: string }, text: string, fallback: string) => {
    const id = holder.id || uniqueSlug(text, fallback, taken);
    idOf.set(holder.key, id);
    return id;
  };
  // Ids first, in order, so a condition finds the id of the question it looks at.
  for (const page of draft.pages) {
    idFor(page, page.title.nl, "pagina");
    for (const item of page.items) {
      idFor(item, item.label.nl, item.kind === "group" ? "groep" : "vraag");
      if (item.kind === "group") for (const q of item.questions) idFor(q, q.label.nl, "vraag");
    }
  }
  const questions = new Map(allQuestions(draft).map((question) => [question.key, question]));

  const condition = (draftCondition: DraftCondition | undefined): Condition | undefined => {
    if (!draftCondition) return undefined;
    const target = questions.get(draftCondition.questionKey);
    const { equals } = draftCondition;
    return {
      questionId: idOf.get(draftCondition.questionKey) ?? "",
      equals:
        typeof equals === "boolean"
          ? equals
          : (target?.options.find((option) => option.key === equals)?.value ?? ""),
    };
  };
  const withCondition = <T extends object>(part: T, draftCondition?: DraftCondition) => {
    const made = condition(draftCondition);
    return made ? { ...part, condition: made } : part;
  };
  const question = (draftQuestion: DraftQuestion): Question => {
    const help = optionalTexts(draftQuestion.help);
    const base = {
      kind: "question" as const,
      id: idOf.get(draftQuestion.key) ?? "",
      type: draftQuestion.type,
      label: { ...draftQuestion.label },
      ...(help ? { help } : {}),
      required: draftQuestion.required,
      ...(choiceTypes.includes(draftQuestion.type)
        ? {
            options: draftQuestion.options.map((option) => ({
              value: option.value,
              label: { ...option.label },
            })),
          }
        : {}),
    };
    return withCondition(base, draftQuestion.condition);
  };
  const item = (draftItem: DraftItem): PageItem =>
    draftItem.kind === "question"
      ? question(draftItem)
      : withCondition(
          {
            kind: "group" as const,
            id: idOf.get(draftItem.key) ?? "",
            label: { ...draftItem.label },
            itemLabel: { ...draftItem.itemLabel },
            minItems: numberOf(draftItem.minItems),
            maxItems: numberOf(draftItem.maxItems),
            questions: draftItem.questions.map(question),
          },
          draftItem.condition,
        );

  const description = optionalTexts(draft.description);
  return {
    title: { ...draft.title },
    ...(description ? { description } : {}),
    pages: draft.pages.map((page) => {
      const intro = optionalTexts(page.intro);
      return withCondition(
        {
          id: idOf.get(page.key) ?? "",
          title: { ...page.title },
          ...(intro ? { intro } : {}),
          items: page.items.map(item),
        },
        page.condition,
      );
    }),
  };
}
