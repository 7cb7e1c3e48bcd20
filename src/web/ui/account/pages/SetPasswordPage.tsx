import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { accountApi } from "#src/contracts/api/account.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { useAccountArea } from "../account-area.tsx";
import { nextPath, nextState } from "../login-outcome.ts";
import { useLinkState } from "../use-link-state.ts";
import { LinkInvalid } from "./LinkInvalid.tsx";
import "../account.css";

export const minimumPasswordLength = 12;
const passwordRuleCodes = ["too_short", "too_long", "too_common", "contains_personal_data"];

/** "Instellen wachtwoord", from activation mail 2 or a reset mail: set the password and log in. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? "";
  const link = useLinkState(token);
  const navigate = useNavigate();
  const { refresh } = useSession();
  const { homePath } = useAccountArea();
  const submit = useSubmit();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ password?: string; confirmation?: string }>({});
  useDocumentTitle(t("account.setPassword.title"));

  if (link.status === "checking") return <Paragraph>{t("account.loading")}</Paragraph>;
  if (link.status === "invalid" || (link.status === "valid" && link.purpose === "invitation"))
    return <LinkInvalid />;
  if (link.status === "failed") return <Alert type="error">{t("account.errors.general")}</Alert>;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: { password?: string; confirmation?: string } = {};
    if (password.length < minimumPasswordLength) errors.password = t("account.password.too_short");
    if (confirmation !== password) errors.confirmation = t("account.password.mismatch");
    setFieldErrors(errors);
    if (errors.password || errors.confirmation) {
      submit.setError(new ApiError(0, "invalid", t("account.errors.fixFields")));
      return;
    }
    await submit.run(async () => {
      const outcome = await callApi(accountApi.setPassword, { body: { token, password } });
      await refresh();
      navigate(nextPath(outcome, homePath), { replace: true, state: nextState(outcome) });
    });
  };

  // The server's reasons for refusing the password, in the reader's language.
  const refused =
    submit.error?.code === "validation_failed"
      ? submit.error.details.map((detail) =>
          passwordRuleCodes.includes(detail.code)
            ? t(`account.password.${detail.code}`)
            : detail.message,
        )
      : [];
  const passwordError = fieldErrors.password ?? (refused.length ? refused.join(" ") : undefined);

  return (
    <>
      <Heading level={1}>{t("account.setPassword.title")}</Heading>
      <Paragraph>
        {t(
          link.purpose === "password-reset"
            ? "account.setPassword.introReset"
            : "account.setPassword.introActivation",
        )}
      </Paragraph>
      <ErrorSummary>
        {submit.error &&
          (refused.length ? (
            <>
              {t("account.setPassword.refused")}
              <UnorderedList>
                {refused.map((reason) => (
                  <UnorderedListItem key={reason}>{reason}</UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          ) : (
            submit.error.message
          ))}
      </ErrorSummary>
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="new-password"
          label={t("account.fields.newPassword")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          description={
            <UnorderedList>
              <UnorderedListItem>{t("account.password.ruleLength")}</UnorderedListItem>
              <UnorderedListItem>{t("account.password.ruleCommon")}</UnorderedListItem>
              <UnorderedListItem>{t("account.password.rulePersonal")}</UnorderedListItem>
            </UnorderedList>
          }
          error={passwordError}
        />
        <TextField
          id="new-password-confirmation"
          label={t("account.fields.passwordConfirmation")}
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          error={fieldErrors.confirmation}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("account.setPassword.submit")}
          </Button>
        </div>
      </form>
    </>
  );
}
