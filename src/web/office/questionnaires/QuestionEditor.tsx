import { useTranslation } from "react-i18next";
import { type QuestionType, questionTypes } from "#src/contracts/questionnaires/definition.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { CheckboxField, Fieldset, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { fieldId } from "./builder-errors.ts";
import {
  AddButton,
  BuilderSelect,
  ConditionFields,
  LanguageFields,
  MoveAndRemove,
  pick,
  setterOf,
  useBuilder,
  useQuestionName,
} from "./builder-fields.tsx";
import {
  type ConditionPlace,
  choiceTypes,
  type Draft,
  type DraftOption,
  type DraftQuestion,
  dropConditionsOn,
  findQuestion,
  neighbourOf,
  newOption,
  optionValueFor,
  withoutKey,
} from "./builder-model.ts";
import "../components/edit-list.css";

const b = "office.questionnaires.builder";

/** A heading of level 3 (a page's question) or 4 (a group's question). */
function ItemHeading({ level, id, children }: { level: 3 | 4; id: string; children: string }) {
  if (level === 3) {
    return (
      <Heading level={3} id={id}>
        {children}
      </Heading>
    );
  }
  return (
    <h4 id={id} className="utrecht-heading-4">
      {children}
    </h4>
  );
}

/** Changes one question of the draft, wherever it is. */
function changeQuestion(draft: Draft, key: string, change: (question: DraftQuestion) => void) {
  const question = findQuestion(draft, key);
  if (question) change(question);
}

/**
 * One question: its type, its text and help in both languages, required or not, its choices
 * (for a choice type), the condition that shows it, and moving and removing it.
 */
export function QuestionEditor({
  question,
  index,
  count,
  level,
  place,
  name,
  onMove,
  onRemove,
}: {
  question: DraftQuestion;
  index: number;
  count: number;
  level: 3 | 4;
  place: ConditionPlace;
  /** "Vraag 2" or "Groep 1, vraag 2": for the buttons' names and the heading. */
  name: string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { update, focusAfterChange } = useBuilder();
  const nameOf = useQuestionName();
  const key = question.key;
  const headingId = fieldId(key, "heading");
  const isChoice = choiceTypes.includes(question.type);
  const change = (patch: (question: DraftQuestion) => void) =>
    update((draft) => changeQuestion(draft, key, patch));
  const set = setterOf(change);

  const changeType = (type: QuestionType) =>
    change((draft) => {
      draft.type = type;
      if (choiceTypes.includes(type) && draft.options.length === 0) {
        draft.options = [newOption(), newOption()];
      }
    });

  return (
    <section className="poort-qb-question" aria-labelledby={headingId}>
      <ItemHeading level={level} id={headingId}>
        {t(`${b}.question.heading`, { name, text: nameOf(question) })}
      </ItemHeading>
      <div className="poort-qb-row">
        <BuilderTypeSelect id={fieldId(key, "type")} value={question.type} onChange={changeType} />
        <CheckboxField
          id={fieldId(key, "required")}
          label={t(`${b}.question.required`)}
          checked={question.required}
          onChange={(event) => set("required")(event.target.checked)}
        />
      </div>
      <LanguageFields
        base={fieldId(key, "label")}
        label={t(`${b}.question.label`)}
        value={question.label}
        maxLength={500}
        onChange={set("label")}
      />
      <LanguageFields
        base={fieldId(key, "help")}
        label={t(`${b}.question.help`)}
        description={t(`${b}.question.helpDescription`)}
        value={question.help}
        maxLength={5000}
        multiline
        onChange={set("help")}
      />
      {isChoice && (
        <Fieldset legend={t(`${b}.option.legend`)}>
          <ol className="poort-edit-list">
            {question.options.map((option, optionIndex) => (
              <OptionEditor
                key={option.key}
                question={question}
                option={option}
                index={optionIndex}
                onChange={(patch) =>
                  change((draft) => {
                    const target = draft.options.find((item) => item.key === option.key);
                    if (target) patch(target, draft.options);
                  })
                }
                onRemove={() => {
                  const neighbour = neighbourOf(question.options, optionIndex);
                  change((draft) => {
                    draft.options = withoutKey(draft.options, option.key);
                  });
                  focusAfterChange(
                    neighbour ? fieldId(neighbour.key, "label-nl") : fieldId(key, "add-option"),
                  );
                }}
              />
            ))}
          </ol>
          <AddButton
            id={fieldId(key, "add-option")}
            label={t(`${b}.option.addNamed`, { name })}
            onClick={() => {
              const option = newOption();
              change((draft) => {
                draft.options.push(option);
              });
              focusAfterChange(fieldId(option.key, "label-nl"));
            }}
          >
            {t(`${b}.option.add`)}
          </AddButton>
        </Fieldset>
      )}
      <ConditionFields
        holderKey={key}
        place={place}
        condition={question.condition}
        legend={t(`${b}.condition.legendQuestion`)}
        onChange={set("condition")}
      />
      <MoveAndRemove
        idBase={fieldId(key, "item")}
        index={index}
        count={count}
        name={name}
        onMove={onMove}
        onRemove={() => {
          update((draft) => dropConditionsOn(draft, new Set([key])));
          onRemove();
        }}
      />
    </section>
  );
}

/** "Soort vraag": the 14 types by their names in the user's language. */
function BuilderTypeSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: QuestionType;
  onChange: (type: QuestionType) => void;
}) {
  const { t } = useTranslation();
  return (
    <BuilderSelect
      id={id}
      label={t(`${b}.question.type`)}
      value={value}
      onChange={(event) => onChange(event.target.value as QuestionType)}
      options={questionTypes.map((type) => ({ value: type, label: t(`${b}.types.${type}`) }))}
    />
  );
}

/**
 * One choice of a choice question: its text in both languages and its value, which is made
 * from the Dutch text until staff change it themselves.
 */
function OptionEditor({
  question,
  option,
  index,
  onChange,
  onRemove,
}: {
  question: DraftQuestion;
  option: DraftOption;
  index: number;
  onChange: (patch: (option: DraftOption, options: DraftOption[]) => void) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { errors } = useBuilder();
  const n = index + 1;
  const valueId = fieldId(option.key, "value");
  const optionName = pick(option.label, i18n.language) || t(`${b}.option.untitled`, { n });
  return (
    <li className="poort-qb-option">
      <LanguageFields
        base={fieldId(option.key, "label")}
        label={t(`${b}.option.label`, { n })}
        value={option.label}
        maxLength={500}
        onChange={(label) =>
          onChange((draft, options) => {
            draft.label = label;
            if (!draft.valueFixed) draft.value = optionValueFor(options, draft);
          })
        }
      />
      <TextField
        id={valueId}
        label={t(`${b}.option.value`, { n })}
        description={t(`${b}.option.valueDescription`)}
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        value={option.value}
        error={errors[valueId]}
        onChange={(event) => {
          const value = event.target.value;
          onChange((draft) => {
            draft.value = value;
            draft.valueFixed = true;
          });
        }}
      />
      <Button
        id={fieldId(option.key, "remove")}
        appearance="subtle"
        aria-label={t(`${b}.option.removeNamed`, {
          option: optionName,
          question: pick(question.label, i18n.language) || String(n),
        })}
        onClick={onRemove}
      >
        {t(`${b}.remove`)}
      </Button>
    </li>
  );
}
