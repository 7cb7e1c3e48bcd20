import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import type { ApplicationView, Contact } from "#src/contracts/eherkenning/wizard.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { serverFieldErrors } from "#src/web/ui/components/server-field-errors.ts";

const p = "ehApply.who";
const userFields = ["name", "email", "mobile"] as const;

/**
 * Step 2, the user: their own name, e-mail address and mobile number, each contact then proven
 * by a code. Changing a contact asks for a new code.
 */
export function UserContacts({
  application,
  reload,
}: {
  application: ApplicationView;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { user } = application;
  const [values, setValues] = useState({
    name: user.name ?? "",
    email: user.email ?? "",
    mobile: user.mobile ?? "",
  });
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit();
  const errors = serverFieldErrors(submit.error, userFields);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const ok = await submit.run(async () => {
      await callApi(eherkenningApplyApi.saveUser, { body: values });
    });
    if (ok) reload();
  }

  return (
    <section className="poort-eh-box" aria-labelledby="eh-user-heading">
      <Heading level={3} id="eh-user-heading">
        {t(`${p}.userHeading`)}
      </Heading>
      <Alert type="warning">{t(`${p}.personal`)}</Alert>
      <FieldErrorSummary
        message={submit.error?.message}
        fields={userFields.flatMap((field) =>
          errors[field]
            ? [{ id: `eh-user-${field}`, message: t(`${p}.fieldErrors.${field}`) }]
            : [],
        )}
        attempt={attempt}
      />
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="eh-user-name"
          label={t(`${p}.name`)}
          autoComplete="name"
          value={values.name}
          error={errors.name && t(`${p}.fieldErrors.name`)}
          onChange={(event) => setValues({ ...values, name: event.target.value })}
        />
        <TextField
          id="eh-user-email"
          type="email"
          label={t(`${p}.email`)}
          description={t(`${p}.emailHint`)}
          autoComplete="email"
          value={values.email}
          error={errors.email && t(`${p}.fieldErrors.email`)}
          onChange={(event) => setValues({ ...values, email: event.target.value })}
        />
        <TextField
          id="eh-user-mobile"
          type="tel"
          label={t(`${p}.mobile`)}
          description={t(`${p}.mobileHint`)}
          autoComplete="tel"
          value={values.mobile}
          error={errors.mobile && t(`${p}.fieldErrors.mobile`)}
          onChange={(event) => setValues({ ...values, mobile: event.target.value })}
        />
        <div>
          <Button type="submit" disabled={submit.busy}>
            {t(`${p}.saveUser`)}
          </Button>
        </div>
      </form>
      {user.email && (
        <ContactCode contact="email" verified={user.emailVerified} onVerified={reload} />
      )}
      {user.mobile && (
        <ContactCode contact="mobile" verified={user.mobileVerified} onVerified={reload} />
      )}
    </section>
  );
}

/** One contact's proof: send a code, type it back; or the word that it is verified. */
function ContactCode({
  contact,
  verified,
  onVerified,
}: {
  contact: Contact;
  verified: boolean;
  onVerified: () => void;
}) {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string>();
  const [code, setCode] = useState("");
  const send = useSubmit();
  const verify = useSubmit();
  const id = `eh-code-${contact}`;

  if (verified) {
    return <Alert type="ok">{t(`${p}.verified.${contact}`)}</Alert>;
  }
  return (
    <div className="poort-eh-box">
      <Paragraph>{t(`${p}.verifyText.${contact}`)}</Paragraph>
      <FieldErrorSummary message={send.error?.message ?? verify.error?.message} />
      {sentTo && <Alert type="info">{t(`${p}.codeSent`, { to: sentTo })}</Alert>}
      <Button
        disabled={send.busy}
        onClick={() =>
          void send.run(async () => {
            const answer = await callApi(eherkenningApplyApi.sendContactCode, {
              body: { contact },
            });
            setSentTo(answer.sentTo);
          })
        }
      >
        {sentTo ? t(`${p}.resendCode`) : t(`${p}.sendCode.${contact}`)}
      </Button>
      {sentTo && (
        <form
          className="poort-eh-inline-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void verify
              .run(async () => {
                await callApi(eherkenningApplyApi.verifyContactCode, { body: { contact, code } });
              })
              .then((ok) => ok && onVerified());
          }}
        >
          <TextField
            id={id}
            label={t(`${p}.codeLabel`)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            error={
              verify.error?.code === "validation_failed"
                ? t(`${p}.fieldErrors.code`)
                : verify.error?.message
            }
            onChange={(event) => setCode(event.target.value)}
          />
          <Button type="submit" appearance="primary-action" disabled={verify.busy}>
            {t(`${p}.confirmCode`)}
          </Button>
        </form>
      )}
    </div>
  );
}
