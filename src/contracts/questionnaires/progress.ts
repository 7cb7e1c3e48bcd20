import type { Answers } from "./answers.ts";
import type { Page, PageItem, QuestionnaireDefinition } from "./definition.ts";
import { groupItemsOf, isVisible, visibleAnswers, visiblePages } from "./visibility.ts";

/** Moving through a questionnaire's visible pages, and whether everything asked is answered. */

/** The visible page after `pageId`, or undefined after the last (on to the summary). */
export function nextPage(
  definition: QuestionnaireDefinition,
  answers: Answers,
  pageId: string,
): Page | undefined {
  const index = definition.pages.findIndex((page) => page.id === pageId);
  if (index < 0) return undefined;
  const visible = visiblePages(definition, answers);
  return definition.pages.slice(index + 1).find((page) => visible.includes(page));
}

/** The visible page before `pageId`, or undefined on the first. */
export function previousPage(
  definition: QuestionnaireDefinition,
  answers: Answers,
  pageId: string,
): Page | undefined {
  const index = definition.pages.findIndex((page) => page.id === pageId);
  if (index < 0) return undefined;
  const visible = visiblePages(definition, answers);
  return definition.pages.slice(0, index).findLast((page) => visible.includes(page));
}

export type Completeness = { complete: true } | { complete: false; pageId: string };

/**
 * Whether every visible required question has an answer and every visible group has between
 * its minimum and maximum of items; if not, the first page to go back to.
 */
export function isComplete(definition: QuestionnaireDefinition, answers: Answers): Completeness {
  const visible = visibleAnswers(definition, answers);
  const incomplete = definition.pages.find(
    (page) =>
      isVisible(page.condition, visible) &&
      !page.items.every((item) => isItemComplete(item, visible)),
  );
  return incomplete ? { complete: false, pageId: incomplete.id } : { complete: true };
}

function isItemComplete(item: PageItem, visible: Answers): boolean {
  if (!isVisible(item.condition, visible)) return true;
  if (item.kind === "question") return !item.required || visible[item.id] !== undefined;
  const groupItems = groupItemsOf(visible[item.id]);
  return (
    groupItems.length >= item.minItems &&
    groupItems.length <= item.maxItems &&
    groupItems.every((groupItem) =>
      item.questions.every(
        (question) =>
          !question.required ||
          !isVisible(question.condition, visible, groupItem) ||
          groupItem[question.id] !== undefined,
      ),
    )
  );
}
