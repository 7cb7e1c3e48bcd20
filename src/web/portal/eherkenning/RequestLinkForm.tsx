import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { portalEherkenningApi } from "#src/contracts/api/portal-eherkenning.ts";
import type { RequestEherkenningLink } from "#src/contracts/eherkenning/portal-login.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { FieldError, Fieldset, RadioField, TextField } from "#src/web/ui/components/FormField.tsx";
import { serverFieldErrors } from "#src/web/ui/components/server-field-errors.ts";
import {
  checkLinkRequest,
  type LinkRequestProblems,
  type LinkRequestValues,
  type LinkTarget,
} from "./link-request.ts";

const k = "portal.eherkenning.link";
const targets: LinkTarget[] = ["main", "extra"];
const ids = { target: "eherkenning-link-main", email: "eherkenning-link-email" } as const;
const targetErrorId = "eherkenning-link-target-error";

/**
 * "Koppelen aan": the company's main account, or the person's own extra account by its address.
 * That account gets the mail with the one-time approval link; asking again sends a new one.
 */
export function RequestLinkForm({
  companyName,
  onRequested,
}: {
  companyName: string;
  onRequested: (request: RequestEherkenningLink) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [values, setValues] = useState<LinkRequestValues>({ email: "" });
  const [problems, setProblems] = useState<LinkRequestProblems>({});
  const [attempt, setAttempt] = useState(0);

  // The server refuses an address the contract lets through only rarely; it reads the same.
  const emailProblem =
    problems.email ?? (serverFieldErrors(submit.error, ["email"]).email ? "invalid" : undefined);
  const messages = {
    target: problems.target && t(`${k}.errors.targetMissing`),
    email:
      emailProblem &&
      (emailProblem === "missing" ? t(`${k}.errors.emailMissing`) : t(`${k}.errors.emailInvalid`)),
  };
  const wrong = (["target", "email"] as const).flatMap((field) => {
    const message = messages[field];
    return message ? [{ id: ids[field], message }] : [];
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const checked = checkLinkRequest(values);
    if ("problems" in checked) {
      setProblems(checked.problems);
      submit.setError(undefined);
      return;
    }
    setProblems({});
    const ok = await submit.run(async () => {
      await callApi(portalEherkenningApi.requestLink, { body: checked.body });
    });
    if (ok) onRequested(checked.body);
  };

  return (
    <>
      <FieldErrorSummary
        attempt={attempt}
        message={
          problems.target || problems.email ? t("account.errors.fixFields") : submit.error?.message
        }
        fields={wrong}
      />
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <Fieldset legend={t(`${k}.legend`)}>
          {messages.target && <FieldError id={targetErrorId}>{messages.target}</FieldError>}
          {targets.map((target) => (
            <RadioField
              key={target}
              id={`eherkenning-link-${target}`}
              name="eherkenning-link-target"
              value={target}
              label={t(`${k}.targets.${target}`, { company: companyName })}
              checked={values.target === target}
              onChange={() => setValues({ ...values, target })}
              {...(messages.target ? { "aria-describedby": targetErrorId } : {})}
            />
          ))}
          {values.target === "extra" && (
            <TextField
              id={ids.email}
              type="email"
              autoComplete="email"
              required
              label={t(`${k}.email`)}
              value={values.email}
              error={messages.email}
              onChange={(event) => setValues({ ...values, email: event.target.value })}
            />
          )}
        </Fieldset>
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t(`${k}.submit`)}
          </Button>
        </div>
      </form>
    </>
  );
}
