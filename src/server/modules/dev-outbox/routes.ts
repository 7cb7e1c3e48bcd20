import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { outboxMailListSchema, outboxSmsListSchema } from "#src/contracts/dev-outbox.ts";
import { AppError } from "#src/server/errors.ts";
import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  findOutboxAttachment,
  findOutboxMail,
  findOutboxMails,
  findOutboxSms,
} from "./repository.ts";

/**
 * The local outbox of the embedded mode: every mail and text Poort "sent", readable as JSON
 * (for tests and tools) and by the /dev/mailbox page. Registered only while no real mail or
 * SMS transport is configured, so it can never expose real correspondence.
 */
export const devOutboxRoutes: FastifyPluginAsyncZod<{ db: Database; blobs: BlobStore }> = async (
  app,
  { db, blobs },
) => {
  const mailParams = z.object({ mailId: z.uuid() });

  app.get(
    "/dev/outbox/mail",
    {
      schema: {
        tags: ["dev outbox"],
        summary: "Mails delivered to the local outbox, newest first",
        response: { 200: outboxMailListSchema },
      },
    },
    async () => {
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
    },
  );

  app.get(
    "/dev/outbox/mail/:mailId/html",
    {
      schema: {
        tags: ["dev outbox"],
        summary: "A mail's HTML body, for viewing in a sandboxed frame",
        params: mailParams,
      },
    },
    async (request, reply) => {
      const mail = await findOutboxMail(db, request.params.mailId);
      if (!mail) throw new AppError("not_found");
      // Mail HTML carries inline styles; it runs no script and is framed only by the mailbox.
      return reply
        .header(
          "content-security-policy",
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
        )
        .type("text/html; charset=utf-8")
        .send(mail.htmlBody);
    },
  );

  app.get(
    "/dev/outbox/mail/:mailId/attachments/:attachmentId",
    {
      schema: {
        tags: ["dev outbox"],
        summary: "Download an attachment of an outbox mail",
        params: mailParams.extend({ attachmentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { mailId, attachmentId } = request.params;
      const attachment = await findOutboxAttachment(db, mailId, attachmentId);
      if (!attachment) throw new AppError("not_found");
      return reply
        .type(attachment.contentType)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
        )
        .send(await blobs.get(attachment.blobKey));
    },
  );

  app.get(
    "/dev/outbox/sms",
    {
      schema: {
        tags: ["dev outbox"],
        summary: "Text messages delivered to the local outbox, newest first",
        response: { 200: outboxSmsListSchema },
      },
    },
    async () => {
      const messages = await findOutboxSms(db);
      return {
        messages: messages.map((sms) => ({
          id: sms.id,
          to: sms.toNumber,
          text: sms.body,
          sentAt: (sms.sentAt as Date).toISOString(),
        })),
      };
    },
  );
};
