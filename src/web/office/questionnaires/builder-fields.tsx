import { type ComponentProps, createContext, type ReactNode, useContext } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Fieldset, SelectField, TextField } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { TextAreaField } from "#src/web/ui/components/TextAreaField.tsx";
import { fieldId } from "./builder-errors.ts";
import {
  type ConditionPlace,
  choiceTypes,
  conditionCandidates,
  type Draft,
  type DraftCondition,
  type DraftQuestion,
  findQuestion,
  type Language,
  type Texts,
} from "./builder-model.ts";

/** What every part of the builder shares: the draft, how to change it, and the refusals. */
export interface BuilderContextValue {
  draft: Draft;
  /** Changes the draft: `change` works on a copy, which becomes the draft. */
  update: (change: (draft: Draft) => void) => void;
  /** The server's refusal per field id, after the last save. */
  errors: Readonly<Record<string, string>>;
  /** Moves the focus to this field once the change is on screen. */
  focusAfterChange: (id: string) => void;
}

export const BuilderContext = createContext<BuilderContextValue | undefined>(undefined);

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error("useBuilder outside the questionnaire builder");
  return value;
}

/**
 * Given how to change one part of the draft (a page, a group, a question), the `onChange` that
 * sets one field of it: `const set = setterOf(changePage)`, then `onChange={set("title")}`.
 */
export function setterOf<T>(change: (patch: (target: T) => void) => void) {
  return <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      change((target) => {
        target[key] = value;
      });
}

/** The text in the language asked for, else in the other. */
export function pick(texts: Texts, language: string): string {
  const [first, second] = language === "en" ? [texts.en, texts.nl] : [texts.nl, texts.en];
  return first.trim() || second.trim();
}

/** A question's text for headings and lists, or "(no text yet)". */
export function useQuestionName() {
  const { t, i18n } = useTranslation();
  return (question: DraftQuestion) =>
    pick(question.label, i18n.language) || t("office.questionnaires.builder.untitled");
}

const languages: Language[] = ["nl", "en"];

/**
 * One text in Dutch and in English, side by side where there is room: fields `<base>-nl` and
 * `<base>-en`, labelled "<label> (Nederlands)" and "<label> (Engels)".
 */
export function LanguageFields({
  base,
  label,
  value,
  onChange,
  multiline = false,
  description,
  maxLength,
}: {
  base: string;
  label: string;
  value: Texts;
  onChange: (value: Texts) => void;
  multiline?: boolean;
  description?: ReactNode;
  maxLength: number;
}) {
  const { t } = useTranslation();
  const { errors } = useBuilder();
  return (
    <div className="poort-qb-languages">
      {languages.map((language) => {
        const id = `${base}-${language}`;
        const props = {
          id,
          label: t(`office.questionnaires.builder.inLanguage.${language}`, { label }),
          value: value[language],
          maxLength,
          error: errors[id],
          description,
          onChange: (event: { target: { value: string } }) =>
            onChange({ ...value, [language]: event.target.value }),
        };
        return multiline ? (
          <TextAreaField key={language} rows={3} {...props} />
        ) : (
          <TextField key={language} autoComplete="off" {...props} />
        );
      })}
    </div>
  );
}

/** A labelled drop-down list that shows the server's refusal of it, as a text field does. */
export function BuilderSelect(props: ComponentProps<typeof SelectField>) {
  const { errors } = useBuilder();
  return <SelectField {...props} error={errors[props.id]} />;
}

/** A button that adds something, with the server's refusal of the list beside it. */
export function AddButton({
  id,
  onClick,
  children,
  label,
}: {
  id: string;
  onClick: () => void;
  children: ReactNode;
  /** A fuller name for screen readers, when the visible text alone is ambiguous. */
  label?: string;
}) {
  const { errors } = useBuilder();
  const error = errors[id];
  return (
    <>
      {error && (
        <Paragraph id={`${id}-error`} className="utrecht-form-field-error-message">
          {error}
        </Paragraph>
      )}
      <Button
        id={id}
        aria-label={label}
        aria-describedby={error ? `${id}-error` : undefined}
        onClick={onClick}
      >
        {children}
      </Button>
    </>
  );
}

/** The default answer a condition on this question compares with. */
function firstAnswer(question: DraftQuestion): boolean | string {
  return question.type === "yesNo" ? true : (question.options[0]?.key ?? "");
}

/**
 * "Alleen tonen als": a yes/no or choice question that comes earlier, and the answer that
 * shows the page, question or group. A condition that no longer fits (the question moved or
 * changed type) stays chosen, so the server's refusal is shown at it.
 */
export function ConditionFields({
  holderKey,
  place,
  condition,
  onChange,
  legend,
}: {
  holderKey: string;
  place: ConditionPlace;
  condition: DraftCondition | undefined;
  onChange: (condition: DraftCondition | undefined) => void;
  legend: string;
}) {
  const { t, i18n } = useTranslation();
  const { draft } = useBuilder();
  const nameOf = useQuestionName();
  const candidates = conditionCandidates(draft, place);
  const current = condition ? findQuestion(draft, condition.questionKey) : undefined;
  const questions =
    current && !candidates.includes(current) ? [...candidates, current] : candidates;
  const q = "office.questionnaires.builder.condition";

  if (questions.length === 0) {
    return (
      <Fieldset legend={legend}>
        <Paragraph appearance="small">{t(`${q}.none`)}</Paragraph>
      </Fieldset>
    );
  }

  const answers = current
    ? current.type === "yesNo"
      ? [
          { value: "true", label: t("office.questionnaires.builder.yes") },
          { value: "false", label: t("office.questionnaires.builder.no") },
        ]
      : choiceTypes.includes(current.type)
        ? current.options.map((option, index) => ({
            value: option.key,
            label:
              pick(option.label, i18n.language) ||
              t("office.questionnaires.builder.option.untitled", { n: index + 1 }),
          }))
        : []
    : [];
  const equalsValue = condition ? String(condition.equals) : "";
  const chosenAnswer = answers.some((answer) => answer.value === equalsValue) ? equalsValue : "";

  return (
    <Fieldset legend={legend}>
      <BuilderSelect
        id={fieldId(holderKey, "condition")}
        label={t(`${q}.question`)}
        value={condition?.questionKey ?? ""}
        onChange={(event) => {
          const chosen = findQuestion(draft, event.target.value);
          onChange(chosen ? { questionKey: chosen.key, equals: firstAnswer(chosen) } : undefined);
        }}
        options={[
          { value: "", label: t(`${q}.always`) },
          ...questions.map((question) => ({ value: question.key, label: nameOf(question) })),
        ]}
      />
      {condition && (
        <BuilderSelect
          id={fieldId(holderKey, "condition-equals")}
          label={t(`${q}.answer`)}
          value={chosenAnswer}
          onChange={(event) => {
            const { value } = event.target;
            const equals = current?.type === "yesNo" ? value === "true" : value;
            onChange({ questionKey: condition.questionKey, equals });
          }}
          options={[
            ...(chosenAnswer === "" ? [{ value: "", label: t(`${q}.chooseAnswer`) }] : []),
            ...answers,
          ]}
        />
      )}
    </Fieldset>
  );
}

/** Omhoog, Omlaag and Verwijderen of a page, item, question or choice. */
export function MoveAndRemove({
  idBase,
  index,
  count,
  name,
  onMove,
  onRemove,
}: {
  idBase: string;
  index: number;
  count: number;
  /** What it is, for the buttons' full names: "Pagina 2", "Vraag 3". */
  name: string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { focusAfterChange } = useBuilder();
  const b = "office.questionnaires.builder";
  const move = (by: -1 | 1) => {
    onMove(by);
    // Stay on the same button, unless it no longer works at the new place.
    const to = index + by;
    const atEnd = by === -1 ? to === 0 : to === count - 1;
    const same = by === -1 ? "up" : "down";
    const other = by === -1 ? "down" : "up";
    focusAfterChange(`${idBase}-${atEnd ? other : same}`);
  };
  return (
    <div className="utrecht-button-group poort-qb-actions">
      <Button
        id={`${idBase}-up`}
        appearance="subtle"
        disabled={index === 0}
        aria-label={t(`${b}.upNamed`, { name })}
        onClick={() => move(-1)}
      >
        {t(`${b}.up`)}
      </Button>
      <Button
        id={`${idBase}-down`}
        appearance="subtle"
        disabled={index === count - 1}
        aria-label={t(`${b}.downNamed`, { name })}
        onClick={() => move(1)}
      >
        {t(`${b}.down`)}
      </Button>
      <Button
        id={`${idBase}-remove`}
        appearance="subtle"
        aria-label={t(`${b}.removeNamed`, { name })}
        onClick={onRemove}
      >
        {t(`${b}.remove`)}
      </Button>
    </div>
  );
}
