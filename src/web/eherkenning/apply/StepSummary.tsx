import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import type { MissingPart } from "#src/contracts/eherkenning/wizard.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { ApplicationSummary } from "./ApplicationSummary.tsx";
import { applyPaths } from "./apply-paths.ts";
import { signatureNeedText } from "./signature-need-text.ts";
import type { StepProps } from "./step-props.ts";

/** The step where each missing part is filled in. */
const stepOfPart: Record<MissingPart, number> = {
  scope: 1,
  userName: 2,
  emailVerified: 2,
  mobileVerified: 2,
  company: 2,
  signers: 2,
  signaturesUnattainable: 2,
  idCopy: 3,
  idCopyExpiresTooSoon: 3,
};

/**
 * Step 4, "Aanvraag starten": the summary of everything, what is still missing, and the
 * submit, which only the user (whose own contacts are verified) can do.
 */
export function StepSummary({ application, goTo }: StepProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmit();
  const complete = application.missing.length === 0;

  return (
    <section aria-labelledby="eh-step-heading">
      <Heading level={2} id="eh-step-heading">
        {t("ehApply.steps.start")}
      </Heading>
      <Paragraph>{t("ehApply.summary.intro")}</Paragraph>
      <Alert type="warning">{t("ehApply.summary.userStarts")}</Alert>
      <ApplicationSummary application={application} />
      {application.company && (
        <Paragraph>
          {signatureNeedText(t, application.level, application.signaturesNeeded)}
        </Paragraph>
      )}
      {!complete && (
        <Alert type="warning">
          {t("ehApply.summary.missingIntro")}
          <UnorderedList>
            {application.missing.map((part) => (
              <UnorderedListItem key={part}>
                {t(`ehApply.missing.${part}`)}{" "}
                <Button appearance="subtle" onClick={() => goTo(stepOfPart[part])}>
                  {t("ehApply.summary.goToStep", { step: stepOfPart[part] })}
                </Button>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <ButtonGroup>
        <Button onClick={() => goTo(3)}>{t("ehApply.previous")}</Button>
        <Button
          appearance="primary-action"
          disabled={submit.busy}
          onClick={() =>
            void submit
              .run(async () => {
                await callApi(eherkenningApplyApi.submit);
              })
              .then((ok) => ok && navigate(applyPaths.follow))
          }
        >
          {t("ehApply.summary.submit")}
        </Button>
      </ButtonGroup>
    </section>
  );
}
