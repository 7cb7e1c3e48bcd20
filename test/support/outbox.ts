import type { TestApp } from "./test-app.ts";

export interface DeliveredMail {
  to: string;
  subject: string;
  text: string;
}

/** Runs the due jobs, then returns the mails in the dev outbox, newest first. */
export async function deliveredMails(subject: TestApp): Promise<DeliveredMail[]> {
  await subject.services.jobs.runDueJobs();
  const response = await subject.app.inject({ method: "GET", url: "/dev/outbox/mail" });
  return response.json().mails;
}

/** The newest mail to this address, which must exist. */
export async function lastMailTo(subject: TestApp, to: string): Promise<DeliveredMail> {
  const mail = (await deliveredMails(subject)).find((candidate) => candidate.to === to);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

/** The token of the `/<area>/<page>/<token>` link in a mail. */
export function linkToken(mail: DeliveredMail, page: string): string {
  const token = new RegExp(`/${page}/([A-Za-z0-9_-]{43})`).exec(mail.text)?.[1];
  if (!token) throw new Error(`no ${page} link in "${mail.subject}"`);
  return token;
}

/** The newest text message to this number (E.164), after running the due jobs. */
export async function lastSmsTo(subject: TestApp, to: string): Promise<string> {
  await subject.services.jobs.runDueJobs();
  const response = await subject.app.inject({ method: "GET", url: "/dev/outbox/sms" });
  const sms = (response.json().messages as Array<{ to: string; text: string }>).find(
    (message) => message.to === to,
  );
  if (!sms) throw new Error(`no text message to ${to}`);
  return sms.text;
}
