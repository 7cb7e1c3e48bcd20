import { useTranslation } from "react-i18next";
import type { OutboxSms } from "#src/contracts/dev-outbox.ts";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { SentAt } from "./SentAt.tsx";

export function SmsTable({ messages }: { messages: OutboxSms[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return <Paragraph>{t("devMailbox.sms.empty")}</Paragraph>;
  return (
    <Table caption={t("devMailbox.sms.caption")}>
      <TableHeadings
        labels={[t("devMailbox.to"), t("devMailbox.message"), t("devMailbox.sentAt")]}
      />
      <TableBody>
        {messages.map((sms) => (
          <TableRow key={sms.id}>
            <TableCell className="poort-nowrap">{sms.to}</TableCell>
            <TableCell className="poort-sms-text">{sms.text}</TableCell>
            <TableCell>
              <SentAt iso={sms.sentAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
