import { useTranslation } from "react-i18next";
import type { Locale } from "#src/contracts/locale.ts";
import {
  answerSummary,
  type SummaryAnswer,
  type SummaryGroupItem,
} from "#src/contracts/questionnaires/answer-summary.ts";
import type { Answers } from "#src/contracts/questionnaires/answers.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { Button } from "../components/Button.tsx";
import { VisuallyHidden } from "../components/VisuallyHidden.tsx";
import "./questionnaires.css";

interface AnswerSummaryListProps {
  definition: QuestionnaireDefinition;
  answers: Answers;
  locale: Locale;
  /** "Wijzigen" per page; without it the summary is only read. */
  onChangePage?(pageId: string): void;
}

/**
 * Every question the client sees with its answer, page by page ("Niet ingevuld" where there is
 * none), as `answerSummary` tells it: the same as the PDF and the office's export.
 */
export function AnswerSummaryList({
  definition,
  answers,
  locale,
  onChangePage,
}: AnswerSummaryListProps) {
  const { t } = useTranslation();
  const sections = answerSummary(definition, answers, locale);
  return (
    <div className="poort-answer-summary">
      {sections.map((section) => (
        <section
          key={section.pageId}
          className="poort-answer-summary__section"
          aria-labelledby={`summary-${section.pageId}`}
        >
          <div className="poort-answer-summary__header">
            <h3 id={`summary-${section.pageId}`} className="utrecht-heading-3">
              {section.heading}
            </h3>
            {onChangePage && (
              <Button
                appearance="subtle"
                className="poort-no-print"
                onClick={() => onChangePage(section.pageId)}
              >
                {t("questionnaires.summary.change")}
                <VisuallyHidden>
                  {" "}
                  {t("questionnaires.summary.changeWhich", { page: section.heading })}
                </VisuallyHidden>
              </Button>
            )}
          </div>
          {runsOf(section.entries).map((run) =>
            "groupHeading" in run ? (
              <div key={run.groupHeading} className="poort-answer-summary__group">
                <h4 className="utrecht-heading-4">{run.groupHeading}</h4>
                <AnswerList entries={run.entries} />
              </div>
            ) : (
              <AnswerList key={run.answers[0]?.key} entries={run.answers} />
            ),
          )}
        </section>
      ))}
    </div>
  );
}

/** The entries in page order: answers next to each other in one list, each group item apart. */
function runsOf(entries: (SummaryAnswer | SummaryGroupItem)[]) {
  const runs: (SummaryGroupItem | { answers: SummaryAnswer[] })[] = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if ("groupHeading" in entry) runs.push(entry);
    else if (last && "answers" in last) last.answers.push(entry);
    else runs.push({ answers: [entry] });
  }
  return runs;
}

function AnswerList({ entries }: { entries: SummaryAnswer[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows poort-answer-summary__list">
      {entries.map((entry) => (
        <div key={entry.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{entry.label}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {entry.answer === null ? (
              <span className="poort-answer-summary__empty">
                {t("questionnaires.summary.notAnswered")}
              </span>
            ) : (
              entry.answer
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
