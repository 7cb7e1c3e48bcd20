import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { portalEherkenningApi } from "#src/contracts/api/portal-eherkenning.ts";
import type { EherkenningLinkApproval } from "#src/contracts/eherkenning/portal-login.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { LoadNotices } from "#src/web/ui/components/LoadNotices.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { SubmitForm } from "#src/web/ui/components/SubmitForm.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { isGone } from "./link-gone.ts";

const k = "portal.eherkenning.approval";

/**
 * "eHerkenning-koppeling goedkeuren" (`/portal/eherkenning/goedkeuren/:token`), the mailed link:
 * the account it was sent to, logged in, approves linking a company's eHerkenning to itself.
 * It comes before the choice of office, since the link names its office itself.
 */
export function ApproveLinkPage() {
  const token = useParams().token ?? "";
  // Another link is another approval: nothing of the last one's answer may stay.
  return <Approval key={token} token={token} />;
}

function Approval({ token }: { token: string }) {
  const { t } = useTranslation();
  const loaded = useApiData(portalEherkenningApi.approval, { params: { token } });
  // The answer of "Koppeling goedkeuren", which replaces the one loaded.
  const [approved, setApproved] = useState<EherkenningLinkApproval>();
  useDocumentTitle(t(`${k}.title`));
  const approval = approved ?? loaded.data;

  return (
    <>
      <Heading level={1}>{t(`${k}.title`)}</Heading>
      {isGone(loaded.error) ? (
        <Alert type="warning">{t(`${k}.gone`)}</Alert>
      ) : (
        <LoadNotices
          loading={loaded.loading}
          error={loaded.error}
          loadingText={t("portal.loading")}
          errorText={t("portal.errors.load")}
        />
      )}
      {approval &&
        (approval.forThisAccount ? (
          <>
            <ApprovalFacts approval={approval} />
            {approval.approvedAt ? (
              <Approved approvedAt={approval.approvedAt} now={approved !== undefined} />
            ) : (
              <ApproveForm token={token} approval={approval} onApproved={setApproved} />
            )}
          </>
        ) : (
          // Another account's link: only that account may approve, so there is nothing to do here.
          <Alert type="warning">{t(`${k}.otherAccount`)}</Alert>
        ))}
    </>
  );
}

/** Which company's eHerkenning, at which office, and since when it waits. */
function ApprovalFacts({ approval }: { approval: EherkenningLinkApproval }) {
  const { t, i18n } = useTranslation();
  return (
    <DataList
      items={[
        { key: "company", label: t(`${k}.company`), value: approval.companyName },
        { key: "kvk", label: t(`${k}.kvk`), value: approval.kvkNumber },
        { key: "office", label: t(`${k}.office`), value: approval.officeName },
        {
          key: "requested",
          label: t(`${k}.requestedAt`),
          value: formatDateTime(approval.requestedAt, i18n.language),
        },
      ]}
    />
  );
}

/**
 * The warning and "Koppeling goedkeuren": whoever holds the linked eHerkenning sees every dossier
 * of the company at the office, so only an approval the account holder expects is safe.
 */
function ApproveForm({
  token,
  approval,
  onApproved,
}: {
  token: string;
  approval: EherkenningLinkApproval;
  onApproved: (approval: EherkenningLinkApproval) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run(async () => {
      onApproved(await callApi(portalEherkenningApi.approve, { params: { token } }));
    });
  };
  return (
    <SubmitForm submit={submit} submitLabel={t(`${k}.submit`)} onSubmit={onSubmit}>
      <Alert type="warning">
        {t(`${k}.warning`, { company: approval.companyName, office: approval.officeName })}
      </Alert>
    </SubmitForm>
  );
}

/** The link is approved; its heading takes the focus when that just happened on this page. */
function Approved({ approvedAt, now }: { approvedAt: string; now: boolean }) {
  const { t, i18n } = useTranslation();
  const Title = now ? FocusHeading : Heading;
  return (
    <>
      <Title level={2}>{t(`${k}.approved.title`)}</Title>
      <Alert type="ok">
        <Paragraph>
          {t(`${k}.approved.body`, { date: formatDateTime(approvedAt, i18n.language) })}
        </Paragraph>
      </Alert>
    </>
  );
}
