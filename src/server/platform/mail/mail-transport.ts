import type { Readable } from "node:stream";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Derived from the mail id, so a receiving server can recognise a repeated delivery. */
  messageId: string;
  /** Opened only by a transport that sends the bytes; the outbox keeps them in the blob store. */
  attachments: Array<{ filename: string; contentType: string; open(): Promise<Readable> }>;
}

/** How a queued mail leaves Poort: over SMTP, or into the local dev outbox. */
export interface MailTransport {
  readonly name: "smtp" | "outbox";
  send(mail: OutgoingMail): Promise<void>;
}

/** The receiving side refused the mail for good (SMTP 5xx): retrying will not help. */
export class MailRejectedError extends Error {
  override name = "MailRejectedError";
}
