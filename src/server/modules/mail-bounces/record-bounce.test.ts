import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";
import { mails } from "#src/server/platform/mail/schema.ts";
import { deliveryStatusNotification } from "#test/support/mail-bounces.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { recordMailBounce } from "./record-bounce.ts";

const TOKEN = "bounce-token-of-the-mail-server-0123456789";

const noticeTemplate: MailTemplate<Record<string, never>> = {
  name: "test.notice",
  compose: {
    nl: () => ({ subject: "Bericht", greeting: "Beste,", blocks: [], closing: ["Poort"] }),
    en: () => ({ subject: "Notice", greeting: "Dear,", blocks: [], closing: ["Poort"] }),
  },
};

/** The ARCHITECTURE.md rule: a bounce and its audit event are one change. */
describe.each(testDatabaseKinds)("a bounce handed in by the mail server, on %s", (kind) => {
  let subject: TestApp;
  const db = () => subject.services.database.db;

  beforeAll(async () => {
    subject = await createTestApp(kind, { BOUNCE_WEBHOOK_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await subject.close();
  });

  /** A mail that went out to this address; returns its id. */
  async function sentMail(to: string): Promise<string> {
    const { mailer, jobs } = subject.services;
    const id = await mailer.queue(db(), { to, locale: "nl", template: noticeTemplate, data: {} });
    await jobs.runDueJobs();
    return id;
  }

  const bounceOf = (mailId: string, to: string) =>
    deliveryStatusNotification(
      `<${mailId}@${subject.services.mailer.messageIdDomain}>`,
      to,
      "failed",
    );

  const mailStatus = async (id: string) =>
    (await db().select({ status: mails.status }).from(mails).where(eq(mails.id, id)))[0]?.status;

  const bounceEvents = (mailId: string) =>
    db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "mail.bounced"), eq(auditEvents.subjectId, mailId)));

  it("records the bounce with its audit event", async () => {
    const to = "niemand@kantoor.example";
    const mailId = await sentMail(to);
    expect(await mailStatus(mailId)).toBe("sent");

    const answer = await subject.app.inject({
      method: "POST",
      url: "/webhooks/mail-bounces",
      headers: { "content-type": "message/rfc822", authorization: `Bearer ${TOKEN}` },
      payload: bounceOf(mailId, to),
    });
    expect(answer.json()).toEqual({ status: "recorded" });
    expect(await mailStatus(mailId)).toBe("failed");
    expect(await bounceEvents(mailId)).toEqual([
      expect.objectContaining({
        actorType: "system",
        subjectType: "mail",
        details: expect.objectContaining({ recipient: to }),
      }),
    ]);
  });

  const handIn = (contentType: string, payload: string) =>
    subject.app.inject({
      method: "POST",
      url: "/webhooks/mail-bounces",
      headers: { "content-type": contentType, authorization: `Bearer ${TOKEN}` },
      payload,
    });

  it.each([
    ["its diagnostic", (bounce: string) => bounce.replace("User unknown", "User\u0000unknown")],
    ["its recipient", (bounce: string) => bounce.replace("; nul@", "; nul\u0000@")],
  ])(
    "refuses a bounce with a NUL byte in %s, which no mail holds, with a 400",
    async (_, spoil) => {
      const to = "nul@kantoor.example";
      const mailId = await sentMail(to);
      const answer = await handIn("message/rfc822", spoil(bounceOf(mailId, to)));
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.code).toBe("malformed_request");
      expect(await mailStatus(mailId)).toBe("sent");
    },
  );

  it("takes a bounce as text only, not as JSON, however deep", async () => {
    const answer = await handIn("application/json", `${"[".repeat(5_000)}${"]".repeat(5_000)}`);
    expect(answer.statusCode).toBe(415);
    expect(answer.json().error.code).toBe("unsupported_media_type");
  });

  it("writes nothing when the audit event cannot be written: not the failed mail, nor the servicedesk's notice", async () => {
    const to = "weg@kantoor.example";
    const mailId = await sentMail(to);
    const mailsBefore = await db().select({ id: mails.id }).from(mails);
    const brokenClock: Clock = {
      now() {
        throw new Error("the audit log is unavailable");
      },
    };
    const { mailer } = subject.services;

    await expect(
      recordMailBounce({ db: db(), mailer, clock: brokenClock }, bounceOf(mailId, to), "::1"),
    ).rejects.toThrow("the audit log is unavailable");
    expect(await mailStatus(mailId)).toBe("sent");
    expect(await bounceEvents(mailId)).toEqual([]);
    expect(await db().select({ id: mails.id }).from(mails)).toHaveLength(mailsBefore.length);
  });
});
