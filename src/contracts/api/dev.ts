import { outboxMailListSchema, outboxSmsListSchema } from "../dev-outbox.ts";
import { defineEndpoint } from "./endpoint.ts";

/** The local outbox of the embedded mode, read by `/dev/mailbox` (404 where there is none). */
export const devApi = {
  outboxMails: defineEndpoint({
    method: "GET",
    path: "/dev/outbox/mail",
    response: outboxMailListSchema,
  }),
  /** A mail's HTML body as a page of its own, for the mailbox's sandboxed frame. */
  outboxMailHtml: defineEndpoint({ method: "GET", path: "/dev/outbox/mail/:mailId/html" }),
  outboxSms: defineEndpoint({
    method: "GET",
    path: "/dev/outbox/sms",
    response: outboxSmsListSchema,
  }),
};
