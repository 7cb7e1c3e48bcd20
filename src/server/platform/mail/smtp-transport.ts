import type { Readable } from "node:stream";
import nodemailer from "nodemailer";
import { MailRejectedError, type MailTransport, type OutgoingMail } from "./mail-transport.ts";

/** Delivers over SMTP to the relay in SMTP_URL (smtp:// with STARTTLS, or smtps://). */
export function createSmtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  // Time-outs well inside the delivery job's 2-minute lock: a hung relay must fail the attempt
  // before another worker may take the job over and send the mail a second time.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    name: "smtp",
    async send(mail: OutgoingMail) {
      const opened: Readable[] = [];
      try {
        const attachments = [];
        for (const attachment of mail.attachments) {
          const content = await attachment.open();
          opened.push(content);
          attachments.push({
            filename: attachment.filename,
            contentType: attachment.contentType,
            content,
          });
        }
        await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          attachments,
        });
      } catch (error) {
        if (refusesThisMail(error)) {
          throw new MailRejectedError((error as Error).message, { cause: error });
        }
        throw error;
      } finally {
        // Also the streams opened before a later attachment failed to open.
        for (const content of opened) content.destroy();
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * Final only when the server refused this mail's envelope or content for good (5xx), or
 * nodemailer could not form it (a malformed address). Every other 5xx, such as a refused login
 * (535), is the relay's or our configuration: once an operator fixes it the mail should still
 * go out, so it is retried.
 */
function refusesThisMail(error: unknown): boolean {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return (
    (code === "EENVELOPE" || code === "EMESSAGE") &&
    (responseCode === undefined || responseCode >= 500)
  );
}
