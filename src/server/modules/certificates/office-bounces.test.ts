import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOffice } from "#src/server/modules/offices/service.ts";
import { mailAttachments } from "#src/server/platform/mail/schema.ts";
import { createTestOffice } from "#test/support/accounts.ts";
import { deliveryStatusNotification } from "#test/support/mail-bounces.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { certificatesDeps } from "./deps.ts";
import { addressOnOfficeDomain, issueCertificate } from "./issue-certificate.ts";
import { unscopedListBouncedMails } from "./repository.ts";

/** A relay that knows no mailbox "niemand@…": like a real one, it refuses it with 550. */
async function startRelay() {
  const delivered: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("niemand@")) {
        const refusal = Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 });
        return callback(refusal);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        delivered.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    port,
    delivered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TOKEN = "bounce-token-of-the-mail-server-0123456789";

describe("a certificate mail to an address that does not exist (A9)", () => {
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let subject: TestApp;

  beforeAll(async () => {
    relay = await startRelay();
    subject = await createTestApp("pglite", {
      SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
      BOUNCE_WEBHOOK_TOKEN: TOKEN,
    });
  });
  afterAll(async () => {
    await subject.close();
    await relay.close();
  });

  /** Issues a certificate for the office, mailed to this mailbox on its domain. */
  async function issueTo(officeId: string, mailbox: string): Promise<string> {
    const deps = certificatesDeps(subject.services);
    await deps.authorities.get();
    const office = await getOffice(deps.db, officeId);
    const sentTo = addressOnOfficeDomain(office, mailbox);
    await deps.db.transaction((tx) =>
      issueCertificate(deps, tx, {
        office,
        sentTo,
        via: "servicedesk",
        actor: { type: "operator" },
      }),
    );
    return sentTo;
  }

  it("marks the mail bounced, tells the servicedesk by mail and lists the office among the bounces", async () => {
    const office = await createTestOffice(subject, "Notariskantoor Smit & Zn");
    const deps = certificatesDeps(subject.services);
    await issueTo(office.id, "niemand");
    await subject.services.jobs.runDueJobs();
    await subject.services.jobs.runDueJobs();

    const notice = relay.delivered.find((mail) => mail.to.includes("servicedesk@knb.nl"));
    expect(notice?.raw).toContain("Onbestelbaar: Certificaat voor inloggen op KNB PEC applicaties");
    expect(notice?.raw).toContain("Notariskantoor Smit & Zn");
    // The confirmation to the registered address did arrive.
    expect(relay.delivered.some((mail) => mail.to.includes(office.email))).toBe(true);

    const bounces = await unscopedListBouncedMails(deps.db);
    expect(bounces).toEqual([
      expect.objectContaining({
        officeName: "Notariskantoor Smit & Zn",
        to: `niemand@${office.email.split("@")[1]}`,
        subject: "Certificaat voor inloggen op KNB PEC applicaties",
      }),
    ]);
    expect(bounces[0]?.reason).toContain("550");
  });

  it("takes a later bounce from the mail server, and only with the mail server's token", async () => {
    const office = await createTestOffice(subject, "Notariaat Later");
    const deps = certificatesDeps(subject.services);
    const sentTo = await issueTo(office.id, "ict");
    await subject.services.jobs.runDueJobs();
    const delivered = relay.delivered.find((mail) => mail.to.includes(sentTo));
    // The key went to the relay; Poort keeps no copy of it once delivered.
    expect(delivered?.raw).toContain(".p12");
    expect(await subject.services.database.db.select().from(mailAttachments)).toEqual([]);
    const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(delivered?.raw ?? "")?.[1] ?? "";
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@/);

    const handIn = (body: string, token = TOKEN) =>
      subject.app.inject({
        method: "POST",
        url: "/webhooks/mail-bounces",
        headers: { "content-type": "message/rfc822", authorization: `Bearer ${token}` },
        payload: body,
      });
    const wrongToken = await handIn(
      deliveryStatusNotification(messageId, sentTo, "failed"),
      "x".repeat(40),
    );
    expect(wrongToken.statusCode).toBe(401);
    const delayed = await handIn(deliveryStatusNotification(messageId, sentTo, "delayed"));
    expect(delayed.json()).toEqual({ status: "ignored" });
    const failed = await handIn(deliveryStatusNotification(messageId, sentTo, "failed"));
    expect(failed.json()).toEqual({ status: "recorded" });
    // The same bounce again changes nothing and tells the servicedesk nothing new.
    const again = await handIn(deliveryStatusNotification(messageId, sentTo, "failed"));
    expect(again.json()).toEqual({ status: "ignored" });

    await subject.services.jobs.runDueJobs();
    const notices = relay.delivered.filter((mail) => mail.to.includes("servicedesk@knb.nl"));
    expect(notices.at(-1)?.raw).toContain("Notariaat Later");
    const bounces = await unscopedListBouncedMails(deps.db);
    expect(bounces.find((bounce) => bounce.to === sentTo)?.reason).toContain("User unknown");
  });
});
