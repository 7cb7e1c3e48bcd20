import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError, apiRequest } from "../../ui/api/api-client.ts";
import { useSubmit } from "../../ui/api/use-submit.ts";
import { Alert } from "../../ui/components/Alert.tsx";
import { Button } from "../../ui/components/Button.tsx";
import { ErrorSummary } from "../../ui/components/ErrorSummary.tsx";
import { FocusHeading } from "../../ui/components/FocusHeading.tsx";
import { TextField } from "../../ui/components/FormField.tsx";
import { Heading } from "../../ui/components/Heading.tsx";
import { Paragraph } from "../../ui/components/Paragraph.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { useLinkState } from "../use-link-state.ts";
import { LinkInvalid } from "./LinkInvalid.tsx";
import "../portal.css";

/** Activation step 2, from the invitation mail: the e-mail address the invitation was for. */
export function ActivatePage() {
  const { t } = useTranslation();
  const token = useParams().token ?? "";
  const link = useLinkState(token);
  const submit = useSubmit();
  const [email, setEmail] = useState("");
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);
  useDocumentTitle(t("portal.activate.title"));

  if (link.status === "checking") return <Paragraph>{t("portal.loading")}</Paragraph>;
  if (link.status === "invalid" || (link.status === "valid" && link.purpose !== "invitation"))
    return <LinkInvalid />;
  if (link.status === "failed") return <Alert type="error">{t("portal.errors.general")}</Alert>;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!email.trim());
    if (!email.trim()) {
      submit.setError(new ApiError(0, "missing", t("portal.errors.fillIn")));
      return;
    }
    const ok = await submit.run(async () => {
      await apiRequest("POST", "/api/auth/activation", { body: { token, email: email.trim() } });
    });
    setSent(ok);
  };

  if (sent)
    return (
      <>
        <FocusHeading level={1}>{t("portal.activate.sentTitle")}</FocusHeading>
        <Paragraph>{t("portal.activate.sentBody")}</Paragraph>
      </>
    );

  return (
    <>
      <Heading level={1}>{t("portal.activate.title")}</Heading>
      <Paragraph>{t("portal.activate.intro")}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="activate-email"
          label={t("portal.fields.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={missing ? t("portal.errors.emailMissing") : undefined}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("portal.activate.submit")}
          </Button>
        </div>
      </form>
    </>
  );
}
