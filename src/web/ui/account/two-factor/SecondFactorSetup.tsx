import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
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
  /** The level of the recovery codes' heading: see `RecoveryCodes`. */
  headingLevel: 2 | 3;
}

/**
 * Choose the authenticator app or SMS, set it up, and see the recovery codes once. An account
 * held to one method (an eHerkenning means, by its level) is offered only that one.
 */
export function SecondFactorSetup({ onDone, onCancel, headingLevel }: SecondFactorSetupProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const required = useSession().session?.account?.requiredSecondFactor ?? null;
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
      {step.step === "choose" && required && (
        <Paragraph>{t(`ehMeans.secondFactor.${required}`)}</Paragraph>
      )}
      {step.step === "choose" && (
        <ButtonGroup>
          {required !== "sms" && (
            <Button appearance="primary-action" disabled={submit.busy} onClick={startApp}>
              {t("account.myDetails.twoFactor.startApp")}
            </Button>
          )}
          {required !== "totp" && (
            <Button
              appearance="primary-action"
              disabled={submit.busy}
              onClick={() => go({ step: "sms" })}
            >
              {t("account.myDetails.twoFactor.start")}
            </Button>
          )}
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
          headingLevel={headingLevel}
        />
      )}
    </>
  );
}
