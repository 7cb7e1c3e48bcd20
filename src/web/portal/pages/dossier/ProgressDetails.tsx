import { useTranslation } from "react-i18next";
import type { Progress } from "#src/contracts/dossiers.ts";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { ProgressSteps } from "#src/web/ui/components/ProgressSteps.tsx";

/** "Voortgang (2/5)": closed by default; open, the steps with whether and when they were done. */
export function ProgressDetails({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  return (
    <details className="poort-progress">
      <summary className="poort-progress__summary">
        {t("dossiers.progress", { done: progress.done, total: progress.total })}
      </summary>
      {progress.steps.length === 0 ? (
        <Paragraph>{t("portal.dossier.progress.empty")}</Paragraph>
      ) : (
        <ProgressSteps steps={progress.steps} />
      )}
    </details>
  );
}
