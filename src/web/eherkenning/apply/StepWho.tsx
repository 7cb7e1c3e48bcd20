import { useTranslation } from "react-i18next";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { CompanyChoice } from "./CompanyChoice.tsx";
import type { StepProps } from "./step-props.ts";
import { UserContacts } from "./UserContacts.tsx";

/** Step 2, "Wie gaat het gebruiken?": the user and their contacts, then the company. */
export function StepWho({ application, goTo, reload }: StepProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="eh-step-heading">
      <Heading level={2} id="eh-step-heading">
        {t("ehApply.steps.who")}
      </Heading>
      <UserContacts application={application} reload={reload} />
      <CompanyChoice application={application} onSaved={() => goTo(3)} onBack={() => goTo(1)} />
    </section>
  );
}
