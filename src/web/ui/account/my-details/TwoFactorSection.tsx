import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type Profile, recoveryCodesSchema } from "../../../../contracts/accounts.ts";
import { ApiError, apiRequest } from "../../../ui/api/api-client.ts";
import { useSubmit } from "../../../ui/api/use-submit.ts";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { ErrorSummary } from "../../../ui/components/ErrorSummary.tsx";
import { FocusHeading } from "../../../ui/components/FocusHeading.tsx";
import { ButtonGroup, TextField } from "../../../ui/components/FormField.tsx";
import { Heading } from "../../../ui/components/Heading.tsx";
import { Paragraph } from "../../../ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "../../../ui/components/UnorderedList.tsx";

const smsStartedSchema = z.object({ phone: z.string() });

type Step =
  | { step: "overview" }
  | { step: "mobile" }
  | { step: "code"; phone: string }
  | { step: "recovery-codes"; codes: string[] }
  | { step: "disable" };

/** 2-step verification by SMS: mobile number, code, then the recovery codes, shown once. */
export function TwoFactorSection({
  profile,
  onChange,
}: {
  profile: Profile;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [step, setStep] = useState<Step>({ step: "overview" });
  const [value, setValue] = useState("");
  const [missing, setMissing] = useState(false);

  const go = (next: Step) => {
    setStep(next);
    setValue("");
    setMissing(false);
    submit.setError(undefined);
  };

  const requireValue = (): boolean => {
    const empty = !value.trim();
    setMissing(empty);
    if (empty) submit.setError(new ApiError(0, "missing", t("portal.errors.fillIn")));
    return !empty;
  };

  const sendMobile = async (event: FormEvent) => {
    event.preventDefault();
    if (!requireValue()) return;
    await submit.run(async () => {
      const { phone } = smsStartedSchema.parse(
        await apiRequest("POST", "/api/me/two-factor/sms", { body: { mobile: value.trim() } }),
      );
      go({ step: "code", phone });
    });
  };

  const confirmCode = async (event: FormEvent) => {
    event.preventDefault();
    if (!requireValue()) return;
    await submit.run(async () => {
      const { recoveryCodes } = recoveryCodesSchema.parse(
        await apiRequest("POST", "/api/me/two-factor/sms/confirm", {
          body: { code: value.trim() },
        }),
      );
      go({ step: "recovery-codes", codes: recoveryCodes });
    });
  };

  const disable = async (event: FormEvent) => {
    event.preventDefault();
    if (!requireValue()) return;
    await submit.run(async () => {
      await apiRequest("POST", "/api/me/two-factor/disable", { body: { password: value } });
      go({ step: "overview" });
      onChange();
    });
  };

  const fieldError = (message: string) => (missing ? message : undefined);

  return (
    <section className="poort-section" aria-labelledby="two-factor-heading">
      <Heading level={2} id="two-factor-heading">
        {t("portal.myDetails.twoFactor.heading")}
      </Heading>
      <Paragraph>{t("portal.myDetails.twoFactor.intro")}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>

      {step.step === "overview" &&
        (profile.twoFactorMethod === "none" ? (
          <>
            <Paragraph>{t("portal.myDetails.twoFactor.off")}</Paragraph>
            <Button appearance="primary-action" onClick={() => go({ step: "mobile" })}>
              {t("portal.myDetails.twoFactor.start")}
            </Button>
          </>
        ) : (
          <>
            <Paragraph>
              {t(
                profile.twoFactorMethod === "sms"
                  ? "portal.myDetails.twoFactor.onSms"
                  : "portal.myDetails.twoFactor.onApp",
              )}
            </Paragraph>
            <Paragraph>
              {t("portal.myDetails.twoFactor.recoveryLeft", {
                count: profile.unusedRecoveryCodes,
              })}
            </Paragraph>
            <Button onClick={() => go({ step: "disable" })}>
              {t("portal.myDetails.twoFactor.disable")}
            </Button>
          </>
        ))}

      {step.step === "mobile" && (
        <form className="poort-form" noValidate onSubmit={(event) => void sendMobile(event)}>
          <TextField
            id="two-factor-mobile"
            label={t("portal.fields.mobile")}
            description={t("portal.myDetails.twoFactor.mobileHelp")}
            type="tel"
            autoComplete="tel"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={fieldError(t("portal.errors.mobileMissing"))}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action" disabled={submit.busy}>
              {t("portal.myDetails.twoFactor.sendCode")}
            </Button>
            <Button onClick={() => go({ step: "overview" })}>{t("portal.cancel")}</Button>
          </ButtonGroup>
        </form>
      )}

      {step.step === "code" && (
        <form className="poort-form" noValidate onSubmit={(event) => void confirmCode(event)}>
          <Alert type="info">
            {t("portal.myDetails.twoFactor.codeSent", { phone: step.phone })}
          </Alert>
          <TextField
            id="two-factor-code"
            label={t("portal.fields.code")}
            autoComplete="one-time-code"
            inputMode="numeric"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={fieldError(t("portal.errors.codeMissing"))}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action" disabled={submit.busy}>
              {t("portal.myDetails.twoFactor.confirm")}
            </Button>
            <Button onClick={() => go({ step: "overview" })}>{t("portal.cancel")}</Button>
          </ButtonGroup>
        </form>
      )}

      {step.step === "recovery-codes" && (
        <>
          <FocusHeading level={3}>{t("portal.myDetails.twoFactor.codesTitle")}</FocusHeading>
          <Alert type="ok">{t("portal.myDetails.twoFactor.enabled")}</Alert>
          <Paragraph>{t("portal.myDetails.twoFactor.codesAdvice")}</Paragraph>
          <UnorderedList className="utrecht-unordered-list poort-recovery-codes">
            {step.codes.map((code) => (
              <UnorderedListItem key={code}>{code}</UnorderedListItem>
            ))}
          </UnorderedList>
          <ButtonGroup>
            <Button onClick={() => window.print()}>{t("portal.myDetails.twoFactor.print")}</Button>
            <Button
              appearance="primary-action"
              onClick={() => {
                go({ step: "overview" });
                onChange();
              }}
            >
              {t("portal.myDetails.twoFactor.codesDone")}
            </Button>
          </ButtonGroup>
        </>
      )}

      {step.step === "disable" && (
        <form className="poort-form" noValidate onSubmit={(event) => void disable(event)}>
          <Paragraph>{t("portal.myDetails.twoFactor.disableIntro")}</Paragraph>
          <TextField
            id="two-factor-password"
            label={t("portal.fields.password")}
            type="password"
            autoComplete="current-password"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={fieldError(t("portal.errors.passwordMissing"))}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action" disabled={submit.busy}>
              {t("portal.myDetails.twoFactor.disableConfirm")}
            </Button>
            <Button onClick={() => go({ step: "overview" })}>{t("portal.cancel")}</Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
