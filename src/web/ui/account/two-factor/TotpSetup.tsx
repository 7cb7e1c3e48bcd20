import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { totpSetupSchema } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { ConfirmCodeForm } from "./ConfirmCodeForm.tsx";
import type { SetupProps } from "./setup-props.ts";

/** The secret in groups of four, easier to type over by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export type TotpSecret = z.infer<typeof totpSetupSchema>;

/** Asks the server for a new secret for the app; it counts once confirmed with a code. */
export async function startTotpSetup(): Promise<TotpSecret> {
  return callApi(accountApi.startTotpSetup);
}

type TotpSetupProps = SetupProps & { setup: TotpSecret };

/** 2-step verification with an authenticator app: scan the QR code, then confirm a code. */
export function TotpSetup({ setup, submit, onConfirmed, onCancel }: TotpSetupProps) {
  const { t } = useTranslation();

  return (
    <>
      <Paragraph>{t("account.myDetails.twoFactor.appScan")}</Paragraph>
      <p className="utrecht-paragraph">
        <img
          className="poort-totp-qr"
          src={setup.qrSvgDataUrl}
          alt={t("account.myDetails.twoFactor.appQrAlt")}
          width={200}
          height={200}
        />
      </p>
      <Paragraph>{t("account.myDetails.twoFactor.appManual")}</Paragraph>
      <Paragraph>
        <code className="poort-totp-secret">{groupSecret(setup.secret)}</code>
      </Paragraph>
      <ConfirmCodeForm
        method="totp"
        id="two-factor-app-code"
        description={t("account.myDetails.twoFactor.appCodeHelp")}
        submit={submit}
        onConfirmed={onConfirmed}
        onCancel={onCancel}
      />
    </>
  );
}
