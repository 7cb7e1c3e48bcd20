import { useTranslation } from "react-i18next";
import type { OutboxMail } from "#src/contracts/dev-outbox.ts";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { SentAt } from "./SentAt.tsx";

/** The mails, newest first; a subject link selects the mail (kept in the URL: `?mail=<id>`). */
export function MailTable({ mails, selectedId }: { mails: OutboxMail[]; selectedId?: string }) {
  const { t } = useTranslation();
  if (mails.length === 0) return <Paragraph>{t("devMailbox.mails.empty")}</Paragraph>;
  return (
    <Table caption={t("devMailbox.mails.caption")}>
      <TableHeadings
        labels={[t("devMailbox.subject"), t("devMailbox.to"), t("devMailbox.sentAt")]}
      />
      <TableBody>
        {mails.map((mail) => {
          const selected = mail.id === selectedId;
          return (
            <TableRow key={mail.id} selected={selected}>
              <TableCell>
                <RouterLink
                  to={{ search: `?mail=${encodeURIComponent(mail.id)}` }}
                  aria-current={selected ? "true" : undefined}
                >
                  {mail.subject}
                </RouterLink>
              </TableCell>
              <TableCell>{mail.to}</TableCell>
              <TableCell>
                <SentAt iso={mail.sentAt} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
