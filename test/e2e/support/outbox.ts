import type { Page } from "playwright-core";
import { expect } from "vitest";

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The newest mail to this address whose subject is the expected one (or matches it), read from
 * the dev outbox as a developer would; waits while Poort's jobs deliver it.
 */
export async function waitForMail(
  page: Page,
  to: string,
  subject: string | RegExp,
): Promise<OutboxMail> {
  const wanted = (mail: OutboxMail) =>
    typeof subject === "string" ? mail.subject === subject : subject.test(mail.subject);
  let found: OutboxMail | undefined;
  await expect
    .poll(
      async () => {
        const { mails } = (await (await page.request.get("/dev/outbox/mail")).json()) as {
          mails: OutboxMail[];
        };
        found = mails.find((mail) => mail.to === to && wanted(mail));
        return found;
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBeDefined();
  return found as OutboxMail;
}

/** The path of the link to `/<area>/<page>/<token>` in a mail. */
export function linkPath(mail: OutboxMail, page: string): string {
  const path = new RegExp(
    `/(portal|office|servicedesk|eherkenning)/${page}/[A-Za-z0-9_-]{43}`,
  ).exec(mail.text)?.[0];
  if (!path) throw new Error(`no ${page} link in "${mail.subject}"`);
  return path;
}

/** The six-digit code in a mail (a word of its own: not digits inside a reference). */
export function codeIn(mail: OutboxMail): string {
  const code = /(?<![\w-])\d{6}(?!\w)/.exec(mail.text)?.[0];
  if (!code) throw new Error(`no code in "${mail.subject}"`);
  return code;
}

async function newestSmsCode(page: Page, to: string): Promise<string | undefined> {
  const { messages } = (await (await page.request.get("/dev/outbox/sms")).json()) as {
    messages: Array<{ to: string; text: string }>;
  };
  // A word of its own: the eHerkenning texts name their reference (EH-AB234567) before the code.
  return /(?<![\w-])\d{6}(?!\w)/.exec(messages.find((sms) => sms.to === to)?.text ?? "")?.[0];
}

/** Does what sends a code to this number, and returns the new code once it has arrived. */
export async function smsCodeSentBy(page: Page, to: string, send: () => Promise<void>) {
  const before = await newestSmsCode(page, to);
  await send();
  return waitForSmsCode(page, to, before);
}

/** The six-digit code in the newest text message to this number, once it has arrived. */
export async function waitForSmsCode(page: Page, to: string, notThis?: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        code = await newestSmsCode(page, to);
        return code !== undefined && code !== notThis;
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBe(true);
  return code as string;
}
