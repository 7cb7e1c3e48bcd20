import { z } from "zod";
import { localeSchema } from "./locale.ts";

/** What the dev outbox shows of a mail that Poort delivered to the local outbox. */
export const outboxMailSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  locale: localeSchema,
  attachments: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      /** Download address of the attachment. */
      url: z.string(),
    }),
  ),
  sentAt: z.iso.datetime(),
});

export const outboxSmsSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  text: z.string(),
  sentAt: z.iso.datetime(),
});

export const outboxMailListSchema = z.object({ mails: z.array(outboxMailSchema) });
export const outboxSmsListSchema = z.object({ messages: z.array(outboxSmsSchema) });

export type OutboxMail = z.infer<typeof outboxMailSchema>;
export type OutboxSms = z.infer<typeof outboxSmsSchema>;
