import type { Answers, AnswerValue, GroupItemAnswers } from "./answers.ts";
import type { Condition, Group, Page, QuestionnaireDefinition } from "./definition.ts";

/**
 * Which pages and questions a client sees, given the answers so far. Answers of questions that
 * became hidden stay stored (they come back if the client changes the answer back), so
 * everything that reads answers goes through `visibleAnswers` first.
 */

/**
 * Whether something with `condition` shows. Pass visible answers: a condition on a hidden
 * question's stale answer must not hold. In a group item, the item's own answers count first.
 */
export function isVisible(
  condition: Condition | undefined,
  answers: Answers,
  groupItem?: GroupItemAnswers,
): boolean {
  if (!condition) return true;
  const answer = groupItem?.[condition.questionId] ?? answers[condition.questionId];
  if (Array.isArray(answer)) return answer.some((value) => value === condition.equals);
  return answer === condition.equals;
}

/**
 * The answers a client can see: without those of hidden pages, questions, groups and group
 * questions. Conditions only look back, so one pass in definition order settles chains (a
 * question shown by an answer that is itself hidden is hidden too).
 */
export function visibleAnswers(definition: QuestionnaireDefinition, answers: Answers): Answers {
  const visible: Answers = {};
  for (const page of definition.pages) {
    if (!isVisible(page.condition, visible)) continue;
    for (const item of page.items) {
      const answer = answers[item.id];
      if (answer === undefined || !isVisible(item.condition, visible)) continue;
      visible[item.id] =
        item.kind === "question"
          ? answer
          : groupItemsOf(answer).map((groupItem) => visibleInItem(item, groupItem, visible));
    }
  }
  return visible;
}

function visibleInItem(group: Group, groupItem: GroupItemAnswers, answers: Answers) {
  const visible: GroupItemAnswers = {};
  for (const question of group.questions) {
    const answer = groupItem[question.id];
    if (answer !== undefined && isVisible(question.condition, answers, visible)) {
      visible[question.id] = answer;
    }
  }
  return visible;
}

/** A group's stored items; anything else (which validation never stores) counts as none. */
export function groupItemsOf(answer: AnswerValue | GroupItemAnswers[] | undefined) {
  if (!Array.isArray(answer)) return [];
  return answer.filter((item): item is GroupItemAnswers => typeof item === "object");
}

export function visiblePages(definition: QuestionnaireDefinition, answers: Answers): Page[] {
  const visible = visibleAnswers(definition, answers);
  return definition.pages.filter((page) => isVisible(page.condition, visible));
}
