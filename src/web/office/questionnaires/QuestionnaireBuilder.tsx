import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { QuestionnaireTemplate } from "#src/contracts/questionnaire-templates.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import {
  type FieldErrorLink,
  FieldErrorSummary,
} from "#src/web/ui/components/FieldErrorSummary.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  type FieldPlace,
  fieldId,
  generalFieldId,
  placeOfPath,
  problemOf,
} from "./builder-errors.ts";
import {
  AddButton,
  BuilderContext,
  type BuilderContextValue,
  LanguageFields,
  setterOf,
} from "./builder-fields.tsx";
import { type Draft, fromDefinition, newDraft, newPage, toDefinition } from "./builder-model.ts";
import { PageEditor } from "./PageEditor.tsx";

const b = "office.questionnaires.builder";
type Translate = ReturnType<typeof useTranslation>["t"];

/** "Pagina 2, herhalende groep 1, vraag 2, keuze 1 – Tekst (Engels)": where a refusal is. */
function describePlace(place: FieldPlace, t: Translate): string {
  const parts = [
    place.page !== undefined && t(`${b}.page.name`, { n: place.page }),
    place.item !== undefined &&
      t(place.group ? `${b}.place.group` : `${b}.place.question`, { n: place.item }),
    place.question !== undefined && t(`${b}.place.question`, { n: place.question }),
    place.option !== undefined && t(`${b}.place.option`, { n: place.option }),
  ].filter((part): part is string => typeof part === "string");
  const field = t(`${b}.fields.${place.field}`);
  const named = place.language ? t(`${b}.inLanguage.${place.language}`, { label: field }) : field;
  return parts.length > 0 ? `${parts.join(", ")} – ${named}` : named;
}

/**
 * The builder of a questionnaire template: its title and description, its pages with their
 * questions and repeating groups, conditions, both languages. Nothing is typed as JSON: ids are
 * made from the Dutch texts, choices' values too (changeable). "Opslaan" sends the whole
 * definition; the server's refusals appear at their fields and in a summary on top.
 */
export function QuestionnaireBuilder({
  template,
  save,
}: {
  /** The template to change; none for a new one. */
  template?: QuestionnaireTemplate;
  /** Sends the definition; the caller shows what follows. */
  save: (definition: QuestionnaireDefinition) => Promise<void>;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [draft, setDraft] = useState<Draft>(() =>
    template ? fromDefinition(template.definition) : newDraft(),
  );
  const [saved] = useState(() => JSON.stringify(toDefinition(draft)));
  /** The draft as it was sent last: the refusal's paths lead into it. */
  const [sent, setSent] = useState<Draft>();
  const [attempt, setAttempt] = useState(0);
  const focusNext = useRef<string | undefined>(undefined);

  // After adding, moving or removing, the focus goes where the user will act next.
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    if (target) document.getElementById(target)?.focus();
  });

  const update = useCallback((change: (draft: Draft) => void) => {
    setDraft((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
  }, []);
  const set = setterOf(update);
  const focusAfterChange = useCallback((id: string) => {
    focusNext.current = id;
  }, []);

  const problems = useMemo(() => {
    const found: Array<{ id: string; message: string; where: string }> = [];
    if (!sent || submit.error?.code !== "validation_failed") return found;
    for (const detail of submit.error.details) {
      const path = detail.path.replace(/^body\.?/, "");
      const place = placeOfPath(sent, path ? path.split(".") : []);
      if (found.some((problem) => problem.id === place.id)) continue;
      const message = t(`office.questionnaires.errors.${problemOf(detail, place)}`);
      found.push({ id: place.id, message, where: describePlace(place, t) });
    }
    return found;
  }, [sent, submit.error, t]);

  const errors = useMemo(
    () => Object.fromEntries(problems.map((problem) => [problem.id, problem.message])),
    [problems],
  );
  const context: BuilderContextValue = useMemo(
    () => ({ draft, update, errors, focusAfterChange }),
    [draft, update, errors, focusAfterChange],
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const snapshot = draft;
    const ok = await submit.run(() => save(toDefinition(snapshot)));
    if (!ok) {
      setSent(snapshot);
      setAttempt((n) => n + 1);
    }
  };

  const links: FieldErrorLink[] = problems.map((problem) => ({
    id: problem.id,
    message: `${problem.where}: ${problem.message}`,
  }));
  const summary = submit.error
    ? submit.error.code === "validation_failed"
      ? t("office.questionnaires.errors.summary")
      : submit.error.message
    : undefined;
  const unsaved = JSON.stringify(toDefinition(draft)) !== saved;

  return (
    <BuilderContext.Provider value={context}>
      <FieldErrorSummary message={summary} fields={links} attempt={attempt} />
      <form className="poort-qb" noValidate onSubmit={(event) => void onSubmit(event)}>
        <section className="poort-qb-general" aria-labelledby="qb-general-heading">
          <Heading level={2} id="qb-general-heading">
            {t(`${b}.general`)}
          </Heading>
          <LanguageFields
            base={generalFieldId("title")}
            label={t(`${b}.fields.title`)}
            value={draft.title}
            maxLength={200}
            onChange={set("title")}
          />
          <LanguageFields
            base={generalFieldId("description")}
            label={t(`${b}.fields.description`)}
            description={t(`${b}.descriptionDescription`)}
            value={draft.description}
            maxLength={5000}
            multiline
            onChange={set("description")}
          />
        </section>

        {draft.pages.map((page, index) => (
          <PageEditor key={page.key} page={page} index={index} count={draft.pages.length} />
        ))}

        <div className="poort-qb-add">
          <AddButton
            id={generalFieldId("add-page")}
            onClick={() => {
              const page = newPage();
              update((next) => {
                next.pages.push(page);
              });
              focusAfterChange(fieldId(page.key, "title-nl"));
            }}
          >
            {t(`${b}.addPage`)}
          </AddButton>
        </div>

        <div className="poort-qb-save">
          <Paragraph role="status" appearance="small">
            {submit.busy ? t(`${b}.saving`) : unsaved ? t(`${b}.unsaved`) : ""}
          </Paragraph>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t(`${b}.save`)}
          </Button>
        </div>
      </form>
    </BuilderContext.Provider>
  );
}
