import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { audienceKey, useAccountArea } from "../account-area.tsx";
import { SingleFieldForm } from "../SingleFieldForm.tsx";
import { useLinkState } from "../use-link-state.ts";
import { LinkInvalid } from "./LinkInvalid.tsx";
import "../account.css";

/** Activation step 2, from the invitation mail: the e-mail address the invitation was for. */
export function ActivatePage() {
  const { t } = useTranslation();
  const token = useParams().token ?? "";
  const link = useLinkState(token);
  const submit = useSubmit();
  const { area } = useAccountArea();
  const [sent, setSent] = useState(false);
  useDocumentTitle(t("account.activate.title"));

  if (link.status === "checking") return <Paragraph>{t("account.loading")}</Paragraph>;
  if (link.status === "invalid" || (link.status === "valid" && link.purpose !== "invitation"))
    return <LinkInvalid />;
  if (link.status === "failed") return <Alert type="error">{t("account.errors.general")}</Alert>;

  if (sent)
    return (
      <>
        <FocusHeading level={1}>{t("account.activate.sentTitle")}</FocusHeading>
        <Paragraph>{t("account.activate.sentBody")}</Paragraph>
      </>
    );

  return (
    <>
      <Heading level={1}>{t("account.activate.title")}</Heading>
      <Paragraph>{t(audienceKey(area, "activateIntro"))}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <SingleFieldForm
        field={{
          id: "activate-email",
          label: t("account.fields.email"),
          type: "email",
          autoComplete: "email",
        }}
        missingError={t("account.errors.emailMissing")}
        submitLabel={t("account.activate.submit")}
        submit={submit}
        onSubmit={async (email) => {
          await callApi(accountApi.startActivation, { body: { token, email } });
          setSent(true);
        }}
      />
    </>
  );
}
