import { useState } from "react";
import { useTranslation } from "react-i18next";
import { portalEherkenningApi } from "#src/contracts/api/portal-eherkenning.ts";
import type {
  PendingEherkenningLink,
  RequestEherkenningLink,
} from "#src/contracts/eherkenning/portal-login.ts";
import { paths } from "#src/web/ui/account/paths.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { LoadNotices } from "#src/web/ui/components/LoadNotices.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { isGone } from "./link-gone.ts";
import { RequestLinkForm } from "./RequestLinkForm.tsx";

const k = "portal.eherkenning.link";

/**
 * "eHerkenning koppelen" (`/portal/eherkenning/koppelen`), where the server sends a company's
 * first eHerkenning login at an office: no one is logged in yet, and this browser holds the
 * eHerkenning login until an account of the company approves the link by mail.
 */
export function RequestLinkPage() {
  const { t } = useTranslation();
  const pending = useApiData(portalEherkenningApi.pendingLink);
  const [sent, setSent] = useState<RequestEherkenningLink>();
  useDocumentTitle(t(`${k}.title`));
  const link = pending.data;

  return (
    <>
      <Heading level={1}>{t(`${k}.title`)}</Heading>
      {isGone(pending.error) ? (
        <NothingToLink />
      ) : (
        <LoadNotices
          loading={pending.loading}
          error={pending.error}
          loadingText={t("portal.loading")}
          errorText={t("portal.errors.load")}
        />
      )}
      {link && (
        <>
          <Paragraph>
            {t(`${k}.intro`, {
              company: link.companyName,
              kvk: link.kvkNumber,
              office: link.officeName,
            })}
          </Paragraph>
          <Paragraph>{t(`${k}.explanation`, { company: link.companyName })}</Paragraph>
          <RequestedNotice link={link} sent={sent} />
          <RequestLinkForm companyName={link.companyName} onRequested={setSent} />
        </>
      )}
    </>
  );
}

/** No eHerkenning login waits in this browser (any more): the way is to log in with it again. */
function NothingToLink() {
  const { t } = useTranslation();
  return (
    <Alert type="warning">
      <Paragraph>{t(`${k}.gone`)}</Paragraph>
      <Paragraph>
        <RouterLink to={paths.login}>{t(`${k}.loginAgain`)}</RouterLink>
      </Paragraph>
    </Alert>
  );
}

/**
 * Where the approval link went: just now, to the account chosen, or earlier (the person came
 * back to this page). The mail goes only to an account of the company, which this page does not
 * reveal.
 */
function RequestedNotice({
  link,
  sent,
}: {
  link: PendingEherkenningLink;
  sent?: RequestEherkenningLink;
}) {
  const { t, i18n } = useTranslation();
  const company = link.companyName;
  let text: string;
  if (sent?.target === "extra") text = t(`${k}.sent.extra`, { email: sent.email, company });
  else if (sent) text = t(`${k}.sent.main`, { company });
  else if (link.requestedAt)
    text = t(`${k}.requestedOn`, {
      date: formatDateTime(link.requestedAt, i18n.language),
      company,
    });
  else return null;
  return (
    <Alert type="ok">
      <Paragraph>{text}</Paragraph>
      <Paragraph>{t(`${k}.next`)}</Paragraph>
    </Alert>
  );
}
