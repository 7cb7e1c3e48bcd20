import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import type { SignatureRequestView } from "#src/contracts/eherkenning/wizard.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { ButtonGroup, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { TextAreaField } from "#src/web/ui/components/TextAreaField.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { ScopeText } from "./ApplicationSummary.tsx";
import "./apply.css";

const p = "ehApply.signing";

/**
 * The representative's page (`/eherkenning/ondertekenen/:token`): what the application asks,
 * then "Ondertekenen" confirmed by a code to their phone or mail, or "Weigeren" with a reason.
 * A used, replaced or closed link gets a page that says so.
 */
export function SigningPage() {
  const { t, i18n } = useTranslation();
  const { token = "" } = useParams();
  const request = useApiData(eherkenningApplyApi.signatureRequest, { params: { token } });
  const [answered, setAnswered] = useState<SignatureRequestView>();
  useDocumentTitle(t(`${p}.title`));

  const view = answered ?? request.data;
  if (request.loading && !view) return <Paragraph>{t("ehApply.loading")}</Paragraph>;
  if (!view) {
    return (
      <>
        <Heading level={1}>{t(`${p}.title`)}</Heading>
        <Alert type="error">{errorMessage(request.error, t("ehApply.errors.general"))}</Alert>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t(`${p}.title`)}</Heading>
      <Paragraph appearance="lead">
        {t(`${p}.lead`, {
          name: view.signer.name,
          user: view.user.name,
          company: view.company.name,
        })}
      </Paragraph>
      <RequestFacts view={view} />
      {view.status === "open" ? (
        <SignOrDecline token={token} view={view} onAnswered={setAnswered} />
      ) : (
        <Alert type={view.status === "signed" ? "ok" : "info"}>
          {view.status === "signed" && view.signedAt
            ? t(`${p}.done.signed`, { date: formatDateTime(view.signedAt, i18n.language) })
            : t(`${p}.done.${view.status}`)}
        </Alert>
      )}
    </>
  );
}

function RequestFacts({ view }: { view: SignatureRequestView }) {
  const { t } = useTranslation();
  return (
    <DataList
      items={[
        { key: "reference", label: t("ehApply.summary.reference"), value: view.reference },
        {
          key: "user",
          label: t("ehApply.summary.user"),
          value: `${view.user.name} (${view.user.email})`,
        },
        {
          key: "company",
          label: t("ehApply.summary.company"),
          value: `${view.company.name}, ${view.company.legalForm} (KvK ${view.company.kvkNumber})`,
        },
        {
          key: "branch",
          label: t("ehApply.summary.branch"),
          value: view.branch
            ? `${view.branch.name} (${view.branch.branchNumber})`
            : t("ehApply.summary.wholeCompany"),
        },
        {
          key: "scope",
          label: t("ehApply.summary.scope"),
          value: (
            <ScopeText
              scope={view.scope}
              services={view.scopeServices}
              providerName={view.scopeProviderName}
            />
          ),
        },
        {
          key: "level",
          label: t("ehApply.summary.level"),
          value: t(`ehApply.levels.${view.level}`),
        },
        {
          key: "works",
          label: t("ehApply.summary.worksFor"),
          value: view.userWorksForCompany ? t("ehApply.who.yes") : t("ehApply.who.no"),
        },
        {
          key: "authority",
          label: t(`${p}.yourAuthority`),
          value: t(`ehApply.authority.${view.signer.authority}`),
        },
      ]}
    />
  );
}

function SignOrDecline({
  token,
  view,
  onAnswered,
}: {
  token: string;
  view: SignatureRequestView;
  onAnswered: (view: SignatureRequestView) => void;
}) {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string>();
  const [code, setCode] = useState("");
  const [reason, setReason] = useState("");
  const [declining, setDeclining] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const send = useSubmit();
  const sign = useSubmit();
  const decline = useSubmit();

  async function onSign(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    await sign.run(async () => {
      onAnswered(await callApi(eherkenningApplyApi.sign, { params: { token }, body: { code } }));
    });
  }

  async function onDecline(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    await decline.run(async () => {
      onAnswered(
        await callApi(eherkenningApplyApi.decline, { params: { token }, body: { reason } }),
      );
    });
  }

  // A code of the wrong shape or a reason left empty: said at the field, in words of its own.
  const codeError =
    sign.error?.code === "validation_failed"
      ? t("ehApply.who.fieldErrors.code")
      : sign.error?.message;
  const reasonError =
    decline.error?.code === "validation_failed" ? t(`${p}.errors.reason`) : decline.error?.message;
  return (
    <>
      <section className="poort-eh-box" aria-labelledby="eh-sign-heading">
        <Heading level={2} id="eh-sign-heading">
          {t(`${p}.signHeading`)}
        </Heading>
        <Paragraph>{t(`${p}.codeText.${view.codeChannel}`, { to: view.codeTarget })}</Paragraph>
        <FieldErrorSummary
          message={send.error?.message ?? codeError}
          fields={codeError ? [{ id: "eh-sign-code", message: codeError }] : []}
          attempt={attempt}
        />
        {sentTo && <Alert type="info">{t("ehApply.who.codeSent", { to: sentTo })}</Alert>}
        <Button
          disabled={send.busy}
          onClick={() =>
            void send.run(async () => {
              const answer = await callApi(eherkenningApplyApi.sendSignatureCode, {
                params: { token },
              });
              setSentTo(answer.sentTo);
            })
          }
        >
          {sentTo ? t("ehApply.who.resendCode") : t(`${p}.sendCode`)}
        </Button>
        {sentTo && (
          <form className="poort-form" noValidate onSubmit={(event) => void onSign(event)}>
            <TextField
              id="eh-sign-code"
              label={t("ehApply.who.codeLabel")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              error={codeError}
              onChange={(event) => setCode(event.target.value)}
            />
            <div>
              <Button type="submit" appearance="primary-action" disabled={sign.busy}>
                {t(`${p}.sign`)}
              </Button>
            </div>
          </form>
        )}
      </section>

      <section className="poort-eh-box" aria-labelledby="eh-decline-heading">
        <Heading level={2} id="eh-decline-heading">
          {t(`${p}.declineHeading`)}
        </Heading>
        <Paragraph>{t(`${p}.declineText`)}</Paragraph>
        {declining ? (
          <form className="poort-form" noValidate onSubmit={(event) => void onDecline(event)}>
            <FieldErrorSummary
              message={reasonError}
              fields={reasonError ? [{ id: "eh-decline-reason", message: reasonError }] : []}
              attempt={attempt}
            />
            <TextAreaField
              id="eh-decline-reason"
              label={t(`${p}.reason`)}
              description={t(`${p}.reasonHint`)}
              value={reason}
              error={reasonError}
              onChange={(event) => setReason(event.target.value)}
            />
            <ButtonGroup>
              <Button onClick={() => setDeclining(false)}>{t("ehApply.follow.cancel")}</Button>
              <Button type="submit" disabled={decline.busy}>
                {t(`${p}.decline`)}
              </Button>
            </ButtonGroup>
          </form>
        ) : (
          <Button onClick={() => setDeclining(true)}>{t(`${p}.decline`)}</Button>
        )}
      </section>
    </>
  );
}
