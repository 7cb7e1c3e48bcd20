import { z } from "zod";
import { exampleIds, withExample } from "./examples.ts";
import { singleLineText } from "./text.ts";

/** What a client did, as the office's software hears it (issue 16). */
export const officeEventTypes = [
  "message.received",
  "upload.supplied",
  "action.completed",
  "invitation.activated",
] as const;
export const officeEventTypeSchema = z.enum(officeEventTypes);
export type OfficeEventType = z.infer<typeof officeEventTypeSchema>;

/**
 * One event of the feed, and the body of its webhook. `id` is the cursor: a whole number as a
 * string (it outgrows JavaScript's safe integers in time). `data` holds the ids the software
 * needs to fetch the rest (a message, document or action), never their text.
 */
export const officeEventSchema = z.object({
  id: z.string().regex(/^\d+$/),
  type: officeEventTypeSchema,
  occurredAt: z.iso.datetime(),
  dossierId: z.uuid().nullable(),
  clientId: z.uuid().nullable(),
  data: z.record(z.string(), z.string()),
});
export type OfficeEvent = z.infer<typeof officeEventSchema>;

export const officeEventsQuerySchema = z.object({
  /** The `next` of the previous page (or the last id handled); from the start when left out. */
  after: withExample(
    z
      .string()
      .regex(/^\d{1,18}$/)
      .optional(),
    "1041",
  ),
  limit: withExample(z.coerce.number().int().min(1).max(100).default(50), 50),
});
export type OfficeEventsQuery = z.input<typeof officeEventsQuerySchema>;

export const officeEventsPageSchema = withExample(
  z.object({
    /** Oldest first. */
    events: z.array(officeEventSchema),
    /** The cursor to ask `after` next time; null when this page is empty (ask again later). */
    next: z.string().nullable(),
  }),
  {
    events: [
      {
        id: "1042",
        type: "upload.supplied",
        occurredAt: "2026-03-06T08:12:09.000Z",
        dossierId: exampleIds.dossier,
        clientId: exampleIds.clientJan,
        data: {
          documentId: exampleIds.letter,
          actionId: exampleIds.uploadRequest,
          itemId: exampleIds.uploadItems[0],
        },
      },
      {
        id: "1043",
        type: "message.received",
        occurredAt: "2026-03-06T11:47:22.000Z",
        dossierId: exampleIds.dossier,
        clientId: exampleIds.clientJan,
        data: { messageId: exampleIds.message },
      },
      {
        id: "1044",
        type: "action.completed",
        occurredAt: "2026-03-09T19:21:05.000Z",
        dossierId: exampleIds.dossier,
        clientId: exampleIds.clientJan,
        data: { actionId: exampleIds.action, documentId: exampleIds.answersPdf },
      },
    ],
    next: "1044",
  },
);
export type OfficeEventsPage = z.infer<typeof officeEventsPageSchema>;

/** Webhooks: where the office's events are posted, and how that went. */
export const webhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime(),
  disabledAt: z.iso.datetime().nullable(),
  /** Until then the previous secret still signs beside the new one (after a rotation). */
  previousSecretUntil: z.iso.datetime().nullable(),
  pending: z.number().int(),
  failed: z.number().int(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointListSchema = z.object({
  endpoints: z.array(webhookEndpointSchema),
});

export const createWebhookEndpointSchema = z.object({
  url: z.url().max(2_000),
  description: singleLineText(200).default(""),
});
export type CreateWebhookEndpoint = z.input<typeof createWebhookEndpointSchema>;

/** Answered once, on creation and rotation: the secret is never shown again. */
export const webhookSecretAnswerSchema = z.object({
  endpoint: webhookEndpointSchema,
  secret: z.string().startsWith("whsec_"),
});
export type WebhookSecretAnswer = z.infer<typeof webhookSecretAnswerSchema>;

export const webhookDeliveryStateSchema = z.enum(["pending", "delivered", "failed"]);
export type WebhookDeliveryState = z.infer<typeof webhookDeliveryStateSchema>;

export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  eventId: z.string(),
  eventType: officeEventTypeSchema,
  state: webhookDeliveryStateSchema,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastResponseExcerpt: z.string().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const webhookDeliveryListSchema = z.object({
  deliveries: z.array(webhookDeliverySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type WebhookDeliveryList = z.infer<typeof webhookDeliveryListSchema>;
