import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { officeApi } from "#src/contracts/api/office.ts";
import type { Progress } from "#src/contracts/dossiers.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { ButtonGroup, CheckboxField, TextField } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { today } from "../dossiers/dossier-query.ts";

interface Step {
  /** Identifies the step in this form only; new steps have no id on the server yet. */
  key: number;
  title: string;
  doneOn: string | null;
}

interface StepError {
  title?: boolean;
  date?: boolean;
}

const maxSteps = 100;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
let nextKey = 1;

const toSteps = (progress: Progress): Step[] =>
  progress.steps.map((step) => ({ key: nextKey++, title: step.title, doneOn: step.doneOn }));

const toBody = (steps: Step[]) =>
  steps.map((step) => ({ title: step.title.trim(), doneOn: step.doneOn }));

/**
 * "Voortgang": the dossier's ordered steps, each done (on a date) or not. Steps are edited,
 * moved, removed and added here; "Voortgang opslaan" sends the whole list at once.
 */
export function ProgressEditor({
  dossierId,
  progress,
  onSaved,
}: {
  dossierId: string;
  progress: Progress;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [steps, setSteps] = useState(() => toSteps(progress));
  const [saved, setSaved] = useState(() => JSON.stringify(toBody(toSteps(progress))));
  const [errors, setErrors] = useState<Record<number, StepError>>({});
  const [summary, setSummary] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string>();
  const focusNext = useRef<string | undefined>(undefined);
  const stepId = (step: Step, part: string) => `progress-step-${step.key}-${part}`;

  // After moving, removing or adding a step, the focus goes where the user will act next.
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    if (target) document.getElementById(target)?.focus();
  });

  const change = (key: number, patch: Partial<Step>) => {
    setNotice(undefined);
    setSteps((previous) =>
      previous.map((step) => (step.key === key ? { ...step, ...patch } : step)),
    );
  };

  const move = (index: number, by: -1 | 1) => {
    const step = steps[index];
    if (!step) return;
    const to = index + by;
    if (to < 0 || to >= steps.length) return;
    const next = [...steps];
    next.splice(index, 1);
    next.splice(to, 0, step);
    setNotice(undefined);
    setSteps(next);
    // Stay on the same button, unless it no longer works at the step's new place.
    const atEnd = by === -1 ? to === 0 : to === steps.length - 1;
    const sameButton = by === -1 ? "up" : "down";
    const otherButton = by === -1 ? "down" : "up";
    focusNext.current = stepId(step, atEnd ? otherButton : sameButton);
  };

  const remove = (index: number) => {
    const neighbour = steps[index + 1] ?? steps[index - 1];
    setNotice(undefined);
    setSteps(steps.filter((_, i) => i !== index));
    focusNext.current = neighbour ? stepId(neighbour, "title") : "progress-add";
  };

  const add = () => {
    const step: Step = { key: nextKey++, title: "", doneOn: null };
    setNotice(undefined);
    setSteps([...steps, step]);
    focusNext.current = stepId(step, "title");
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const found: Record<number, StepError> = {};
    for (const step of steps) {
      const title = step.title.trim();
      const error: StepError = {
        title: title.length < 1 || title.length > 200,
        date: step.doneOn !== null && !isoDate.test(step.doneOn),
      };
      if (error.title || error.date) found[step.key] = error;
    }
    setErrors(found);
    if (steps.length > maxSteps) {
      setSummary(t("office.dossiers.progress.tooMany"));
      setAttempt((n) => n + 1);
      return;
    }
    if (Object.keys(found).length > 0) {
      setSummary(t("account.errors.fixFields"));
      setAttempt((n) => n + 1);
      return;
    }
    setSummary(undefined);
    const body = { steps: toBody(steps) };
    let answer: Progress | undefined;
    const ok = await submit.run(async () => {
      answer = await callApi(officeApi.replaceProgress, { params: { dossierId }, body });
    });
    if (ok && answer) {
      const next = toSteps(answer);
      setSteps(next);
      setSaved(JSON.stringify(toBody(next)));
      setNotice(t("office.dossiers.progress.saved", { done: answer.done, total: answer.total }));
      onSaved();
    }
  };

  const errorLinks = steps.flatMap((step, index) => {
    const error = errors[step.key];
    const n = index + 1;
    return [
      ...(error?.title
        ? [
            {
              id: stepId(step, "title"),
              message: `${t("office.dossiers.progress.stepTitle", { n })}: ${t("office.dossiers.progress.titleMissing")}`,
            },
          ]
        : []),
      ...(error?.date
        ? [
            {
              id: stepId(step, "date"),
              message: `${t("office.dossiers.progress.doneOn", { n })}: ${t("office.dossiers.progress.dateMissing")}`,
            },
          ]
        : []),
    ];
  });
  const done = steps.filter((step) => step.doneOn !== null).length;
  const unsaved = JSON.stringify(toBody(steps)) !== saved;

  return (
    <>
      <FieldErrorSummary
        message={summary ?? submit.error?.message}
        fields={summary ? errorLinks : []}
        attempt={attempt}
      />
      {notice && <Alert type="ok">{notice}</Alert>}
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <Paragraph>
          {t("office.dossiers.progress.summary", { done, total: steps.length })}
        </Paragraph>
        {steps.length === 0 ? (
          <Paragraph>{t("office.dossiers.progress.empty")}</Paragraph>
        ) : (
          <ol className="poort-progress-steps" aria-label={t("office.dossiers.progress.steps")}>
            {steps.map((step, index) => {
              const n = index + 1;
              const error = errors[step.key];
              return (
                <li key={step.key} className="poort-progress-step">
                  <TextField
                    id={stepId(step, "title")}
                    label={t("office.dossiers.progress.stepTitle", { n })}
                    autoComplete="off"
                    maxLength={200}
                    value={step.title}
                    onChange={(event) => change(step.key, { title: event.target.value })}
                    error={error?.title ? t("office.dossiers.progress.titleMissing") : undefined}
                  />
                  <CheckboxField
                    id={stepId(step, "done")}
                    label={t("office.dossiers.progress.done", { n })}
                    checked={step.doneOn !== null}
                    onChange={(event) =>
                      change(step.key, { doneOn: event.target.checked ? today() : null })
                    }
                  />
                  {step.doneOn !== null && (
                    <TextField
                      id={stepId(step, "date")}
                      label={t("office.dossiers.progress.doneOn", { n })}
                      type="date"
                      value={step.doneOn}
                      onChange={(event) => change(step.key, { doneOn: event.target.value })}
                      error={error?.date ? t("office.dossiers.progress.dateMissing") : undefined}
                    />
                  )}
                  <ButtonGroup>
                    <Button
                      id={stepId(step, "up")}
                      appearance="subtle"
                      disabled={index === 0}
                      aria-label={t("office.dossiers.progress.upNamed", { n })}
                      onClick={() => move(index, -1)}
                    >
                      {t("office.dossiers.progress.up")}
                    </Button>
                    <Button
                      id={stepId(step, "down")}
                      appearance="subtle"
                      disabled={index === steps.length - 1}
                      aria-label={t("office.dossiers.progress.downNamed", { n })}
                      onClick={() => move(index, 1)}
                    >
                      {t("office.dossiers.progress.down")}
                    </Button>
                    <Button
                      id={stepId(step, "remove")}
                      appearance="subtle"
                      aria-label={t("office.dossiers.progress.removeNamed", { n })}
                      onClick={() => remove(index)}
                    >
                      {t("office.dossiers.progress.remove")}
                    </Button>
                  </ButtonGroup>
                </li>
              );
            })}
          </ol>
        )}
        {unsaved && (
          <Paragraph appearance="small">{t("office.dossiers.progress.unsaved")}</Paragraph>
        )}
        <ButtonGroup>
          <Button id="progress-add" onClick={add} disabled={steps.length >= maxSteps}>
            {t("office.dossiers.progress.add")}
          </Button>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("office.dossiers.progress.save")}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
