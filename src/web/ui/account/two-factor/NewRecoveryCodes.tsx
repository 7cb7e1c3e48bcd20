import { useState } from "react";
import { useTranslation } from "react-i18next";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { SingleFieldForm } from "../SingleFieldForm.tsx";
import { RecoveryCodes } from "./RecoveryCodes.tsx";

/** "Nieuwe herstelcodes": after the password, a new set replaces the old codes. */
export function NewRecoveryCodes({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [step, setStep] = useState<"closed" | "password" | string[]>("closed");

  if (step === "closed")
    return (
      <Button onClick={() => setStep("password")}>
        {t("account.myDetails.twoFactor.newCodes")}
      </Button>
    );
  if (Array.isArray(step))
    return (
      <RecoveryCodes
        codes={step}
        notice={t("account.myDetails.twoFactor.newCodesMade")}
        headingLevel={3}
        onDone={() => {
          setStep("closed");
          onDone();
        }}
      />
    );
  return (
    <>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <SingleFieldForm
        field={{
          id: "recovery-codes-password",
          label: t("account.fields.password"),
          description: t("account.myDetails.twoFactor.newCodesIntro"),
          type: "password",
          autoComplete: "current-password",
        }}
        missingError={t("account.errors.passwordMissing")}
        submitLabel={t("account.myDetails.twoFactor.newCodesConfirm")}
        submit={submit}
        onCancel={() => {
          submit.setError(undefined);
          setStep("closed");
        }}
        onSubmit={async (password) => {
          const { recoveryCodes } = await callApi(accountApi.newRecoveryCodes, {
            body: { password },
          });
          setStep(recoveryCodes);
        }}
      />
    </>
  );
}
