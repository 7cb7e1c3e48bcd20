import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { SingleFieldForm } from "../SingleFieldForm.tsx";
import type { SetupProps } from "./setup-props.ts";

/** Each method has an endpoint of its own for the first code. */
const confirmEndpoints = { sms: accountApi.confirmSmsSetup, totp: accountApi.confirmTotpSetup };

interface ConfirmCodeFormProps extends SetupProps {
  /** The method being set up; its confirmation answers with the recovery codes. */
  method: "sms" | "totp";
  id: string;
  description?: string;
  children?: ReactNode;
}

/** The last step of setting up 2-step verification: a first code proves the method works. */
export function ConfirmCodeForm({
  method,
  id,
  description,
  submit,
  onConfirmed,
  onCancel,
  children,
}: ConfirmCodeFormProps) {
  const { t } = useTranslation();
  return (
    <SingleFieldForm
      field={{
        id,
        label: t("account.fields.code"),
        ...(description ? { description } : {}),
        autoComplete: "one-time-code",
        inputMode: "numeric",
      }}
      missingError={t("account.errors.codeMissing")}
      submitLabel={t("account.myDetails.twoFactor.confirm")}
      submit={submit}
      onCancel={onCancel}
      onSubmit={async (code) => {
        const { recoveryCodes } = await callApi(confirmEndpoints[method], { body: { code } });
        onConfirmed(recoveryCodes);
      }}
    >
      {children}
    </SingleFieldForm>
  );
}
