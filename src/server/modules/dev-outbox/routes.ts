import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { outboxMailListSchema, outboxSmsListSchema } from "#src/contracts/dev-outbox.ts";
import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { listOutboxMails, listOutboxSms, outboxAttachment, outboxMailHtml } from "./outbox.ts";

/**
 * The local outbox of the embedded mode: every mail and text Poort "sent", readable as JSON
 * (for tests and tools) and by the /dev/mailbox page. Registered only while no real mail or
 * SMS transport is configured, so it can never expose real correspondence.
 */
export const devOutboxRoutes: FastifyPluginAsyncZod<{
  db: Database;
  mailAttachments: BlobStore;
}> = async (app, { db, mailAttachments }) => {
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
    async () => listOutboxMails(db),
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
      const html = await outboxMailHtml(db, request.params.mailId);
      // Mail HTML carries inline styles; it runs no script and is framed only by the mailbox.
      return reply
        .header(
          "content-security-policy",
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
        )
        .type("text/html; charset=utf-8")
        .send(html);
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
      const attachment = await outboxAttachment(db, mailAttachments, mailId, attachmentId);
      return reply
        .type(attachment.contentType)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
        )
        .send(attachment.content);
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
    async () => listOutboxSms(db),
  );
};
