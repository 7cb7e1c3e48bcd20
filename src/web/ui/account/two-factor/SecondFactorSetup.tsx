import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { RecoveryCodes } from "./RecoveryCodes.tsx";
import { SmsSetup } from "./SmsSetup.tsx";
import { startTotpSetup, type TotpSecret, TotpSetup } from "./TotpSetup.tsx";

type Step =
  | { step: "choose" }
  | { step: "sms" }
  | { step: "app"; setup: TotpSecret }
  | { step: "recovery-codes"; codes: string[] };

interface SecondFactorSetupProps {
  /** After the recovery codes were seen. */
  onDone: () => void;
  /** Absent where setting up cannot be skipped (staff without a second step). */
  onCancel?: () => void;
}

/** Choose the authenticator app or SMS, set it up, and see the recovery codes once. */
export function SecondFactorSetup({ onDone, onCancel }: SecondFactorSetupProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [step, setStep] = useState<Step>({ step: "choose" });

  const go = (next: Step) => {
    submit.setError(undefined);
    setStep(next);
  };
  const back = () => go({ step: "choose" });
  const confirmed = (codes: string[]) => go({ step: "recovery-codes", codes });
  const startApp = () =>
    void submit.run(async () => {
      const setup = await startTotpSetup();
      setStep({ step: "app", setup });
    });

  return (
    <>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {step.step === "choose" && (
        <ButtonGroup>
          <Button appearance="primary-action" disabled={submit.busy} onClick={startApp}>
            {t("account.myDetails.twoFactor.startApp")}
          </Button>
          <Button
            appearance="primary-action"
            disabled={submit.busy}
            onClick={() => go({ step: "sms" })}
          >
            {t("account.myDetails.twoFactor.start")}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t("account.cancel")}</Button>}
        </ButtonGroup>
      )}
      {step.step === "sms" && <SmsSetup submit={submit} onConfirmed={confirmed} onCancel={back} />}
      {step.step === "app" && (
        <TotpSetup setup={step.setup} submit={submit} onConfirmed={confirmed} onCancel={back} />
      )}
      {step.step === "recovery-codes" && (
        <RecoveryCodes
          codes={step.codes}
          notice={t("account.myDetails.twoFactor.enabled")}
          onDone={onDone}
        />
      )}
    </>
  );
}
