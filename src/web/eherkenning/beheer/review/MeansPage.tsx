import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { eherkenningBeheerApi } from "#src/contracts/api/eherkenning-beheer.ts";
import type { SupplierMeans } from "#src/contracts/eherkenning/means.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { AuthorizationsTable } from "../../means/AuthorizationsTable.tsx";
import { MeansFacts } from "../../means/MeansFacts.tsx";
import { LoadNotices } from "./LoadNotices.tsx";
import { RevokeForm } from "./RevokeForm.tsx";

/**
 * "Middelen": issued means by the holder's e-mail address, each with its authorizations; a
 * reviewer revokes a whole means or one authorization, with a reason mailed to the holder.
 */
export function MeansPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const email = searchParams.get("email")?.trim() ?? "";
  const [text, setText] = useState(email);
  useEffect(() => setText(email), [email]);
  useDocumentTitle(t("ehReview.means.title"));
  const list = useApiData(eherkenningBeheerApi.means, { query: { email: email || undefined } });
  const found = list.data?.means;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim();
    setSearchParams(next ? { email: next } : {});
  };

  return (
    <>
      <Heading level={1}>{t("ehReview.means.title")}</Heading>
      <search aria-label={t("ehReview.means.searchLabel")}>
        <form className="poort-form" onSubmit={onSubmit}>
          <div className="utrecht-form-field utrecht-form-field--text">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="means-search">
                {t("ehReview.means.search")}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <input
                id="means-search"
                type="search"
                name="email"
                maxLength={320}
                autoComplete="off"
                className="utrecht-textbox utrecht-textbox--html-input"
                value={text}
                onChange={(event) => setText(event.target.value)}
              />
            </div>
          </div>
          <Button type="submit" appearance="primary-action">
            {t("ehReview.means.searchButton")}
          </Button>
        </form>
      </search>
      <section className="poort-section" aria-labelledby="means-results">
        <Heading level={2} id="means-results">
          {t("ehReview.means.results")}
        </Heading>
        <LoadNotices loading={!found && list.loading} error={list.error} />
        {found && (
          <Paragraph role="status">{t("ehReview.means.found", { count: found.length })}</Paragraph>
        )}
        {found?.map((means) => (
          <MeansCard key={means.id} means={means} onChange={list.reload} />
        ))}
      </section>
    </>
  );
}

type Revoking = { kind: "means" } | { kind: "authorization"; id: string };

function MeansCard({ means, onChange }: { means: SupplierMeans; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const [revoking, setRevoking] = useState<Revoking>();
  const [done, setDone] = useState<string>();
  const headingId = `means-${means.id}`;
  const finish = (message: string) => {
    setRevoking(undefined);
    setDone(message);
    onChange();
  };

  return (
    <article className="poort-section" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {means.holderName} ({means.holderEmail})
      </Heading>
      {done && <Alert type="ok">{done}</Alert>}
      <MeansFacts
        means={means}
        more={[
          {
            key: "login",
            label: t("ehReview.means.login"),
            value: t(`ehReview.means.loginStates.${means.holderStatus}`),
          },
          {
            key: "state",
            label: t("ehMeans.columns.state"),
            value: means.revokedAt
              ? t("ehMeans.revokedOn", {
                  date: formatDate(means.revokedAt, i18n.language),
                  reason: means.revokedReason ?? "",
                })
              : t("ehMeans.states.active"),
          },
        ]}
      />
      {means.authorizations.length > 0 && (
        <AuthorizationsTable
          caption={t("ehReview.means.authorizationsOf", { name: means.holderName })}
          authorizations={means.authorizations}
          actions={(authorization) =>
            authorization.state === "active" ? (
              <Button onClick={() => setRevoking({ kind: "authorization", id: authorization.id })}>
                {t("ehReview.means.revokeAuthorization")}
              </Button>
            ) : (
              "–"
            )
          }
        />
      )}
      {!means.revokedAt && !revoking && (
        <Paragraph>
          <Button onClick={() => setRevoking({ kind: "means" })}>
            {t("ehReview.means.revokeMeans")}
          </Button>
        </Paragraph>
      )}
      {revoking?.kind === "means" && (
        <RevokeForm
          id={`revoke-means-${means.id}`}
          heading={t("ehReview.means.revokeMeansHeading", { name: means.holderName })}
          warning={t("ehReview.means.revokeMeansWarning")}
          onCancel={() => setRevoking(undefined)}
          onRevoke={async (reason) => {
            await callApi(eherkenningBeheerApi.revokeMeans, {
              params: { meansId: means.id },
              body: { reason },
            });
            finish(t("ehReview.means.meansRevoked"));
          }}
        />
      )}
      {revoking?.kind === "authorization" && (
        <RevokeForm
          id={`revoke-authorization-${revoking.id}`}
          heading={t("ehReview.means.revokeAuthorizationHeading")}
          warning={t("ehReview.means.revokeAuthorizationWarning")}
          onCancel={() => setRevoking(undefined)}
          onRevoke={async (reason) => {
            await callApi(eherkenningBeheerApi.revokeAuthorization, {
              params: { authorizationId: revoking.id },
              body: { reason },
            });
            finish(t("ehReview.means.authorizationRevoked"));
          }}
        />
      )}
    </article>
  );
}
