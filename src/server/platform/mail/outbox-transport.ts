import type { MailTransport } from "./mail-transport.ts";

/**
 * The embedded default: the mail already sits in the `mails` table, so delivering it to the
 * local outbox only marks it sent (with transport `outbox`); /dev/mailbox shows it from there.
 */
export const outboxTransport: MailTransport = {
  name: "outbox",
  async send() {},
};
