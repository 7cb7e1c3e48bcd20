import {
  type OutboxMail,
  type OutboxSms,
  outboxMailListSchema,
  outboxSmsListSchema,
} from "#src/contracts/dev-outbox.ts";

export type Outbox =
  /** 404: the server sends through real transports, so it keeps no local outbox. */
  { status: "disabled" } | { status: "ready"; mails: OutboxMail[]; messages: OutboxSms[] };

/** Both halves of the dev outbox, newest first. Throws when the server cannot answer. */
export async function fetchOutbox(signal: AbortSignal): Promise<Outbox> {
  const [mailResponse, smsResponse] = await Promise.all([
    fetch("/dev/outbox/mail", { signal, headers: { accept: "application/json" } }),
    fetch("/dev/outbox/sms", { signal, headers: { accept: "application/json" } }),
  ]);
  if (mailResponse.status === 404 || smsResponse.status === 404) return { status: "disabled" };
  for (const response of [mailResponse, smsResponse]) {
    if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
  }
  const { mails } = outboxMailListSchema.parse(await mailResponse.json());
  const { messages } = outboxSmsListSchema.parse(await smsResponse.json());
  return { status: "ready", mails: newestFirst(mails), messages: newestFirst(messages) };
}

function newestFirst<T extends { sentAt: string }>(items: T[]): T[] {
  return items.toSorted((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
}
