import nodemailer from "nodemailer";
import { MailRejectedError, type MailTransport, type OutgoingMail } from "./mail-transport.ts";

/** Delivers over SMTP to the relay in SMTP_URL (smtp:// with STARTTLS, or smtps://). */
export function createSmtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    name: "smtp",
    async send(mail: OutgoingMail) {
      const attachments = await Promise.all(
        mail.attachments.map(async (attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: await attachment.open(),
        })),
      );
      try {
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
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) {
          throw new MailRejectedError((error as Error).message, { cause: error });
        }
        throw error;
      } finally {
        for (const { content } of attachments) content.destroy();
      }
    },
    close: () => transporter.close(),
  };
}
