import { useTranslation } from "react-i18next";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";

const steps = ["login", "request", "confirmation"] as const;

/** "Stap 2 van 3: Aanvraag", below the page's heading. */
export function StepIndicator({ step }: { step: (typeof steps)[number] }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="poort-step-indicator poort-no-print">
      {t("selfservice.steps.label", {
        step: steps.indexOf(step) + 1,
        total: steps.length,
        name: t(`selfservice.steps.${step}`),
      })}
    </Paragraph>
  );
}
