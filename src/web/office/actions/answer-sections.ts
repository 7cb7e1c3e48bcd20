import type { Locale } from "#src/contracts/locale.ts";
import {
  answerSummary,
  type SummaryAnswer,
  type SummaryGroupItem,
} from "#src/contracts/questionnaires/answer-summary.ts";
import type { Answers } from "#src/contracts/questionnaires/answers.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import {
  groupItemsOf,
  isVisible,
  visibleAnswers,
} from "#src/contracts/questionnaires/visibility.ts";

/** A repeating group the client sees but added no item to ("Erfgenamen: Niet ingevuld"). */
export interface EmptyGroup {
  emptyGroupId: string;
  label: string;
}

export interface AnswerSection {
  pageId: string;
  heading: string;
  entries: (SummaryAnswer | SummaryGroupItem | EmptyGroup)[];
}

/**
 * The answers as `answerSummary` tells them, page by page, with one addition for the office:
 * a group the client sees without any item is said to be empty, where the summary (made for the
 * client's own "Controleren") leaves it out.
 */
export function answerSections(
  definition: QuestionnaireDefinition,
  answers: Answers,
  locale: Locale,
): AnswerSection[] {
  const visible = visibleAnswers(definition, answers);
  return answerSummary(definition, answers, locale).map((section) => {
    const page = definition.pages.find((candidate) => candidate.id === section.pageId);
    if (!page) return section;
    // The summary holds, in the page's order, one entry per visible question and one per item
    // of each visible group: walk both together.
    let next = 0;
    const entries = page.items.flatMap((item): AnswerSection["entries"] => {
      if (!isVisible(item.condition, visible)) return [];
      const count = item.kind === "question" ? 1 : groupItemsOf(visible[item.id]).length;
      if (count === 0) return [{ emptyGroupId: item.id, label: item.label[locale] }];
      next += count;
      return section.entries.slice(next - count, next);
    });
    return { ...section, entries };
  });
}
