import type { Locale } from "../locale.ts";
import type { Answers, AnswerValue } from "./answers.ts";
import type { QuestionnaireDefinition } from "./definition.ts";
import { formatAnswer } from "./format-answer.ts";
import { groupItemsOf, isVisible, visibleAnswers } from "./visibility.ts";

/**
 * Every question a client sees, page by page, with its answer as text or null when it has none:
 * the summary before "Bevestigen", the PDF filed after it, and the office's export all read the
 * answers this way, so they never disagree about what was asked and answered.
 */

export interface SummaryAnswer {
  /** The question id, or for a group's question "group.index.question" (index from 1). */
  key: string;
  /** The id of what holds the answer in the stored answers (a question, or its group). */
  answerId: string;
  label: string;
  answer: string | null;
}

export interface SummaryGroupItem {
  /** "Erfgenaam 2". */
  groupHeading: string;
  entries: SummaryAnswer[];
}

export interface SummarySection {
  pageId: string;
  heading: string;
  entries: (SummaryAnswer | SummaryGroupItem)[];
}

export function answerSummary(
  definition: QuestionnaireDefinition,
  answers: Answers,
  locale: Locale,
): SummarySection[] {
  const visible = visibleAnswers(definition, answers);
  const text = (question: Parameters<typeof formatAnswer>[0], value: AnswerValue | undefined) =>
    value === undefined ? null : formatAnswer(question, value, locale);
  return definition.pages
    .filter((page) => isVisible(page.condition, visible))
    .map((page) => ({
      pageId: page.id,
      heading: page.title[locale],
      entries: page.items.flatMap((item): SummarySection["entries"] => {
        if (!isVisible(item.condition, visible)) return [];
        if (item.kind === "question") {
          // A question's answer is never a group's list: validation stores each by its item.
          const value = visible[item.id] as AnswerValue | undefined;
          return [
            {
              key: item.id,
              answerId: item.id,
              label: item.label[locale],
              answer: text(item, value),
            },
          ];
        }
        return groupItemsOf(visible[item.id]).map((groupItem, index) => ({
          groupHeading: `${item.itemLabel[locale]} ${index + 1}`,
          entries: item.questions
            .filter((question) => isVisible(question.condition, visible, groupItem))
            .map((question) => ({
              key: `${item.id}.${index + 1}.${question.id}`,
              answerId: item.id,
              label: question.label[locale],
              answer: text(question, groupItem[question.id]),
            })),
        }));
      }),
    }));
}
