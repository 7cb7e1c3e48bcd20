import type { Readable } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "#src/contracts/locale.ts";
import type { BlobStore, StoredBlob } from "../blobs/blob-store.ts";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { enqueueJob } from "../jobs/enqueue-job.ts";
import type { JobRunner } from "../jobs/job-runner.ts";
import { defineJobType } from "../jobs/job-type.ts";
import type { Metrics } from "../metrics/metrics.ts";
import { type RenderedMail, renderMail } from "./mail-content.ts";
import { type MailMetrics, mailMetrics } from "./mail-metrics.ts";
import type { MailTemplate } from "./mail-template.ts";
import { MailRejectedError, type MailTransport, type OutgoingMail } from "./mail-transport.ts";
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
  /** The attachments hold a secret (a private key): removed once the relay has the mail. */
  forgetAttachmentsAfterDelivery?: boolean;
}

export const deliverMailJob = defineJobType({
  name: "mail.deliver",
  payload: z.object({ mailId: z.uuid() }),
  // 10 s doubling over 8 attempts: the last try is about 20 minutes after the first.
  maxAttempts: 8,
  retryDelayMs: 10_000,
  lockMs: 2 * 60_000,
  // A process that dies after the relay took a mail, but before the mail is marked sent, sends
  // it again once the lock runs out: one mail at a time per worker keeps that to one mail.
  maxRunningPerWorker: 1,
});

export interface MailerOptions {
  clock: Clock;
  /**
   * Attachment bytes, in a store of the mailer's own: its nightly sweep deletes whatever blob
   * in it no mail points at (`orphaned-attachments.ts`).
   */
  attachments: BlobStore;
  transport: MailTransport;
  from: string;
  /** Where queued, sent and failed mails are counted; unset: not measured. */
  metrics?: Metrics | undefined;
}

/**
 * Queues mails in the caller's transaction and delivers them through a job, so a mail exists
 * exactly when the change that caused it was committed and survives a restart before delivery.
 */
/** A mail that bounced: to whom, what, which template, and the server's answer. */
export interface RejectedMail {
  to: string;
  subject: string;
  template: string;
  reason: string;
}
export type RejectionHandler = (db: Database, mail: RejectedMail) => Promise<void>;

export class Mailer {
  #onRejected: RejectionHandler | undefined;
  readonly #measured: MailMetrics | undefined;

  constructor(private readonly options: MailerOptions) {
    this.#measured = options.metrics && mailMetrics(options.metrics);
  }

  async queue<Data>(db: Database, request: MailRequest<Data>): Promise<string> {
    const rendered = renderMail(
      request.template.compose[request.locale](request.data),
      request.locale,
    );
    // Attachment bytes go to the blob store first; the rows that point at them join the
    // caller's transaction.
    const stored = await this.#storeAttachments(request.attachments ?? []);
    try {
      const id = await this.#insert(db, request, rendered, stored);
      this.#measured?.queued(request.template.name);
      return id;
    } catch (error) {
      await this.#forget(stored.map(({ blob }) => blob));
      throw error;
    }
  }

  async #storeAttachments(attachments: MailAttachment[]) {
    const results = await Promise.allSettled(
      attachments.map(async (attachment) => ({
        attachment,
        blob: await this.options.attachments.put(attachment.content),
      })),
    );
    const stored = results.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );
    const failure = results.find((result) => result.status === "rejected");
    if (failure) {
      // One attachment failed to store: the mail is not queued, so the others are garbage.
      await this.#forget(stored.map(({ blob }) => blob));
      throw failure.reason;
    }
    return stored;
  }

  async #insert<Data>(
    db: Database,
    request: MailRequest<Data>,
    rendered: RenderedMail,
    stored: Array<{ attachment: MailAttachment; blob: StoredBlob }>,
  ): Promise<string> {
    const [mail] = await db
      .insert(mails)
      .values({
        toAddress: request.to,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        locale: request.locale,
        template: request.template.name,
        forgetAttachmentsAfterDelivery: request.forgetAttachmentsAfterDelivery ?? false,
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

  async #forget(blobs: StoredBlob[]): Promise<void> {
    await Promise.allSettled(blobs.map((blob) => this.options.attachments.delete(blob.key)));
  }

  /**
   * What happens, in the same transaction, when a receiving server refuses a mail for good
   * (a bounce): e.g. telling the servicedesk. One handler; set once at start-up.
   */
  whenRejected(handler: RejectionHandler): void {
    this.#onRejected = handler;
  }

  /**
   * A bounce that came back later as a delivery-status notification: the mail, sent before, is
   * failed after all, and the rejection handler hears of it like of an immediate refusal.
   * Returns false when no mail of ours has that id.
   */
  async recordBounce(
    db: Database,
    bounce: { mailId: string; reason: string; recipient: string | undefined },
  ): Promise<boolean> {
    const bounced = await db.transaction(async (tx) => {
      // Only a mail that went out, to the recipient the report names: a bounce counts once.
      const [mail] = await tx
        .update(mails)
        .set({ status: "failed", lastError: bounce.reason })
        .where(
          and(
            eq(mails.id, bounce.mailId),
            eq(mails.status, "sent"),
            bounce.recipient
              ? sql`lower(${mails.toAddress}) = lower(${bounce.recipient})`
              : undefined,
          ),
        )
        .returning();
      if (!mail) return false;
      await this.#onRejected?.(tx, {
        to: mail.toAddress,
        subject: mail.subject,
        template: mail.template,
        reason: bounce.reason,
      });
      return true;
    });
    if (bounced) this.#measured?.failed("bounced");
    return bounced;
  }

  /** The domain of our Message-IDs (`<mail id@domain>`), by which bounces name our mails. */
  get messageIdDomain(): string {
    return senderDomain(this.options.from);
  }

  registerDelivery(runner: JobRunner): void {
    runner.handle(deliverMailJob, ({ mailId }, { db, isLastAttempt }) =>
      this.#deliver(db, mailId, isLastAttempt),
    );
  }

  async #deliver(db: Database, mailId: string, isLastAttempt: boolean): Promise<void> {
    const { transport, clock, from } = this.options;
    const [mail] = await db.select().from(mails).where(eq(mails.id, mailId));
    if (mail?.status !== "queued") return;
    const messageId = `<${mail.id}@${senderDomain(from)}>`;
    try {
      await transport.send(await this.#outgoing(db, mail, messageId));
    } catch (error) {
      const rejected = error instanceof MailRejectedError;
      // The row tells an operator why the mail has not arrived; once the job stops retrying,
      // the mail is failed rather than queued for ever.
      const final = rejected || isLastAttempt;
      const reason = error instanceof Error ? error.message : String(error);
      await db.transaction(async (tx) => {
        await tx
          .update(mails)
          .set({
            lastError: reason,
            ...(final ? { status: "failed" as const, transport: transport.name, messageId } : {}),
          })
          .where(eq(mails.id, mailId));
        if (rejected) {
          await this.#onRejected?.(tx, {
            to: mail.toAddress,
            subject: mail.subject,
            template: mail.template,
            reason,
          });
        }
      });
      if (final) {
        this.#measured?.failed(rejected ? "rejected" : "gave_up");
        await this.#forgetSecretAttachments(db, mail);
      }
      if (rejected) return;
      throw error;
    }
    // Marked at once, on its own (not in the job's end): the relay's 250 is the point of no
    // return, and a crash from here on repeats this mail, with the same Message-ID.
    await db
      .update(mails)
      .set({
        status: "sent",
        transport: transport.name,
        messageId,
        sentAt: clock.now(),
        lastError: null,
      })
      .where(eq(mails.id, mailId));
    this.#measured?.sent();
    await this.#forgetSecretAttachments(db, mail);
  }

  /**
   * Secret attachments (a private key) are kept only until the relay has had its chance. The
   * dev outbox is the recipient's mailbox itself, so there they stay readable.
   */
  async #forgetSecretAttachments(db: Database, mail: typeof mails.$inferSelect): Promise<void> {
    if (!mail.forgetAttachmentsAfterDelivery || this.options.transport.name === "outbox") return;
    const removed = await db
      .delete(mailAttachments)
      .where(eq(mailAttachments.mailId, mail.id))
      .returning({ blobKey: mailAttachments.blobKey });
    await Promise.all(removed.map(({ blobKey }) => this.options.attachments.delete(blobKey)));
  }

  async #outgoing(
    db: Database,
    mail: typeof mails.$inferSelect,
    messageId: string,
  ): Promise<OutgoingMail> {
    const attachments = await db
      .select()
      .from(mailAttachments)
      .where(eq(mailAttachments.mailId, mail.id));
    return {
      from: this.options.from,
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      messageId,
      attachments: attachments.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        open: () => this.options.attachments.get(attachment.blobKey),
      })),
    };
  }
}

function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "poort.localhost";
}
