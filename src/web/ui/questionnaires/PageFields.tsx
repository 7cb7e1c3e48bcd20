import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "#src/contracts/locale.ts";
import type { Group, Page } from "#src/contracts/questionnaires/definition.ts";
import { Button } from "../components/Button.tsx";
import { classNames } from "../components/class-names.ts";
import { FieldError } from "../components/FormField.tsx";
import { VisuallyHidden } from "../components/VisuallyHidden.tsx";
import { groupErrorText } from "./error-text.ts";
import { type FileChooser, QuestionField } from "./QuestionField.tsx";
import {
  controlId,
  emptyGroupItem,
  type FieldErrors,
  isGroupItems,
  type PageVisibility,
  type TypedAnswer,
  type TypedGroupItem,
  type TypedPage,
} from "./typed-answers.ts";

/** What the page's fields and a group's share. */
interface SharedProps {
  errors: FieldErrors;
  visibility: PageVisibility;
  locale: Locale;
  files?: FileChooser;
  /** A key for a new group item, unique on the page. */
  newKey(): string;
}

export interface PageFieldsProps extends SharedProps {
  page: Page;
  typed: TypedPage;
  /** One question's or group's controls changed. */
  onChange(itemId: string, value: TypedAnswer | TypedGroupItem[]): void;
}

/** The questions and groups of one page that show with the answers so far, in page order. */
export function PageFields({ page, typed, onChange, ...shared }: PageFieldsProps) {
  const { errors, visibility, locale, files } = shared;
  return (
    <div className="poort-questionnaire__fields">
      {page.items.map((item) => {
        if (!visibility.items.has(item.id)) return null;
        const value = typed[item.id];
        if (item.kind === "question") {
          return (
            <QuestionField
              key={item.id}
              question={item}
              answerKey={item.id}
              value={isGroupItems(value) || value === undefined ? null : value}
              onChange={(next) => onChange(item.id, next)}
              errorCode={errors[item.id]}
              locale={locale}
              files={files}
            />
          );
        }
        return (
          <GroupField
            key={item.id}
            group={item}
            items={isGroupItems(value) ? value : []}
            onChange={(next) => onChange(item.id, next)}
            {...shared}
          />
        );
      })}
    </div>
  );
}

interface GroupFieldProps extends SharedProps {
  group: Group;
  items: TypedGroupItem[];
  onChange(items: TypedGroupItem[]): void;
}

/** The id of the group's own place to go to for its errors ("too few", "too many"). */
export function groupTargetId(group: Group, items: number): string {
  return items < group.maxItems ? `${controlId(group.id)}-add` : `${controlId(group.id)}-heading`;
}

/**
 * A repeating group ("Erfgenamen"): each item a fieldset "Erfgenaam 1", "Erfgenaam 2" with its
 * questions and "Verwijderen" (above the minimum), and "+ Nog een erfgenaam toevoegen" (below
 * the maximum). Adding moves the focus to the new item, removing to the add button.
 */
function GroupField({
  group,
  items,
  onChange,
  errors,
  visibility,
  locale,
  files,
  newKey,
}: GroupFieldProps) {
  const { t } = useTranslation();
  const baseId = controlId(group.id);
  const headingId = `${baseId}-heading`;
  const itemLabel = group.itemLabel[locale];
  const error = errors[group.id] ? groupErrorText(t, errors[group.id] ?? "", group) : undefined;
  const errorId = error ? `${baseId}-error` : undefined;
  const canAdd = items.length < group.maxItems;
  const canRemove = items.length > group.minItems;

  // Where the focus goes once the change is on screen.
  const focusNext = useRef<string>(undefined);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });

  const add = () => {
    const item = emptyGroupItem(group, newKey());
    const first = group.questions.find((question) =>
      visibility.inGroup(group, item).has(question.id),
    );
    focusNext.current = first
      ? controlId(`${group.id}.${items.length}.${first.id}`)
      : `${baseId}-item-${items.length}`;
    onChange([...items, item]);
  };
  const remove = (index: number) => {
    focusNext.current = `${baseId}-add`;
    onChange(items.filter((_, other) => other !== index));
  };

  return (
    <section
      className={classNames("poort-question-group", error && "poort-question-group--invalid")}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} tabIndex={-1} className="utrecht-heading-3 poort-question-group__heading">
        {group.label[locale]}
      </h3>
      {error && <FieldError id={errorId}>{error}</FieldError>}
      {items.length === 0 && (
        <p className="utrecht-paragraph">{t("questionnaires.group.none", { item: itemLabel })}</p>
      )}
      {items.map((item, index) => {
        const shown = visibility.inGroup(group, item);
        const name = t("questionnaires.group.item", { item: itemLabel, n: index + 1 });
        return (
          <fieldset
            key={item.key}
            id={`${baseId}-item-${index}`}
            tabIndex={-1}
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset poort-question-group__item"
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {name}
            </legend>
            {group.questions.map((question) => {
              if (!shown.has(question.id)) return null;
              const key = `${group.id}.${index}.${question.id}`;
              return (
                <QuestionField
                  key={question.id}
                  question={question}
                  answerKey={key}
                  value={item.answers[question.id] ?? null}
                  onChange={(next) =>
                    onChange(
                      items.map((other, at) =>
                        at === index
                          ? { ...other, answers: { ...other.answers, [question.id]: next } }
                          : other,
                      ),
                    )
                  }
                  errorCode={errors[key]}
                  locale={locale}
                  files={files}
                />
              );
            })}
            {canRemove && (
              <div className="utrecht-button-group">
                <Button appearance="subtle" onClick={() => remove(index)}>
                  {t("questionnaires.group.remove")}
                  <VisuallyHidden> {name}</VisuallyHidden>
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      {canAdd && (
        <div className="utrecht-button-group">
          <Button id={`${baseId}-add`} aria-describedby={errorId} onClick={add}>
            {items.length === 0
              ? t("questionnaires.group.addFirst", { item: lowerFirst(itemLabel, locale) })
              : t("questionnaires.group.add", { item: lowerFirst(itemLabel, locale) })}
          </Button>
        </div>
      )}
    </section>
  );
}

/** "Erfgenaam" → "erfgenaam", to sit in a sentence ("Nog een erfgenaam toevoegen"). */
function lowerFirst(text: string, locale: Locale): string {
  // Two capitals at the start is an abbreviation ("BV"), which stays as it is.
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
}
