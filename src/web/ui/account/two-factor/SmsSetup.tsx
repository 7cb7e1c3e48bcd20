import { useState } from "react";
import { useTranslation } from "react-i18next";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { SingleFieldForm } from "../SingleFieldForm.tsx";
import { ConfirmCodeForm } from "./ConfirmCodeForm.tsx";
import type { SetupProps } from "./setup-props.ts";

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
          const started = await callApi(accountApi.startSmsSetup, { body: { mobile } });
          setPhone(started.phone);
        }}
      />
    );

  return (
    <ConfirmCodeForm
      key="code"
      method="sms"
      id="two-factor-code"
      submit={submit}
      onConfirmed={onConfirmed}
      onCancel={onCancel}
    >
      <Alert type="info">{t("account.myDetails.twoFactor.codeSent", { phone })}</Alert>
    </ConfirmCodeForm>
  );
}
