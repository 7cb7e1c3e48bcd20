import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Profile } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { audienceKey, useAccountArea } from "../account-area.tsx";
import { SingleFieldForm } from "../SingleFieldForm.tsx";
import { NewRecoveryCodes } from "../two-factor/NewRecoveryCodes.tsx";
import { SecondFactorSetup } from "../two-factor/SecondFactorSetup.tsx";

interface TwoFactorSectionProps {
  profile: Profile;
  /** Clients may turn the second step off; staff may not. */
  canDisable: boolean;
  onChange: () => void;
}

/** 2-step verification: set it up (app or SMS), new recovery codes, or (clients) turn it off. */
export function TwoFactorSection({ profile, canDisable, onChange }: TwoFactorSectionProps) {
  const { t } = useTranslation();
  const { area } = useAccountArea();

  return (
    <section className="poort-section" aria-labelledby="two-factor-heading">
      <Heading level={2} id="two-factor-heading">
        {t("account.myDetails.twoFactor.heading")}
      </Heading>
      <Paragraph>{t(audienceKey(area, "twoFactorIntro"))}</Paragraph>
      {profile.twoFactorMethod === "none" ? (
        <>
          <Paragraph>{t("account.myDetails.twoFactor.off")}</Paragraph>
          <SecondFactorSetup onDone={onChange} headingLevel={3} />
        </>
      ) : (
        <>
          <Paragraph>
            {t(
              profile.twoFactorMethod === "sms"
                ? "account.myDetails.twoFactor.onSms"
                : "account.myDetails.twoFactor.onApp",
            )}
          </Paragraph>
          <Paragraph>
            {t("account.myDetails.twoFactor.recoveryLeft", { count: profile.unusedRecoveryCodes })}
          </Paragraph>
          <NewRecoveryCodes onDone={onChange} />
          {canDisable && <DisableTwoFactor onDone={onChange} />}
        </>
      )}
    </section>
  );
}

/** Turning the second step off, after the password. */
function DisableTwoFactor({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [open, setOpen] = useState(false);

  if (!open)
    return (
      <Paragraph>
        <Button onClick={() => setOpen(true)}>{t("account.myDetails.twoFactor.disable")}</Button>
      </Paragraph>
    );
  return (
    <>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <SingleFieldForm
        field={{
          id: "two-factor-password",
          label: t("account.fields.password"),
          description: t("account.myDetails.twoFactor.disableIntro"),
          type: "password",
          autoComplete: "current-password",
        }}
        missingError={t("account.errors.passwordMissing")}
        submitLabel={t("account.myDetails.twoFactor.disableConfirm")}
        submit={submit}
        onCancel={() => {
          submit.setError(undefined);
          setOpen(false);
        }}
        onSubmit={async (password) => {
          await callApi(accountApi.disableTwoFactor, { body: { password } });
          setOpen(false);
          onDone();
        }}
      />
    </>
  );
}
