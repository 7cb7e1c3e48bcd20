import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { loginOutcomeSchema } from "../../../contracts/accounts.ts";
import { ApiError, apiRequest } from "../../ui/api/api-client.ts";
import { useSession } from "../../ui/api/session.tsx";
import { useSubmit } from "../../ui/api/use-submit.ts";
import { Alert } from "../../ui/components/Alert.tsx";
import { Button } from "../../ui/components/Button.tsx";
import { ErrorSummary } from "../../ui/components/ErrorSummary.tsx";
import { TextField } from "../../ui/components/FormField.tsx";
import { Heading } from "../../ui/components/Heading.tsx";
import { Paragraph } from "../../ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "../../ui/components/UnorderedList.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { nextPath, nextState } from "../login-outcome.ts";
import { useLinkState } from "../use-link-state.ts";
import { LinkInvalid } from "./LinkInvalid.tsx";
import "../portal.css";

export const minimumPasswordLength = 12;
const passwordRuleCodes = ["too_short", "too_long", "too_common", "contains_personal_data"];

/** "Instellen wachtwoord", from activation mail 2 or a reset mail: set the password and log in. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? "";
  const link = useLinkState(token);
  const navigate = useNavigate();
  const { refresh } = useSession();
  const submit = useSubmit();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ password?: string; confirmation?: string }>({});
  useDocumentTitle(t("portal.setPassword.title"));

  if (link.status === "checking") return <Paragraph>{t("portal.loading")}</Paragraph>;
  if (link.status === "invalid" || (link.status === "valid" && link.purpose === "invitation"))
    return <LinkInvalid />;
  if (link.status === "failed") return <Alert type="error">{t("portal.errors.general")}</Alert>;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: { password?: string; confirmation?: string } = {};
    if (password.length < minimumPasswordLength) errors.password = t("portal.password.too_short");
    if (confirmation !== password) errors.confirmation = t("portal.password.mismatch");
    setFieldErrors(errors);
    if (errors.password || errors.confirmation) {
      submit.setError(new ApiError(0, "invalid", t("portal.errors.fixFields")));
      return;
    }
    await submit.run(async () => {
      const outcome = loginOutcomeSchema.parse(
        await apiRequest("POST", "/api/auth/password", { body: { token, password } }),
      );
      await refresh();
      navigate(nextPath(outcome), { replace: true, state: nextState(outcome) });
    });
  };

  // The server's reasons for refusing the password, in the reader's language.
  const refused =
    submit.error?.code === "validation_failed"
      ? submit.error.details.map((detail) =>
          passwordRuleCodes.includes(detail.code)
            ? t(`portal.password.${detail.code}`)
            : detail.message,
        )
      : [];
  const passwordError = fieldErrors.password ?? (refused.length ? refused.join(" ") : undefined);

  return (
    <>
      <Heading level={1}>{t("portal.setPassword.title")}</Heading>
      <Paragraph>
        {t(
          link.purpose === "password-reset"
            ? "portal.setPassword.introReset"
            : "portal.setPassword.introActivation",
        )}
      </Paragraph>
      <ErrorSummary>
        {submit.error &&
          (refused.length ? (
            <>
              {t("portal.setPassword.refused")}
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
          label={t("portal.fields.newPassword")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          description={
            <UnorderedList>
              <UnorderedListItem>{t("portal.password.ruleLength")}</UnorderedListItem>
              <UnorderedListItem>{t("portal.password.ruleCommon")}</UnorderedListItem>
              <UnorderedListItem>{t("portal.password.rulePersonal")}</UnorderedListItem>
            </UnorderedList>
          }
          error={passwordError}
        />
        <TextField
          id="new-password-confirmation"
          label={t("portal.fields.passwordConfirmation")}
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          error={fieldErrors.confirmation}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("portal.setPassword.submit")}
          </Button>
        </div>
      </form>
    </>
  );
}
