import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { mailAttachments, mails } from "#src/server/platform/mail/schema.ts";
import { smsMessages } from "#src/server/platform/sms/schema.ts";

/** How many of the newest mails and texts the dev outbox lists. */
const OUTBOX_PAGE = 200;

export async function findOutboxMails(db: Database) {
  const rows = await db
    .select()
    .from(mails)
    .where(and(eq(mails.transport, "outbox"), isNotNull(mails.sentAt)))
    .orderBy(desc(mails.sentAt), desc(mails.seq))
    .limit(OUTBOX_PAGE);
  const attachments =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(mailAttachments)
          .where(
            inArray(
              mailAttachments.mailId,
              rows.map((mail) => mail.id),
            ),
          );
  return rows.map((mail) => ({
    ...mail,
    sentAt: mail.sentAt as Date,
    attachments: attachments.filter((attachment) => attachment.mailId === mail.id),
  }));
}

export async function findOutboxMail(db: Database, mailId: string) {
  const [mail] = await db
    .select()
    .from(mails)
    .where(and(eq(mails.id, mailId), eq(mails.transport, "outbox")));
  return mail;
}

export async function findOutboxAttachment(db: Database, mailId: string, attachmentId: string) {
  const [row] = await db
    .select({ attachment: mailAttachments })
    .from(mailAttachments)
    .innerJoin(mails, eq(mails.id, mailAttachments.mailId))
    .where(
      and(
        eq(mailAttachments.id, attachmentId),
        eq(mailAttachments.mailId, mailId),
        eq(mails.transport, "outbox"),
      ),
    );
  return row?.attachment;
}

export function findOutboxSms(db: Database) {
  return db
    .select()
    .from(smsMessages)
    .where(and(eq(smsMessages.gateway, "outbox"), isNotNull(smsMessages.sentAt)))
    .orderBy(desc(smsMessages.sentAt), desc(smsMessages.seq))
    .limit(OUTBOX_PAGE);
}
