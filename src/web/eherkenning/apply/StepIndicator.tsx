import { useTranslation } from "react-i18next";
import { classNames } from "#src/web/ui/components/class-names.ts";

/** The seed's five steps; the fifth is the follow page after submitting. */
export const wizardSteps = ["what", "who", "collect", "start", "check"] as const;

/** "Stap 2 van 5" with the seed's step titles, the current one marked for screen readers. */
export function StepIndicator({ current }: { current: number }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("ehApply.stepsLabel")}>
      <p className="utrecht-paragraph poort-eh-step-count">
        {t("ehApply.stepOf", { step: current, total: wizardSteps.length })}
      </p>
      <ol className="poort-eh-steps-indicator">
        {wizardSteps.map((key, index) => (
          <li
            key={key}
            aria-current={index + 1 === current ? "step" : undefined}
            className={classNames(
              "poort-eh-steps-indicator__step",
              index + 1 === current && "poort-eh-steps-indicator__step--current",
              index + 1 < current && "poort-eh-steps-indicator__step--done",
            )}
          >
            {t(`ehApply.steps.${key}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
