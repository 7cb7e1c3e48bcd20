import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IdpLoginOutcome } from "#src/contracts/eherkenning/idp.ts";
import { ApiError } from "#src/web/ui/api/api-client.ts";
import type { SubmitState } from "#src/web/ui/api/use-submit.ts";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { FieldError, Fieldset, RadioField } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { SubmitForm } from "#src/web/ui/components/SubmitForm.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";

type Choice = Extract<IdpLoginOutcome, { outcome: "choose" }>["choices"][number];

/**
 * The user is authorized for the service for several companies or branches: they say for which
 * one they log in, and the assertion names that one.
 */
export function ChooseCompany({
  choices,
  submit,
  onChoose,
}: {
  choices: Choice[];
  /** The answer's busy flag and error, shown above the form. */
  submit: SubmitState;
  onChoose: (authorizationId: string) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>();
  const [missing, setMissing] = useState(false);
  useDocumentTitle(t("ehIdp.choose.title"));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!chosen);
    if (!chosen) {
      submit.setError(new ApiError(0, "missing", t("ehIdp.choose.missing")));
      return;
    }
    onChoose(chosen);
  };

  const label = (choice: Choice) =>
    choice.branchNumber
      ? t("ehIdp.choose.withBranch", {
          company: choice.companyName,
          kvk: choice.kvkNumber,
          branch: choice.branchNumber,
        })
      : t("ehIdp.choose.wholeCompany", { company: choice.companyName, kvk: choice.kvkNumber });

  return (
    <>
      <FocusHeading level={1}>{t("ehIdp.choose.title")}</FocusHeading>
      <Paragraph>{t("ehIdp.choose.intro")}</Paragraph>
      <SubmitForm submit={submit} submitLabel={t("ehIdp.choose.submit")} onSubmit={onSubmit}>
        <Fieldset legend={t("ehIdp.choose.legend")}>
          {missing && <FieldError id="idp-choice-error">{t("ehIdp.choose.missing")}</FieldError>}
          {choices.map((choice) => (
            <RadioField
              key={choice.authorizationId}
              id={`idp-choice-${choice.authorizationId}`}
              name="idp-choice"
              label={label(choice)}
              value={choice.authorizationId}
              checked={chosen === choice.authorizationId}
              onChange={() => {
                setChosen(choice.authorizationId);
                setMissing(false);
              }}
              {...(missing ? { "aria-describedby": "idp-choice-error" } : {})}
            />
          ))}
        </Fieldset>
      </SubmitForm>
    </>
  );
}
