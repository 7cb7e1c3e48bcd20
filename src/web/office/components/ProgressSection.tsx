import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Progress } from "#src/contracts/dossiers.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { ProgressSteps } from "#src/web/ui/components/ProgressSteps.tsx";
import { ProgressEditor } from "./ProgressEditor.tsx";

/**
 * "Voortgang" on the dossier page: the steps as a short list, and the editor, a screen or more
 * long, only after "Voortgang bewerken". The editor is hidden rather than removed when closed,
 * so that what was typed but not yet saved is still there when it opens again.
 */
export function ProgressSection({
  dossierId,
  progress,
  onSaved,
}: {
  dossierId: string;
  progress: Progress;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editorId = useId();
  return (
    <section className="poort-section" aria-labelledby="progress-heading">
      <Heading level={2} id="progress-heading">
        {t("office.dossiers.progress.heading")}
      </Heading>
      <Button aria-expanded={editing} aria-controls={editorId} onClick={() => setEditing(!editing)}>
        {t("office.dossiers.progress.edit")}
      </Button>
      <div id={editorId} hidden={!editing}>
        <ProgressEditor dossierId={dossierId} progress={progress} onSaved={onSaved} />
      </div>
      {!editing && (
        <>
          <Paragraph>
            {t("office.dossiers.progress.summary", { done: progress.done, total: progress.total })}
          </Paragraph>
          {progress.steps.length === 0 ? (
            <Paragraph>{t("office.dossiers.progress.empty")}</Paragraph>
          ) : (
            <ProgressSteps steps={progress.steps} />
          )}
        </>
      )}
    </section>
  );
}
