import { useTranslation } from "react-i18next";
import { MAX_GROUP_ITEMS } from "#src/contracts/questionnaires/definition.ts";
import { TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { fieldId } from "./builder-errors.ts";
import {
  AddButton,
  ConditionFields,
  LanguageFields,
  MoveAndRemove,
  pick,
  setterOf,
  useBuilder,
} from "./builder-fields.tsx";
import {
  type Draft,
  type DraftGroup,
  type DraftItem,
  type DraftPage,
  dropConditionsOn,
  movedByKey,
  neighbourOf,
  newGroup,
  newQuestion,
  questionKeysOf,
  withoutKey,
} from "./builder-model.ts";
import { QuestionEditor } from "./QuestionEditor.tsx";

const b = "office.questionnaires.builder";

/** Where the focus goes to work on an item: a question's type, a group's name. */
const firstFieldOf = (item: DraftItem) =>
  item.kind === "group" ? fieldId(item.key, "label-nl") : fieldId(item.key, "type");

const pageOf = (draft: Draft, key: string) => draft.pages.find((page) => page.key === key);

/**
 * One page of the questionnaire: its title and introduction in both languages, the condition
 * that shows it, its questions and repeating groups, and moving and removing it.
 */
export function PageEditor({
  page,
  index,
  count,
}: {
  page: DraftPage;
  index: number;
  count: number;
}) {
  const { t, i18n } = useTranslation();
  const { update, focusAfterChange } = useBuilder();
  const n = index + 1;
  const pageName = t(`${b}.page.name`, { n });
  const headingId = fieldId(page.key, "heading");
  const changePage = (change: (page: DraftPage) => void) =>
    update((draft) => {
      const target = pageOf(draft, page.key);
      if (target) change(target);
    });
  const setPage = setterOf(changePage);

  const addItem = (item: DraftItem) => {
    changePage((target) => {
      target.items.push(item);
    });
    focusAfterChange(firstFieldOf(item));
  };
  const removeItem = (itemIndex: number) => {
    const item = page.items[itemIndex];
    if (!item) return;
    const neighbour = neighbourOf(page.items, itemIndex);
    update((draft) => {
      dropConditionsOn(draft, questionKeysOf(item));
      const target = pageOf(draft, page.key);
      if (target) target.items = withoutKey(target.items, item.key);
    });
    focusAfterChange(neighbour ? firstFieldOf(neighbour) : fieldId(page.key, "add-question"));
  };
  const moveItem = (key: string, by: -1 | 1) =>
    changePage((target) => {
      target.items = movedByKey(target.items, key, by);
    });

  return (
    <section className="poort-qb-page" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {t(`${b}.page.heading`, {
          name: pageName,
          title: pick(page.title, i18n.language) || t(`${b}.untitled`),
        })}
      </Heading>
      <LanguageFields
        base={fieldId(page.key, "title")}
        label={t(`${b}.page.title`)}
        value={page.title}
        maxLength={200}
        onChange={setPage("title")}
      />
      <LanguageFields
        base={fieldId(page.key, "intro")}
        label={t(`${b}.page.intro`)}
        description={t(`${b}.page.introDescription`)}
        value={page.intro}
        maxLength={5000}
        multiline
        onChange={setPage("intro")}
      />
      <ConditionFields
        holderKey={page.key}
        place={{ pageKey: page.key }}
        condition={page.condition}
        legend={t(`${b}.condition.legendPage`)}
        onChange={setPage("condition")}
      />
      <MoveAndRemove
        idBase={fieldId(page.key, "page")}
        index={index}
        count={count}
        name={pageName}
        onMove={(by) =>
          update((draft) => {
            draft.pages = movedByKey(draft.pages, page.key, by);
          })
        }
        onRemove={() => {
          update((draft) => {
            dropConditionsOn(draft, questionKeysOf(page));
            draft.pages = withoutKey(draft.pages, page.key);
          });
          focusAfterChange(generalAddPage);
        }}
      />

      {page.items.map((item, itemIndex) => {
        const itemName = t(item.kind === "group" ? `${b}.group.name` : `${b}.question.name`, {
          page: n,
          n: itemIndex + 1,
        });
        return item.kind === "group" ? (
          <GroupEditor
            key={item.key}
            page={page}
            group={item}
            index={itemIndex}
            name={itemName}
            onMove={(by) => moveItem(item.key, by)}
            onRemove={() => removeItem(itemIndex)}
          />
        ) : (
          <QuestionEditor
            key={item.key}
            question={item}
            index={itemIndex}
            count={page.items.length}
            level={3}
            place={{ pageKey: page.key, itemKey: item.key }}
            name={itemName}
            onMove={(by) => moveItem(item.key, by)}
            onRemove={() => removeItem(itemIndex)}
          />
        );
      })}

      <div className="utrecht-button-group poort-qb-add">
        <AddButton
          id={fieldId(page.key, "add-question")}
          label={t(`${b}.page.addQuestionNamed`, { name: pageName })}
          onClick={() => addItem(newQuestion())}
        >
          {t(`${b}.page.addQuestion`)}
        </AddButton>
        <AddButton
          id={fieldId(page.key, "add-group")}
          label={t(`${b}.page.addGroupNamed`, { name: pageName })}
          onClick={() => addItem(newGroup())}
        >
          {t(`${b}.page.addGroup`)}
        </AddButton>
      </div>
    </section>
  );
}

/** The id of "Pagina toevoegen", where the focus goes when a page is removed. */
export const generalAddPage = "qb-add-page";

/**
 * A repeating group ("add another person"): its name and the name of one item in both
 * languages, how many items at least and at most, the condition that shows it, its own
 * questions, and moving and removing it.
 */
function GroupEditor({
  page,
  group,
  index,
  name,
  onMove,
  onRemove,
}: {
  page: DraftPage;
  group: DraftGroup;
  index: number;
  name: string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { update, errors, focusAfterChange } = useBuilder();
  const headingId = fieldId(group.key, "heading");
  const changeGroup = (change: (group: DraftGroup) => void) =>
    update((draft) => {
      const target = pageOf(draft, page.key)?.items.find((item) => item.key === group.key);
      if (target?.kind === "group") change(target);
    });
  const setGroup = setterOf(changeGroup);
  const minId = fieldId(group.key, "min");
  const maxId = fieldId(group.key, "max");

  return (
    <section className="poort-qb-group" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t(`${b}.group.heading`, {
          name,
          text: pick(group.label, i18n.language) || t(`${b}.untitled`),
        })}
      </Heading>
      <LanguageFields
        base={fieldId(group.key, "label")}
        label={t(`${b}.group.label`)}
        value={group.label}
        maxLength={200}
        onChange={setGroup("label")}
      />
      <LanguageFields
        base={fieldId(group.key, "item-label")}
        label={t(`${b}.group.itemLabel`)}
        description={t(`${b}.group.itemLabelDescription`)}
        value={group.itemLabel}
        maxLength={200}
        onChange={setGroup("itemLabel")}
      />
      <div className="poort-qb-row">
        <TextField
          id={minId}
          label={t(`${b}.group.minItems`)}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_GROUP_ITEMS}
          value={group.minItems}
          error={errors[minId]}
          onChange={(event) => setGroup("minItems")(event.target.value)}
        />
        <TextField
          id={maxId}
          label={t(`${b}.group.maxItems`)}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_GROUP_ITEMS}
          value={group.maxItems}
          error={errors[maxId]}
          onChange={(event) => setGroup("maxItems")(event.target.value)}
        />
      </div>
      <ConditionFields
        holderKey={group.key}
        place={{ pageKey: page.key, itemKey: group.key }}
        condition={group.condition}
        legend={t(`${b}.condition.legendGroup`)}
        onChange={setGroup("condition")}
      />
      <MoveAndRemove
        idBase={fieldId(group.key, "item")}
        index={index}
        count={page.items.length}
        name={name}
        onMove={onMove}
        onRemove={onRemove}
      />

      <div className="poort-qb-group-questions">
        {group.questions.map((question, questionIndex) => (
          <QuestionEditor
            key={question.key}
            question={question}
            index={questionIndex}
            count={group.questions.length}
            level={4}
            place={{ pageKey: page.key, itemKey: group.key, questionKey: question.key }}
            name={t(`${b}.group.questionName`, { group: name, n: questionIndex + 1 })}
            onMove={(by) =>
              changeGroup((target) => {
                target.questions = movedByKey(target.questions, question.key, by);
              })
            }
            onRemove={() => {
              const neighbour = neighbourOf(group.questions, questionIndex);
              changeGroup((target) => {
                target.questions = withoutKey(target.questions, question.key);
              });
              focusAfterChange(
                neighbour ? firstFieldOf(neighbour) : fieldId(group.key, "add-question"),
              );
            }}
          />
        ))}
        <AddButton
          id={fieldId(group.key, "add-question")}
          label={t(`${b}.group.addQuestionNamed`, { name })}
          onClick={() => {
            const question = newQuestion();
            changeGroup((target) => {
              target.questions.push(question);
            });
            focusAfterChange(firstFieldOf(question));
          }}
        >
          {t(`${b}.group.addQuestion`)}
        </AddButton>
      </div>
    </section>
  );
}
