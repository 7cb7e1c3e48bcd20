import { useTranslation } from "react-i18next";
import type { Progress } from "#src/contracts/dossiers.ts";
import { formatDate } from "../format.ts";
import { classNames } from "./class-names.ts";
import "./progress-steps.css";

/** A dossier's steps in order, read only: each with the day it was done, or "Nog te doen". */
export function ProgressSteps({ steps }: { steps: Progress["steps"] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="utrecht-ordered-list poort-progress-list">
      {steps.map((step) => (
        <li
          key={step.id}
          className={classNames(
            "utrecht-ordered-list__item poort-progress-list__step",
            step.doneOn && "poort-progress-list__step--done",
          )}
        >
          {step.title}{" "}
          <span className="poort-progress-list__state">
            {step.doneOn
              ? t("dossiers.stepDone", { date: formatDate(step.doneOn, i18n.language) })
              : t("dossiers.stepTodo")}
          </span>
        </li>
      ))}
    </ol>
  );
}
