export interface OutgoingSms {
  /** E.164, e.g. +31612345678. */
  to: string;
  text: string;
  /** Our id of the message, passed to the gateway so its reports can be matched. */
  reference: string;
}

/** How a text message leaves Poort: through an SMS provider, or into the local dev outbox. */
export interface SmsGateway {
  readonly name: string;
  send(sms: OutgoingSms): Promise<void>;
}

/** The gateway refused the message for good (bad number, no credit): retrying will not help. */
export class SmsRejectedError extends Error {
  override name = "SmsRejectedError";
}

/** The embedded default: the message stays in `sms_messages`, shown by /dev/mailbox. */
export const outboxSmsGateway: SmsGateway = {
  name: "outbox",
  async send() {},
};
