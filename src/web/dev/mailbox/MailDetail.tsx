import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { devApi } from "#src/contracts/api/dev.ts";
import type { OutboxMail } from "#src/contracts/dev-outbox.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { formatFileSize } from "#src/web/ui/format.ts";
import { SentAt } from "./SentAt.tsx";

type View = "html" | "text";

/**
 * One mail as its recipient gets it. The HTML comes from the server in a sandboxed frame
 * (no scripts, its own origin), so a mail can never act on this page.
 * Mount it with `key={mail.id}`: a new mail then starts in the HTML view and takes focus.
 */
export function MailDetail({ mail }: { mail: OutboxMail }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>("html");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <>
      <Heading level={2} ref={heading} tabIndex={-1}>
        {mail.subject}
      </Heading>
      <DataList
        items={[
          { key: "to", label: t("devMailbox.to"), value: mail.to },
          { key: "sentAt", label: t("devMailbox.sentAt"), value: <SentAt iso={mail.sentAt} /> },
          {
            key: "locale",
            label: t("devMailbox.locale"),
            value: t(`language.names.${mail.locale}`),
          },
        ]}
      />
      <fieldset className="poort-view-switch">
        <legend className="poort-view-switch__legend">{t("devMailbox.mail.views")}</legend>
        <div className="utrecht-button-group">
          {(["html", "text"] as const).map((option) => (
            <Button key={option} pressed={view === option} onClick={() => setView(option)}>
              {t(`devMailbox.mail.${option}`)}
            </Button>
          ))}
        </div>
      </fieldset>
      {view === "html" ? (
        <iframe
          className="poort-mail-frame"
          src={pathOf(devApi.outboxMailHtml, { params: { mailId: mail.id } })}
          sandbox=""
          title={t("devMailbox.mail.frameTitle", { subject: mail.subject })}
        />
      ) : (
        <pre className="utrecht-code-block poort-mail-text" lang={mail.locale}>
          {mail.text}
        </pre>
      )}
      <Heading level={3}>{t("devMailbox.mail.attachments")}</Heading>
      {mail.attachments.length === 0 ? (
        <Paragraph>{t("devMailbox.mail.noAttachments")}</Paragraph>
      ) : (
        <UnorderedList>
          {mail.attachments.map((attachment) => (
            <UnorderedListItem key={attachment.id}>
              <Link href={attachment.url} download={attachment.name}>
                {attachment.name}
              </Link>{" "}
              ({attachment.contentType}, {formatFileSize(attachment.size, i18n.language)})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}
