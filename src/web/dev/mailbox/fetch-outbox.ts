import { devApi } from "#src/contracts/api/dev.ts";
import type { OutboxMail, OutboxSms } from "#src/contracts/dev-outbox.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";

export type Outbox =
  /** 404: the server sends through real transports, so it keeps no local outbox. */
  { status: "disabled" } | { status: "ready"; mails: OutboxMail[]; messages: OutboxSms[] };

/**
 * Both halves of the dev outbox, newest first. Throws when the server cannot answer. Plain
 * `fetch` rather than `callApi`: a 404 here means "no outbox", not an error.
 */
export async function fetchOutbox(signal: AbortSignal): Promise<Outbox> {
  const read = (path: string) => fetch(path, { signal, headers: { accept: "application/json" } });
  const [mailResponse, smsResponse] = await Promise.all([
    read(pathOf(devApi.outboxMails)),
    read(pathOf(devApi.outboxSms)),
  ]);
  if (mailResponse.status === 404 || smsResponse.status === 404) return { status: "disabled" };
  for (const response of [mailResponse, smsResponse]) {
    if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
  }
  const { mails } = devApi.outboxMails.response.parse(await mailResponse.json());
  const { messages } = devApi.outboxSms.response.parse(await smsResponse.json());
  return { status: "ready", mails: newestFirst(mails), messages: newestFirst(messages) };
}

function newestFirst<T extends { sentAt: string }>(items: T[]): T[] {
  return items.toSorted((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
}
