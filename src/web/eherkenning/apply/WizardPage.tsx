import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { applyPaths } from "./apply-paths.ts";
import { StepCollect } from "./StepCollect.tsx";
import { StepIndicator, wizardSteps } from "./StepIndicator.tsx";
import { StepScope } from "./StepScope.tsx";
import { StepSummary } from "./StepSummary.tsx";
import { StepWho } from "./StepWho.tsx";
import type { StepProps } from "./step-props.ts";
import "./apply.css";

const stepParam = (value: string | null) => {
  const step = Number(value);
  return Number.isInteger(step) && step >= 1 && step <= 4 ? step : undefined;
};

/**
 * The application wizard (`/eherkenning/aanvragen`): steps 1–4 of the seed, each saved to the
 * server with "Volgende". The step is in the address, and without one the server says where to
 * resume, so a reload or the mailed link lands where the user was.
 */
export function WizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const current = useApiData(eherkenningApplyApi.current);
  useDocumentTitle(t("ehApply.title"));

  if (current.loading && !current.data) {
    return <Paragraph>{t("ehApply.loading")}</Paragraph>;
  }
  if (current.data === null) {
    return <StartApplication onStarted={() => current.reload()} />;
  }
  if (current.error || !current.data) {
    return (
      <>
        <Heading level={1}>{t("ehApply.title")}</Heading>
        <Alert type="error">{errorMessage(current.error, t("ehApply.errors.general"))}</Alert>
      </>
    );
  }
  const application = current.data;
  if (application.state !== "draft") return <Navigate to={applyPaths.follow} replace />;

  const step = stepParam(searchParams.get("stap")) ?? application.resumeStep;
  const goTo = (next: number) => {
    navigate(applyPaths.step(next));
    current.reload();
    window.scrollTo(0, 0);
  };
  const props: StepProps = { application, goTo, reload: current.reload };
  return (
    <>
      <Heading level={1}>{t("ehApply.title")}</Heading>
      <Paragraph>{t("ehApply.reference", { reference: application.reference })}</Paragraph>
      <StepIndicator current={step} />
      {step === 1 && <StepScope {...props} />}
      {step === 2 && <StepWho {...props} />}
      {step === 3 && <StepCollect {...props} />}
      {step === 4 && <StepSummary {...props} />}
    </>
  );
}

/** No application in this browser yet: what it takes, and the button that starts one. */
function StartApplication({ onStarted }: { onStarted: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <>
      <Heading level={1}>{t("ehApply.title")}</Heading>
      <Paragraph appearance="lead">{t("ehApply.start.lead")}</Paragraph>
      <ol className="utrecht-ordered-list">
        {wizardSteps.map((key) => (
          <li key={key} className="utrecht-ordered-list__item">
            {t(`ehApply.steps.${key}`)}
          </li>
        ))}
      </ol>
      <Alert type="info">{t("ehApply.start.personal")}</Alert>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <Paragraph>
        <Button
          appearance="primary-action"
          disabled={submit.busy}
          onClick={() =>
            void submit.run(async () => {
              await callApi(eherkenningApplyApi.start);
              onStarted();
            })
          }
        >
          {t("ehApply.start.button")}
        </Button>
      </Paragraph>
      <Paragraph>{t("ehApply.start.continueHint")}</Paragraph>
    </>
  );
}
