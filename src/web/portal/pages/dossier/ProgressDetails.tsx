import { useTranslation } from "react-i18next";
import type { Progress } from "../../../../contracts/dossiers.ts";
import { Paragraph } from "../../../ui/components/Paragraph.tsx";
import { formatDate } from "../../../ui/format.ts";

/** "Voortgang (2/5)": closed by default; open, the steps with whether and when they were done. */
export function ProgressDetails({ progress }: { progress: Progress }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="poort-progress">
      <summary className="poort-progress__summary">
        {t("dossiers.progress", { done: progress.done, total: progress.total })}
      </summary>
      {progress.steps.length === 0 ? (
        <Paragraph>{t("portal.dossier.progress.empty")}</Paragraph>
      ) : (
        <ol className="utrecht-ordered-list poort-progress__steps">
          {progress.steps.map((step) => (
            <li
              key={step.id}
              className={
                step.doneOn
                  ? "utrecht-ordered-list__item poort-progress__step poort-progress__step--done"
                  : "utrecht-ordered-list__item poort-progress__step"
              }
            >
              {step.title}{" "}
              <span className="poort-progress__state">
                {step.doneOn
                  ? t("portal.dossier.progress.done", {
                      date: formatDate(step.doneOn, i18n.language),
                    })
                  : t("portal.dossier.progress.todo")}
              </span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
