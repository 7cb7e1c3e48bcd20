import { z } from "zod";
import { portalDocumentSchema } from "./dossiers.ts";
import { multiLineText, singleLineText } from "./text.ts";

/**
 * Messages in a dossier (SPEC B9, ADR 0012): from the office to its clients and from a client
 * to the office, with attachments; the client portal's Berichten tab and the office's inbox.
 */

export const MESSAGE_SUBJECT_MAX = 200;
export const MESSAGE_BODY_MAX = 10_000;
export const MESSAGE_ATTACHMENTS_MAX = 20;

/** Who sent a message: the office, or a client (for a company: one of its accounts). */
export const messageSenderSchema = z.enum(["office", "client"]);
export type MessageSender = z.infer<typeof messageSenderSchema>;

/**
 * "Onderwerp" and "Bericht", both required: an empty or blank one is refused with a 400 that
 * names the field (`body.subject`, `body.body`). Attachments are documents already uploaded for
 * the message: a client's draft attachments (tus with `purpose: message-attachment`), or for
 * the office any document of the dossier, also one uploaded with category `message`.
 */
export const sendMessageSchema = z.object({
  subject: singleLineText(MESSAGE_SUBJECT_MAX).min(1),
  body: multiLineText(MESSAGE_BODY_MAX).min(1),
  attachmentIds: z.array(z.uuid()).max(MESSAGE_ATTACHMENTS_MAX).default([]),
});
export type SendMessage = z.input<typeof sendMessageSchema>;

/**
 * A new message from the office: to every client of the dossier, or with `clientId` to one of
 * them (its co-clients do not see it).
 */
export const sendOfficeMessageSchema = sendMessageSchema.extend({
  clientId: z.uuid().optional(),
});
export type SendOfficeMessage = z.input<typeof sendOfficeMessageSchema>;

export const messageAttachmentSchema = z.object({
  /** The document's id: its content comes through the message's attachment address. */
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

const replyToSchema = z.object({ id: z.uuid(), subject: z.string() });

// ── Client portal ──────────────────────────────────────────────────────────────────────

/** A message as the client sees it: incoming (from the office) or outgoing (from the client). */
export const portalMessageSchema = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  sender: messageSenderSchema,
  /** Who wrote it: the staff member, or which person of the client (a company's account). */
  authorName: z.string(),
  subject: z.string(),
  body: z.string(),
  sentAt: z.iso.datetime(),
  /** Whether this login has opened it (each account of a company reads for itself). */
  read: z.boolean(),
  replyTo: replyToSchema.nullable(),
  attachments: z.array(messageAttachmentSchema),
});
export type PortalMessage = z.infer<typeof portalMessageSchema>;

export const portalMessageListSchema = z.object({ messages: z.array(portalMessageSchema) });

/** The files this login uploaded for a message in the dossier that it has not sent yet. */
export const draftAttachmentListSchema = z.object({ attachments: z.array(portalDocumentSchema) });

// ── Office back office ─────────────────────────────────────────────────────────────────

const personRef = z.object({ id: z.uuid(), name: z.string() });
const clientRef = personRef.extend({ kind: z.enum(["person", "company"]) });
const byWhom = z.object({ at: z.iso.datetime(), byName: z.string() });

/** A message as the office sees it, with this staff member's read state. */
export const officeMessageSchema = z.object({
  id: z.uuid(),
  dossier: z.object({ id: z.uuid(), number: z.string(), description: z.string() }),
  sender: messageSenderSchema,
  authorName: z.string(),
  /**
   * The client whose conversation it is: who sent it, or the one client the office wrote to;
   * null for a message from the office to every client of the dossier.
   */
  client: clientRef.nullable(),
  subject: z.string(),
  body: z.string(),
  sentAt: z.iso.datetime(),
  /** Whether the staff member asking has opened it: read state is per staff member. */
  read: z.boolean(),
  /** A client's message that the office dealt with; shared by the whole office. */
  handled: byWhom.nullable(),
  /** A message of the office that it took back: the clients no longer see it. */
  withdrawn: byWhom.nullable(),
  replyTo: replyToSchema.nullable(),
  attachments: z.array(messageAttachmentSchema),
});
export type OfficeMessage = z.infer<typeof officeMessageSchema>;

export const officeMessageListSchema = z.object({ messages: z.array(officeMessageSchema) });

/** A line of the inbox: the message without its body and files. */
export const officeInboxItemSchema = officeMessageSchema
  .omit({ body: true, attachments: true, withdrawn: true, replyTo: true })
  .extend({
    handler: personRef.nullable(),
    attachmentCount: z.number().int(),
  });
export type OfficeInboxItem = z.infer<typeof officeInboxItemSchema>;

/**
 * The inbox across the office's dossiers: clients' messages, unread (by this staff member)
 * first, then newest first; filtered by the dossier's handler ("none": without one), one
 * dossier, read or unread, and open or handled.
 */
export const officeInboxQuerySchema = z.object({
  handler: z.union([z.uuid(), z.literal("none")]).optional(),
  dossierId: z.uuid().optional(),
  read: z.enum(["read", "unread"]).optional(),
  state: z.enum(["open", "handled"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type OfficeInboxQuery = z.input<typeof officeInboxQuerySchema>;

export const officeInboxSchema = z.object({
  messages: z.array(officeInboxItemSchema),
  /** Messages that match every filter. */
  total: z.number().int(),
  /** Of the messages that match the other filters, how many this staff member has not read. */
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OfficeInbox = z.infer<typeof officeInboxSchema>;
