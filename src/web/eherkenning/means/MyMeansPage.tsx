import { useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningMeansApi } from "#src/contracts/api/eherkenning-means.ts";
import type { AuthorizationView, MeansView } from "#src/contracts/eherkenning/means.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link } from "#src/web/ui/components/Link.tsx";
import { LoadNotices } from "#src/web/ui/components/LoadNotices.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { AuthorizationsTable } from "./AuthorizationsTable.tsx";
import { MeansFacts } from "./MeansFacts.tsx";

/**
 * "Mijn eHerkenning": the holder's means (level, issued, state) and its authorizations per
 * company, service and branch with their end; "Verlengen" in an authorization's last 30 days.
 */
export function MyMeansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("ehMeans.title"));
  const loaded = useApiData(eherkenningMeansApi.mine);
  const [renewed, setRenewed] = useState<MeansView>();
  const means = renewed ?? loaded.data?.means;

  return (
    <>
      <Heading level={1}>{t("ehMeans.title")}</Heading>
      <LoadNotices
        loading={loaded.loading && !loaded.data}
        error={loaded.error}
        loadingText={t("ehMeans.loading")}
        errorText={t("ehMeans.loadError")}
      />
      {loaded.data && !means && (
        <>
          <Paragraph>{t("ehMeans.none")}</Paragraph>
          <Paragraph>
            <Link href="/eherkenning/aanvragen">{t("ehMeans.apply")}</Link>
          </Paragraph>
        </>
      )}
      {means && <MeansDetails means={means} onRenewed={setRenewed} />}
    </>
  );
}

function MeansDetails({
  means,
  onRenewed,
}: {
  means: MeansView;
  onRenewed: (means: MeansView) => void;
}) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const [done, setDone] = useState<string>();

  const renew = (authorization: AuthorizationView) =>
    void submit.run(async () => {
      const next = await callApi(eherkenningMeansApi.renew, {
        params: { authorizationId: authorization.id },
      });
      const until = next.authorizations.find((entry) => entry.id === authorization.id)?.validUntil;
      setDone(
        t("ehMeans.renewed", {
          company: authorization.companyName,
          date: until ? formatDate(until, i18n.language) : "",
        }),
      );
      onRenewed(next);
    });

  return (
    <>
      {means.revokedAt && (
        <Alert type="warning">
          {t("ehMeans.revokedOn", {
            date: formatDate(means.revokedAt, i18n.language),
            reason: means.revokedReason ?? "",
          })}
        </Alert>
      )}
      <section className="poort-section" aria-labelledby="means-heading">
        <Heading level={2} id="means-heading">
          {t("ehMeans.means")}
        </Heading>
        <MeansFacts
          means={means}
          more={[
            {
              key: "state",
              label: t("ehMeans.columns.state"),
              value: means.revokedAt ? t("ehMeans.states.revoked") : t("ehMeans.states.active"),
            },
          ]}
        />
        <Paragraph>{t("ehMeans.levelServes", { level: means.level })}</Paragraph>
      </section>
      <section className="poort-section" aria-labelledby="authorizations-heading">
        <Heading level={2} id="authorizations-heading">
          {t("ehMeans.authorizations")}
        </Heading>
        <Paragraph>{t("ehMeans.renewIntro")}</Paragraph>
        <ErrorSummary>{submit.error?.message}</ErrorSummary>
        {done && <Alert type="ok">{done}</Alert>}
        {means.authorizations.length === 0 ? (
          <Paragraph>{t("ehMeans.noAuthorizations")}</Paragraph>
        ) : (
          <AuthorizationsTable
            caption={t("ehMeans.authorizationsCaption")}
            authorizations={means.authorizations}
            actions={(authorization) =>
              authorization.renewable ? (
                <Button
                  disabled={submit.busy}
                  aria-label={t("ehMeans.renewFor", { company: authorization.companyName })}
                  onClick={() => renew(authorization)}
                >
                  {t("ehMeans.renew")}
                </Button>
              ) : (
                "–"
              )
            }
          />
        )}
        <Paragraph>
          <Link href="/eherkenning/aanvragen">{t("ehMeans.applyMore")}</Link>
        </Paragraph>
      </section>
    </>
  );
}
