import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-client.ts";
import { useSubmit } from "../api/use-submit.ts";
import { TextField } from "../components/FormField.tsx";
import { SubmitForm } from "../components/SubmitForm.tsx";

export interface LoginCredentials {
  /** The e-mail address, trimmed. */
  email: string;
  password: string;
}

interface LoginFormProps {
  ids: { email: string; password: string };
  text: {
    email: string;
    password: string;
    emailMissing: string;
    passwordMissing: string;
    submit: string;
  };
  emailAutoComplete: "email" | "username";
  /** Logs in once both fields are filled in; what it throws is shown above the form. */
  onLogin: (credentials: LoginCredentials) => Promise<void>;
}

/** The e-mail address and password of a login, each required, with the error above them. */
export function LoginForm({ ids, text, emailAutoComplete, onLogin }: LoginFormProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { email: !email.trim(), password: !password };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) {
      submit.setError(new ApiError(0, "missing", t("account.errors.fillIn")));
      return;
    }
    await submit.run(() => onLogin({ email: email.trim(), password }));
  };

  return (
    <SubmitForm submit={submit} submitLabel={text.submit} onSubmit={onSubmit}>
      <TextField
        id={ids.email}
        label={text.email}
        type="email"
        autoComplete={emailAutoComplete}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={missing.email ? text.emailMissing : undefined}
      />
      <TextField
        id={ids.password}
        label={text.password}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={missing.password ? text.passwordMissing : undefined}
      />
    </SubmitForm>
  );
}
