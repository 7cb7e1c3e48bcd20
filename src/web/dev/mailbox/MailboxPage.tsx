import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import type { Outbox } from "./fetch-outbox.ts";
import { MailDetail } from "./MailDetail.tsx";
import { MailTable } from "./MailTable.tsx";
import { SmsTable } from "./SmsTable.tsx";
import { useOutbox } from "./use-outbox.ts";
import "./mailbox.css";

/** The local outbox: what Poort would have mailed and texted, for developers and testers. */
export function MailboxPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t("devMailbox.name"));
  const { state, refresh } = useOutbox();

  return (
    <>
      <Heading level={1}>{t("devMailbox.name")}</Heading>
      <Paragraph appearance="lead">{t("devMailbox.intro")}</Paragraph>
      <div className="poort-mailbox-toolbar poort-no-print">
        <Button appearance="primary-action" onClick={refresh}>
          {t("devMailbox.refresh")}
        </Button>
        <Paragraph appearance="small">
          {t("devMailbox.autoRefresh")}{" "}
          {state.loadedAt &&
            t("devMailbox.updatedAt", { time: formatTime(state.loadedAt, i18n.language) })}
        </Paragraph>
      </div>
      {state.failed && (
        <Alert type="error">
          <Heading level={2}>{t("devMailbox.failedTitle")}</Heading>
          <Paragraph>{t("devMailbox.failedBody")}</Paragraph>
        </Alert>
      )}
      {state.outbox ? (
        <OutboxView outbox={state.outbox} />
      ) : (
        !state.failed && <Paragraph>{t("devMailbox.loading")}</Paragraph>
      )}
    </>
  );
}

function OutboxView({ outbox }: { outbox: Outbox }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  if (outbox.status === "disabled") {
    return (
      <Alert type="warning">
        <Heading level={2}>{t("devMailbox.disabledTitle")}</Heading>
        <Paragraph>{t("devMailbox.disabledBody")}</Paragraph>
      </Alert>
    );
  }

  const selectedId = searchParams.get("mail") ?? undefined;
  const selected = outbox.mails.find((mail) => mail.id === selectedId);
  return (
    <div className="poort-mailbox">
      <section aria-labelledby="poort-mails" className="poort-mailbox__mails">
        <Heading level={2} id="poort-mails">
          {t("devMailbox.mails.heading")} ({outbox.mails.length})
        </Heading>
        <MailTable mails={outbox.mails} selectedId={selectedId} />
      </section>
      {selectedId && (
        <div className="poort-mailbox__detail">
          {selected ? (
            <MailDetail key={selected.id} mail={selected} />
          ) : (
            <Alert type="info">
              <Paragraph>{t("devMailbox.mail.missing")}</Paragraph>
            </Alert>
          )}
        </div>
      )}
      <section aria-labelledby="poort-sms" className="poort-mailbox__sms">
        <Heading level={2} id="poort-sms">
          {t("devMailbox.sms.heading")} ({outbox.messages.length})
        </Heading>
        <SmsTable messages={outbox.messages} />
      </section>
    </div>
  );
}
