import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { recoveryCodesSchema } from "../../../../contracts/accounts.ts";
import { apiRequest } from "../../api/api-client.ts";
import type { SubmitState } from "../../api/use-submit.ts";
import { Alert } from "../../components/Alert.tsx";
import { SingleFieldForm } from "../SingleFieldForm.tsx";

const smsStartedSchema = z.object({ phone: z.string() });

export interface SetupProps {
  submit: SubmitState;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel?: () => void;
}

/** 2-step verification by SMS: the mobile number, then the code sent to it. */
export function SmsSetup({ submit, onConfirmed, onCancel }: SetupProps) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState<string>();

  if (!phone)
    return (
      <SingleFieldForm
        key="mobile"
        field={{
          id: "two-factor-mobile",
          label: t("account.fields.mobile"),
          description: t("account.myDetails.twoFactor.mobileHelp"),
          type: "tel",
          autoComplete: "tel",
        }}
        missingError={t("account.errors.mobileMissing")}
        submitLabel={t("account.myDetails.twoFactor.sendCode")}
        submit={submit}
        onCancel={onCancel}
        onSubmit={async (mobile) => {
          const started = smsStartedSchema.parse(
            await apiRequest("POST", "/api/me/two-factor/sms", { body: { mobile } }),
          );
          setPhone(started.phone);
        }}
      />
    );

  return (
    <SingleFieldForm
      key="code"
      field={{
        id: "two-factor-code",
        label: t("account.fields.code"),
        autoComplete: "one-time-code",
        inputMode: "numeric",
      }}
      missingError={t("account.errors.codeMissing")}
      submitLabel={t("account.myDetails.twoFactor.confirm")}
      submit={submit}
      onCancel={onCancel}
      onSubmit={async (code) => {
        const { recoveryCodes } = recoveryCodesSchema.parse(
          await apiRequest("POST", "/api/me/two-factor/sms/confirm", { body: { code } }),
        );
        onConfirmed(recoveryCodes);
      }}
    >
      <Alert type="info">{t("account.myDetails.twoFactor.codeSent", { phone })}</Alert>
    </SingleFieldForm>
  );
}
