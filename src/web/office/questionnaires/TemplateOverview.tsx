import { useTranslation } from "react-i18next";
import type {
  Condition,
  Question,
  QuestionnaireDefinition,
} from "#src/contracts/questionnaires/definition.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { pick } from "./builder-fields.tsx";

const b = "office.questionnaires.builder";
const o = "office.questionnaires.overview";

/**
 * What a template asks, to read: for staff who do not build (and for the library, which no
 * office changes). Each page with its questions, their types, whether they are required, their
 * choices and the conditions that show them.
 */
export function TemplateOverview({ definition }: { definition: QuestionnaireDefinition }) {
  const { t, i18n } = useTranslation();
  const text = (texts: { nl: string; en: string }) => pick(texts, i18n.language);
  const questions = new Map<string, Question>();
  for (const page of definition.pages) {
    for (const item of page.items) {
      if (item.kind === "question") questions.set(item.id, item);
      else for (const question of item.questions) questions.set(question.id, question);
    }
  }

  const conditionText = (condition: Condition | undefined) => {
    if (!condition) return undefined;
    const target = questions.get(condition.questionId);
    const answer =
      typeof condition.equals === "boolean"
        ? t(condition.equals ? `${b}.yes` : `${b}.no`)
        : text(
            target?.options?.find((option) => option.value === condition.equals)?.label ?? {
              nl: String(condition.equals),
              en: String(condition.equals),
            },
          );
    return t(`${o}.condition`, {
      question: target ? text(target.label) : condition.questionId,
      answer,
    });
  };

  const questionLine = (question: Question) => {
    const condition = conditionText(question.condition);
    return (
      <li key={question.id} className="utrecht-ordered-list__item">
        <strong>{text(question.label)}</strong>{" "}
        {t(`${o}.questionFacts`, {
          type: t(`${b}.types.${question.type}`),
          required: t(question.required ? `${o}.required` : `${o}.optional`),
        })}
        {question.help && <div className="poort-qb-overview-help">{text(question.help)}</div>}
        {question.options && (
          <ul className="utrecht-unordered-list">
            {question.options.map((option) => (
              <li key={option.value} className="utrecht-unordered-list__item">
                {text(option.label)}
              </li>
            ))}
          </ul>
        )}
        {condition && <div className="poort-qb-overview-condition">{condition}</div>}
      </li>
    );
  };

  return (
    <div className="poort-qb-overview">
      {definition.description && <Paragraph>{text(definition.description)}</Paragraph>}
      {definition.pages.map((page, index) => {
        const condition = conditionText(page.condition);
        return (
          <section key={page.id} className="poort-section" aria-labelledby={`overview-${page.id}`}>
            <Heading level={2} id={`overview-${page.id}`}>
              {t(`${b}.page.heading`, {
                name: t(`${b}.page.name`, { n: index + 1 }),
                title: text(page.title),
              })}
            </Heading>
            {page.intro && <Paragraph>{text(page.intro)}</Paragraph>}
            {condition && <Paragraph appearance="small">{condition}</Paragraph>}
            <ol className="utrecht-ordered-list">
              {page.items.map((item) => {
                if (item.kind === "question") return questionLine(item);
                const groupCondition = conditionText(item.condition);
                return (
                  <li key={item.id} className="utrecht-ordered-list__item">
                    <strong>{text(item.label)}</strong>{" "}
                    {t(`${o}.groupFacts`, {
                      item: text(item.itemLabel),
                      min: item.minItems,
                      max: item.maxItems,
                    })}
                    {groupCondition && (
                      <div className="poort-qb-overview-condition">{groupCondition}</div>
                    )}
                    <ol className="utrecht-ordered-list">{item.questions.map(questionLine)}</ol>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
