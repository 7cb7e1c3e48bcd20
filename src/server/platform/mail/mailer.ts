import type { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../../contracts/locale.ts";
import type { BlobStore } from "../blobs/blob-store.ts";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { enqueueJob } from "../jobs/enqueue-job.ts";
import type { JobRunner } from "../jobs/job-runner.ts";
import { defineJobType } from "../jobs/job-type.ts";
import { renderMail } from "./mail-content.ts";
import type { MailTemplate } from "./mail-template.ts";
import { MailRejectedError, type MailTransport } from "./mail-transport.ts";
import { mailAttachments, mails } from "./schema.ts";

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer | Readable;
}

export interface MailRequest<Data> {
  to: string;
  locale: Locale;
  template: MailTemplate<Data>;
  data: Data;
  attachments?: MailAttachment[];
}

export const deliverMailJob = defineJobType({
  name: "mail.deliver",
  payload: z.object({ mailId: z.uuid() }),
  // 10 s doubling over 8 attempts: the last try is about 20 minutes after the first.
  maxAttempts: 8,
  retryDelayMs: 10_000,
  lockMs: 2 * 60_000,
});

export interface MailerOptions {
  clock: Clock;
  blobs: BlobStore;
  transport: MailTransport;
  from: string;
}

/**
 * Queues mails in the caller's transaction and delivers them through a job, so a mail exists
 * exactly when the change that caused it was committed and survives a restart before delivery.
 */
export class Mailer {
  constructor(private readonly options: MailerOptions) {}

  async queue<Data>(db: Database, request: MailRequest<Data>): Promise<string> {
    const rendered = renderMail(
      request.template.compose[request.locale](request.data),
      request.locale,
    );
    // Attachment bytes go to the blob store first; the rows that point at them join the
    // caller's transaction.
    const stored = await Promise.all(
      (request.attachments ?? []).map(async (attachment) => ({
        attachment,
        blob: await this.options.blobs.put(attachment.content),
      })),
    );
    const [mail] = await db
      .insert(mails)
      .values({
        toAddress: request.to,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        locale: request.locale,
        template: request.template.name,
        createdAt: this.options.clock.now(),
      })
      .returning({ id: mails.id });
    if (!mail) throw new Error("inserting a mail returned no row");
    if (stored.length > 0) {
      await db.insert(mailAttachments).values(
        stored.map(({ attachment, blob }) => ({
          mailId: mail.id,
          filename: attachment.filename,
          contentType: attachment.contentType,
          size: blob.size,
          blobKey: blob.key,
        })),
      );
    }
    await enqueueJob(db, this.options.clock, deliverMailJob, { mailId: mail.id });
    return mail.id;
  }

  registerDelivery(runner: JobRunner): void {
    runner.handle(deliverMailJob, ({ mailId }, { db }) => this.#deliver(db, mailId));
  }

  async #deliver(db: Database, mailId: string): Promise<void> {
    const { transport, blobs, clock, from } = this.options;
    const [mail] = await db.select().from(mails).where(eq(mails.id, mailId));
    if (mail?.status !== "queued") return;
    const attachments = await db
      .select()
      .from(mailAttachments)
      .where(eq(mailAttachments.mailId, mailId));
    try {
      await transport.send({
        from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody,
        messageId: `<${mail.id}@${senderDomain(from)}>`,
        attachments: attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          open: () => blobs.get(attachment.blobKey),
        })),
      });
    } catch (error) {
      if (!(error instanceof MailRejectedError)) throw error;
      await db
        .update(mails)
        .set({ status: "failed", transport: transport.name, lastError: error.message })
        .where(eq(mails.id, mailId));
      return;
    }
    await db
      .update(mails)
      .set({ status: "sent", transport: transport.name, sentAt: clock.now(), lastError: null })
      .where(eq(mails.id, mailId));
  }
}

function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "poort.localhost";
}
