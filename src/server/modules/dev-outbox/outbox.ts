import type { OutboxMail, OutboxSms } from "#src/contracts/dev-outbox.ts";
import { AppError } from "#src/server/errors.ts";
import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  findOutboxAttachment,
  findOutboxMail,
  findOutboxMails,
  findOutboxSms,
} from "./repository.ts";

/** The mails in the local outbox, newest first, with where to download each attachment. */
export async function listOutboxMails(db: Database): Promise<{ mails: OutboxMail[] }> {
  const mails = await findOutboxMails(db);
  return {
    mails: mails.map((mail) => ({
      id: mail.id,
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      locale: mail.locale,
      sentAt: mail.sentAt.toISOString(),
      attachments: mail.attachments.map((attachment) => ({
        id: attachment.id,
        name: attachment.filename,
        contentType: attachment.contentType,
        size: attachment.size,
        url: `/dev/outbox/mail/${mail.id}/attachments/${attachment.id}`,
      })),
    })),
  };
}

/** One outbox mail's HTML body, or not found. */
export async function outboxMailHtml(db: Database, mailId: string): Promise<string> {
  const mail = await findOutboxMail(db, mailId);
  if (!mail) throw new AppError("not_found");
  return mail.htmlBody;
}

/** One attachment of an outbox mail, with its content, or not found. */
export async function outboxAttachment(
  db: Database,
  mailAttachments: BlobStore,
  mailId: string,
  attachmentId: string,
) {
  const attachment = await findOutboxAttachment(db, mailId, attachmentId);
  if (!attachment) throw new AppError("not_found");
  return { ...attachment, content: await mailAttachments.get(attachment.blobKey) };
}

/** The text messages in the local outbox, newest first. */
export async function listOutboxSms(db: Database): Promise<{ messages: OutboxSms[] }> {
  const messages = await findOutboxSms(db);
  return {
    messages: messages.map((sms) => ({
      id: sms.id,
      to: sms.toNumber,
      text: sms.body,
      sentAt: (sms.sentAt as Date).toISOString(),
    })),
  };
}
