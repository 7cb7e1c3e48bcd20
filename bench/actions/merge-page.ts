import type { Answers, RawPageInput } from "#src/contracts/questionnaires/answers.ts";

/** Who gave an answer, as `answer_authors` stores it per item. */
export interface Author {
  accountId: string;
  name: string;
  at: string;
}

/**
 * The page's answers in place of the stored ones, and who gave them: as Poort does, unchecked
 * (the baseline's save, and the write whose plan the bench shows).
 */
export function mergePage(
  itemIds: readonly string[],
  stored: { answers: Answers; authors: Record<string, Author> },
  input: RawPageInput,
  author: Author,
) {
  const answers = { ...stored.answers } as Record<string, unknown>;
  const authors = { ...stored.authors };
  for (const itemId of itemIds) {
    delete answers[itemId];
    if (itemId in input) {
      answers[itemId] = input[itemId];
      authors[itemId] = author;
    } else {
      delete authors[itemId];
    }
  }
  return { answers, authors };
}
