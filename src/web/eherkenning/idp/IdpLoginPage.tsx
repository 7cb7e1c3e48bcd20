import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LoginOutcome } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import { eherkenningIdpApi } from "#src/contracts/api/eherkenning-idp.ts";
import type { IdpLoginOutcome, IdpPendingLogin } from "#src/contracts/eherkenning/idp.ts";
import { LoginForm } from "#src/web/ui/account/LoginForm.tsx";
import { SecondFactorForm } from "#src/web/ui/account/SecondFactorForm.tsx";
import { callApi, forgetCsrfToken } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { LoadNotices } from "#src/web/ui/components/LoadNotices.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { ChooseCompany } from "./ChooseCompany.tsx";
import { IdpRefusal } from "./IdpRefusal.tsx";
import "#src/web/ui/account/account.css";

/** The server's page that posts the signed Response to the SP's ACS (under its own CSP). */
const POST_PAGE = "/eherkenning/idp/doorsturen";

type Step =
  | { step: "password" }
  | { step: "second-factor"; method: "sms" | "totp" }
  | { step: "answering" }
  | { step: "answered"; outcome: Exclude<IdpLoginOutcome, { outcome: "post" }> };

/**
 * The IdP's login page (issue 15, ADR 0016), where the sign-on endpoint sends the browser: it
 * names the service and the level it asks for, logs the means holder in afresh (password, then
 * the second step), and asks the server for its answer: on to the post page, a choice of
 * company or branch, or a refusal that says what to do.
 */
export function IdpLoginPage() {
  const { t } = useTranslation();
  const pending = useApiData(eherkenningIdpApi.pendingLogin);
  const answer = useSubmit();
  const [current, setCurrent] = useState<Step>({ step: "password" });

  const { run: runAnswer } = answer;
  const askAnswer = useCallback(
    (authorizationId?: string) =>
      runAnswer(async () => {
        const outcome = await callApi(eherkenningIdpApi.answer, {
          body: authorizationId ? { authorizationId } : {},
        });
        if (outcome.outcome === "post") {
          // A full page load: the post page is the server's, under its own CSP, not this app's.
          window.location.assign(POST_PAGE);
          return;
        }
        setCurrent({ step: "answered", outcome });
      }),
    [runAnswer],
  );

  // A login made for this request already (the page was reloaded after it): answer at once.
  const answeredOnLoad = useRef(false);
  useEffect(() => {
    if (pending.data?.loggedIn && !answeredOnLoad.current) {
      answeredOnLoad.current = true;
      setCurrent({ step: "answering" });
      void askAnswer();
    }
  }, [pending.data, askAnswer]);

  const onLoggedIn = async (outcome: LoginOutcome) => {
    // Each login step renews the session and with it the CSRF token: the next call fetches it.
    forgetCsrfToken();
    if (outcome.next === "second-factor") {
      setCurrent({ step: "second-factor", method: outcome.method ?? "sms" });
      return;
    }
    // Done, or (never for a means) a second step still to set up, which the server refuses.
    setCurrent({ step: "answering" });
    await askAnswer();
  };

  if (current.step === "answered") {
    const { outcome } = current;
    return outcome.outcome === "choose" ? (
      <ChooseCompany
        choices={outcome.choices}
        submit={answer}
        onChoose={(authorizationId) => void askAnswer(authorizationId)}
      />
    ) : (
      <IdpRefusal outcome={outcome} />
    );
  }

  return (
    <>
      <LoginHeading step={current.step} />
      <LoadNotices
        loading={pending.loading && !pending.data}
        error={pending.error}
        loadingText={t("ehIdp.loading")}
        errorText={t("ehIdp.loadError")}
      />
      {pending.data && <RequestFacts request={pending.data} />}
      {pending.data && current.step === "password" && (
        <LoginForm
          ids={{ email: "idp-email", password: "idp-password" }}
          text={{
            email: t("account.fields.email"),
            password: t("account.fields.password"),
            emailMissing: t("account.errors.emailMissing"),
            passwordMissing: t("account.errors.passwordMissing"),
            submit: t("ehIdp.login.submit"),
          }}
          emailAutoComplete="email"
          onLogin={async ({ email, password }) =>
            onLoggedIn(
              await callApi(accountApi.logIn, { body: { area: "eherkenning", email, password } }),
            )
          }
        />
      )}
      {current.step === "second-factor" && (
        <SecondFactorForm appMethod={current.method} onVerified={onLoggedIn} />
      )}
      {current.step === "answering" &&
        (answer.busy ? (
          <Paragraph role="status">{t("ehIdp.answering")}</Paragraph>
        ) : (
          // The login request is gone or expired: the message says to go back to the service.
          <ErrorSummary>{answer.error?.message}</ErrorSummary>
        ))}
    </>
  );
}

/** The login's heading, focused when the step changes so screen readers announce it. */
function LoginHeading({ step }: { step: Step["step"] }) {
  const { t } = useTranslation();
  const title = t(step === "second-factor" ? "ehIdp.login.secondFactorTitle" : "ehIdp.login.title");
  useDocumentTitle(title);
  return step === "password" ? (
    <Heading level={1}>{title}</Heading>
  ) : (
    <FocusHeading level={1} key={step}>
      {title}
    </FocusHeading>
  );
}

/** Which service of which provider asks for the login, and at which level. */
function RequestFacts({ request }: { request: IdpPendingLogin }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Paragraph>{t("ehIdp.login.intro")}</Paragraph>
      <DataList
        items={[
          {
            key: "service",
            label: t("ehIdp.request.service"),
            value: i18n.language === "en" ? request.serviceNameEn : request.serviceNameNl,
          },
          {
            key: "provider",
            label: t("ehIdp.request.provider"),
            value: request.serviceProviderName,
          },
          {
            key: "level",
            label: t("ehIdp.request.level"),
            value: t(`ehIdp.levels.${request.demandedLevel}`),
          },
        ]}
      />
    </>
  );
}
