import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import type { QuestionnaireTemplateListItem } from "#src/contracts/questionnaire-templates.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { pick } from "./builder-fields.tsx";
import type { CopyTemplate } from "./use-copy-template.ts";

/** "Kopiëren" of one template: named with its title for screen readers. */
export function CopyTemplateButton({
  template,
  copy,
  appearance,
}: {
  template: Pick<QuestionnaireTemplateListItem, "id" | "title">;
  copy: CopyTemplate;
  appearance?: ComponentProps<typeof Button>["appearance"];
}) {
  const { t, i18n } = useTranslation();
  return (
    <Button
      appearance={appearance}
      disabled={copy.busy}
      aria-label={t("office.questionnaires.copyNamed", {
        title: pick(template.title, i18n.language),
      })}
      onClick={() => void copy.run(template.id)}
    >
      {t("office.questionnaires.copy")}
    </Button>
  );
}
