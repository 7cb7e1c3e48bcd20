import { z } from "zod";
import { portalDocumentSchema } from "./dossiers.ts";
import { exampleIds, withExample } from "./examples.ts";
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
const ids = exampleIds;

const sendMessageFields = z.object({
  subject: singleLineText(MESSAGE_SUBJECT_MAX).min(1),
  body: multiLineText(MESSAGE_BODY_MAX).min(1),
  attachmentIds: z.array(z.uuid()).max(MESSAGE_ATTACHMENTS_MAX).default([]),
});
export const sendMessageSchema = withExample(sendMessageFields, {
  subject: "Re: Vraag over de concept-akte",
  body: "Beste heer Jansen,\n\nDe datum in artikel 3 is aangepast; de nieuwe concept-akte stuur ik mee.\n\nMet vriendelijke groet,\nmr. Sanne de Vries",
  attachmentIds: [ids.document],
});
export type SendMessage = z.input<typeof sendMessageSchema>;

/**
 * A new message from the office: to every client of the dossier, or with `clientId` to one of
 * them (its co-clients do not see it).
 */
export const sendOfficeMessageSchema = withExample(
  sendMessageFields.extend({ clientId: z.uuid().optional() }),
  {
    subject: "Concept-akte van levering Dorpsstraat 3",
    body: "Beste heer Jansen,\n\nBijgaand de concept-akte van levering. Wilt u deze voor 12 maart doorlezen?\n\nMet vriendelijke groet,\nmr. Sanne de Vries",
    attachmentIds: [ids.document],
    clientId: ids.clientJan,
  },
);
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

const dossierExample = {
  id: ids.dossier,
  number: "2026.0142",
  description: "Levering Dorpsstraat 3, Weesp",
};
const janExample = { id: ids.clientJan, name: "Jan Jansen", kind: "person" as const };

/** Jan Jansen's question about the draft deed (he sends his passport along), handled. */
export const officeMessageExample = {
  id: ids.message,
  dossier: dossierExample,
  sender: "client" as const,
  authorName: "Jan Jansen",
  client: janExample,
  subject: "Vraag over de concept-akte",
  body: "Goedemiddag,\n\nIn artikel 3 staat 1 april als leveringsdatum; wij hadden 15 april afgesproken. Klopt dat?\n\nGroet,\nJan Jansen",
  sentAt: "2026-03-06T11:47:22.000Z",
  read: true,
  handled: { at: "2026-03-06T15:02:40.000Z", byName: "mr. Sanne de Vries" },
  withdrawn: null,
  replyTo: null,
  attachments: [
    {
      id: ids.letter,
      fileName: "paspoort-jan-jansen.pdf",
      contentType: "application/pdf",
      size: 1_204_733,
    },
  ],
};

/** The office's answer to it. */
const officeReplyExample = {
  ...officeMessageExample,
  id: ids.reply,
  sender: "office" as const,
  authorName: "mr. Sanne de Vries",
  subject: "Re: Vraag over de concept-akte",
  body: "Beste heer Jansen,\n\nDe datum in artikel 3 is aangepast; de nieuwe concept-akte stuur ik mee.\n\nMet vriendelijke groet,\nmr. Sanne de Vries",
  sentAt: "2026-03-06T15:02:38.000Z",
  handled: null,
  replyTo: { id: ids.message, subject: "Vraag over de concept-akte" },
  attachments: [
    {
      id: ids.document,
      fileName: "concept-akte-levering-dorpsstraat-3.pdf",
      contentType: "application/pdf",
      size: 248_312,
    },
  ],
};

/** A message as the office sees it, with this staff member's read state. */
export const officeMessageSchema = withExample(
  z.object({
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
  }),
  officeMessageExample,
);
export type OfficeMessage = z.infer<typeof officeMessageSchema>;

export const officeMessageListSchema = withExample(
  z.object({ messages: z.array(officeMessageSchema) }),
  { messages: [officeReplyExample, officeMessageExample] },
);

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
  handler: withExample(z.union([z.uuid(), z.literal("none")]).optional(), ids.handler),
  dossierId: withExample(z.uuid().optional(), ids.dossier),
  read: withExample(z.enum(["read", "unread"]).optional(), "unread"),
  state: withExample(z.enum(["open", "handled"]).optional(), "open"),
  page: withExample(z.coerce.number().int().min(1).max(100_000).default(1), 1),
  pageSize: withExample(z.coerce.number().int().min(1).max(100).default(25), 25),
});
export type OfficeInboxQuery = z.input<typeof officeInboxQuerySchema>;

export const officeInboxSchema = withExample(
  z.object({
    messages: z.array(officeInboxItemSchema),
    /** Messages that match every filter. */
    total: z.number().int(),
    /** Of the messages that match the other filters, how many this staff member has not read. */
    unread: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  {
    messages: [
      {
        id: ids.message,
        dossier: dossierExample,
        sender: "client",
        authorName: "Jan Jansen",
        client: janExample,
        subject: "Vraag over de concept-akte",
        sentAt: "2026-03-06T11:47:22.000Z",
        read: false,
        handled: null,
        handler: { id: ids.handler, name: "mr. Sanne de Vries" },
        attachmentCount: 1,
      },
    ],
    total: 1,
    unread: 1,
    page: 1,
    pageSize: 25,
  },
);
export type OfficeInbox = z.infer<typeof officeInboxSchema>;
