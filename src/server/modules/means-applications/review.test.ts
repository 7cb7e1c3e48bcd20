import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authorizationEnd } from "#src/contracts/eherkenning/authorization-scope.ts";
import { accounts } from "#src/server/modules/accounts/schema.ts";
import { remindRenewals } from "#src/server/modules/means/renewal-reminders.ts";
import { authorizations, means } from "#src/server/modules/means/schema.ts";
import { BlobNotFoundError } from "#src/server/platform/blobs/blob-store.ts";
import { DAY, MINUTE } from "#src/server/platform/clock.ts";
import {
  activateByMail,
  createActiveClient,
  createTestOffice,
  TEST_PASSWORD,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { seedApplication } from "#test/support/eherkenning-review.ts";
import { deliveredMails, lastMailTo, lastSmsTo } from "#test/support/outbox.ts";
import { createSupplierStaff } from "#test/support/supplier-staff.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { abandonApplications } from "./abandon-applications.ts";
import { eherkenningDeps } from "./deps.ts";
import { eraseExpiredPersonalData } from "./erase-personal-data.ts";
import {
  applicationAttachments,
  applicationSigners,
  identifications,
  meansApplications,
} from "./schema.ts";

const beheer = "/api/eherkenning/beheer";

/** A means holder with SMS logs in again (password, then the texted code): their browser. */
async function logInWithSms(subject: TestApp, email: string, mobile: string) {
  const browser = new ApiClient(subject.app);
  const first = await browser.post("/api/auth/login", {
    area: "eherkenning",
    email,
    password: TEST_PASSWORD,
  });
  expect(first.json()).toMatchObject({ next: "second-factor", method: "sms" });
  await browser.refreshCsrfToken();
  const code = /(\d{6})/.exec(await lastSmsTo(subject, mobile))?.[1] ?? "";
  expect((await browser.post("/api/auth/second-factor", { method: "sms", code })).statusCode).toBe(
    200,
  );
  await browser.refreshCsrfToken();
  return browser;
}

/**
 * The supplier's review, the partner's identification and the issuance (C5, C6), through the
 * HTTP API as the back office and the holder's pages use it.
 */
describe.each(testDatabaseKinds)("eHerkenning review and issuance, on %s", (kind) => {
  let subject: TestApp;
  let reviewer: ApiClient;
  let agent: ApiClient;
  const deps = () => eherkenningDeps(subject.services);
  const db = () => subject.services.database.db;
  const applicationRow = async (id: string) =>
    (await db().select().from(meansApplications).where(eq(meansApplications.id, id)))[0];

  let staffNumber = 0;

  beforeAll(async () => {
    subject = await createTestApp(kind);
  });
  // Fresh logins per test: the tests move the clock by weeks, past any session's lifetime.
  beforeEach(async () => {
    staffNumber += 1;
    reviewer = await createSupplierStaff(
      subject,
      `rita${staffNumber}@poort-eherkenning.nl`,
      "reviewer",
    );
    agent = await createSupplierStaff(subject, `agent${staffNumber}@ampgroep.nl`, "partner-agent");
  });
  afterAll(() => subject.close());

  it("shows the queue oldest first and the application with its checklist and ID copy", async () => {
    const first = await seedApplication(subject);
    subject.clock.advance(60_000);
    const second = await seedApplication(subject);
    const queue = (await reviewer.get(`${beheer}/applications?state=review`)).json();
    const ids = queue.applications.map((entry: { id: string }) => entry.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const detail = (await reviewer.get(`${beheer}/applications/${first.id}`)).json();
    expect(detail.checklist.allMet).toBe(true);
    expect(detail.company.representatives).toHaveLength(2);
    const file = await reviewer.get(
      `${beheer}/applications/${first.id}/attachments/${detail.attachments[0].id}?disposition=inline`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(file.headers["content-disposition"]).toContain("inline");
    expect((await reviewer.get(`${beheer}/applications?state=bogus`)).statusCode).toBe(400);
  });

  it("issues an EH2+ means at approval, whose holder activates it with SMS only", async () => {
    const seeded = await seedApplication(subject, { email: "lotte@example.nl" });
    const approved = await reviewer.post(`${beheer}/applications/${seeded.id}/approval`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().state).toBe("issued");
    const [account] = await db()
      .select()
      .from(accounts)
      .where(eq(accounts.email, "lotte@example.nl"));
    expect(account).toMatchObject({
      kind: "means",
      requiredSecondFactor: "sms",
      status: "invited",
    });
    const [issued] = await db()
      .select()
      .from(means)
      .where(eq(means.accountId, account?.id ?? ""));
    expect(issued?.level).toBe("EH2+");
    const granted = await db()
      .select()
      .from(authorizations)
      .where(eq(authorizations.meansId, issued?.id ?? ""));
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ scopeKind: "level", kvkNumber: "90000001" });
    expect(granted[0]?.validUntil.toISOString()).toBe(
      authorizationEnd(subject.clock.now()).toISOString(),
    );
    expect((await lastMailTo(subject, "lotte@example.nl")).subject).toBe(
      "Activeer uw eHerkenningsmiddel",
    );

    const holder = await activateByMail(subject, "lotte@example.nl");
    expect((await holder.get("/api/eherkenning/means/mine")).statusCode).toBe(403);
    const app = await holder.post("/api/me/two-factor/totp");
    expect(app.statusCode).toBe(409);
    expect(app.json().error.code).toBe("second_factor_method_not_allowed");
    await holder.post("/api/me/two-factor/sms", { mobile: "+31612345678" });
    const code = /(\d{6})/.exec(await lastSmsTo(subject, "+31612345678"))?.[1];
    expect((await holder.post("/api/me/two-factor/sms/confirm", { code })).statusCode).toBe(200);
    const mine = (await holder.get("/api/eherkenning/means/mine")).json();
    expect(mine.means.level).toBe("EH2+");
    expect(mine.means.authorizations[0]).toMatchObject({ state: "active", renewable: false });

    const again = await reviewer.post(`${beheer}/applications/${seeded.id}/approval`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("application_state");
  });

  it("invites the identification at EH3 and issues after a recording within the window", async () => {
    const seeded = await seedApplication(subject, { level: "EH3", email: "sem@example.nl" });
    const approved = (await reviewer.post(`${beheer}/applications/${seeded.id}/approval`)).json();
    expect(approved.state).toBe("identification");
    expect((await lastMailTo(subject, "sem@example.nl")).subject).toContain("identificatie");
    const list = (await agent.get(`${beheer}/identifications`)).json();
    const open = list.identifications.find(
      (entry: { applicationId: string }) => entry.applicationId === seeded.id,
    );
    expect(open).toBeDefined();

    const appointmentAt = new Date(subject.clock.now().getTime() + 3 * DAY).toISOString();
    const planned = await agent.send(
      "PUT",
      `${beheer}/identifications/${open.id}/appointment`,
      { appointmentAt, place: "Stationsplein 1, Utrecht" },
      { "x-csrf-token": agent.csrfToken ?? "" },
    );
    expect(planned.statusCode).toBe(200);
    expect((await lastMailTo(subject, "sem@example.nl")).text).toContain("Stationsplein 1");
    const recorded = await agent.post(`${beheer}/identifications/${open.id}/record`, {
      documentType: "passport",
      documentNumber: "NX1234567",
      documentExpiresOn: "2031-05-01",
      photoMatches: true,
      placeOfCheck: "Utrecht",
      outcome: "verified",
    });
    expect(recorded.statusCode).toBe(200);
    expect((await applicationRow(seeded.id))?.state).toBe("issued");
    const [row] = await db().select().from(identifications).where(eq(identifications.id, open.id));
    expect(row?.documentNumberSealed).not.toContain("NX1234567");
    expect(subject.services.secrets.open(row?.documentNumberSealed ?? "")).toBe("NX1234567");

    const [account] = await db()
      .select()
      .from(accounts)
      .where(eq(accounts.email, "sem@example.nl"));
    expect(account?.requiredSecondFactor).toBe("totp");
    const holder = await activateByMail(subject, "sem@example.nl");
    const sms = await holder.post("/api/me/two-factor/sms", { mobile: "+31612345679" });
    expect(sms.statusCode).toBe(409);
    expect((await holder.post("/api/me/two-factor/totp")).statusCode).toBe(200);
  });

  it("refuses a recording after the window and changes nothing", async () => {
    const seeded = await seedApplication(subject, { level: "EH3" });
    await reviewer.post(`${beheer}/applications/${seeded.id}/approval`);
    const [identification] = await db()
      .select()
      .from(identifications)
      .where(eq(identifications.applicationId, seeded.id));
    // Logged in just before the window closes (a login runs the due jobs, the nightly round
    // among them), the agent records just after it.
    subject.clock.advance(30 * DAY - 5 * MINUTE);
    agent = await createSupplierStaff(
      subject,
      `late-agent${staffNumber}@ampgroep.nl`,
      "partner-agent",
    );
    subject.clock.advance(10 * MINUTE);
    const late = await agent.post(`${beheer}/identifications/${identification?.id}/record`, {
      documentType: "identity-card",
      documentNumber: "IB1234567",
      documentExpiresOn: "2032-01-01",
      photoMatches: true,
      placeOfCheck: "Utrecht",
      outcome: "verified",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("identification_window_expired");
    const [after] = await db()
      .select()
      .from(identifications)
      .where(eq(identifications.applicationId, seeded.id));
    expect(after?.recordedAt).toBeNull();
    expect((await applicationRow(seeded.id))?.state).toBe("identification");

    await abandonApplications(deps());
    expect((await applicationRow(seeded.id))?.state).toBe("abandoned");
  });

  it("refuses an approval while an item of the checklist is not met", async () => {
    const unsigned = await seedApplication(subject, { signed: false });
    const refused = await reviewer.post(`${beheer}/applications/${unsigned.id}/approval`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("checklist_not_met");
    const expiring = await seedApplication(subject, { idExpiresOn: "2020-01-01" });
    const detail = (await reviewer.get(`${beheer}/applications/${expiring.id}`)).json();
    const validity = detail.checklist.items.find(
      (item: { key: string }) => item.key === "validity",
    );
    expect(validity.met).toBe(false);
    expect((await reviewer.post(`${beheer}/applications/${expiring.id}/approval`)).statusCode).toBe(
      409,
    );
    expect((await applicationRow(expiring.id))?.state).toBe("review");
  });

  it("rejects with a reason that is mailed, and refuses an empty reason", async () => {
    const seeded = await seedApplication(subject, { state: "signing", email: "joost@example.nl" });
    const empty = await reviewer.post(`${beheer}/applications/${seeded.id}/rejection`, {
      reason: "   ",
    });
    expect(empty.statusCode).toBe(400);
    const rejected = await reviewer.post(`${beheer}/applications/${seeded.id}/rejection`, {
      reason: "De kopie van het paspoort is onleesbaar.",
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().state).toBe("rejected");
    const mail = await lastMailTo(subject, "joost@example.nl");
    expect(mail.text).toContain("De kopie van het paspoort is onleesbaar.");
    const twice = await reviewer.post(`${beheer}/applications/${seeded.id}/rejection`, {
      reason: "Nog eens",
    });
    expect(twice.json().error.code).toBe("application_state");
  });

  it("keeps each role to its own routes, and everyone else out", async () => {
    const seeded = await seedApplication(subject, { level: "EH3" });
    expect((await agent.post(`${beheer}/applications/${seeded.id}/approval`)).statusCode).toBe(403);
    expect((await agent.get(`${beheer}/applications`)).statusCode).toBe(403);
    expect((await agent.get(`${beheer}/means`)).statusCode).toBe(403);
    await reviewer.post(`${beheer}/applications/${seeded.id}/approval`);
    const [identification] = await db()
      .select()
      .from(identifications)
      .where(eq(identifications.applicationId, seeded.id));
    const record = await reviewer.post(`${beheer}/identifications/${identification?.id}/record`, {
      documentType: "passport",
      documentNumber: "NX7654321",
      documentExpiresOn: "2031-01-01",
      photoMatches: true,
      placeOfCheck: "Utrecht",
      outcome: "verified",
    });
    expect(record.statusCode).toBe(403);
    expect((await reviewer.get(`${beheer}/identifications`)).statusCode).toBe(403);
    const state = (await reviewer.get(`${beheer}/applications/${seeded.id}`)).json();
    expect(state.identification.recordedAt).toBeNull();

    const office = await createTestOffice(subject, "Kantoor Beheer");
    const client = await createActiveClient(subject, office.id, "klant@example.nl");
    const anonymous = new ApiClient(subject.app);
    const routes = [
      ["GET", `${beheer}/applications`],
      ["GET", `${beheer}/applications/${seeded.id}`],
      ["POST", `${beheer}/applications/${seeded.id}/approval`],
      ["POST", `${beheer}/applications/${seeded.id}/rejection`],
      ["GET", `${beheer}/identifications`],
      ["GET", `${beheer}/identifications/${identification?.id}`],
      ["POST", `${beheer}/identifications/${identification?.id}/record`],
      ["GET", `${beheer}/means`],
      ["GET", "/api/eherkenning/means/mine"],
    ] as const;
    const bodies: Record<string, unknown> = {
      approval: undefined,
      rejection: { reason: "x" },
      record: {
        documentType: "passport",
        documentNumber: "NX7654321",
        documentExpiresOn: "2031-01-01",
        photoMatches: true,
        placeOfCheck: "Utrecht",
        outcome: "verified",
      },
    };
    for (const [method, url] of routes) {
      const body = method === "POST" ? bodies[url.split("/").at(-1) ?? ""] : undefined;
      const asClient = method === "GET" ? await client.get(url) : await client.post(url, body);
      expect(asClient.statusCode, `${method} ${url} as a client`).toBe(403);
      const asNobody =
        method === "GET" ? await anonymous.get(url) : await anonymous.post(url, body);
      expect([401, 403], `${method} ${url} anonymously`).toContain(asNobody.statusCode);
    }
  });

  it("revokes an authorization and a means, mailing the holder each time", async () => {
    const seeded = await seedApplication(subject, { email: "noor@example.nl" });
    await reviewer.post(`${beheer}/applications/${seeded.id}/approval`);
    const found = (await reviewer.get(`${beheer}/means?email=noor@`)).json().means;
    expect(found).toHaveLength(1);
    const [authorization] = found[0].authorizations;
    const one = await reviewer.post(`${beheer}/authorizations/${authorization.id}/revocation`, {
      reason: "Niet meer in dienst",
    });
    expect(one.statusCode).toBe(200);
    expect(one.json().authorizations[0].state).toBe("revoked");
    expect((await lastMailTo(subject, "noor@example.nl")).subject).toContain("machtiging");
    const whole = await reviewer.post(`${beheer}/means/${found[0].id}/revocation`, {
      reason: "Op verzoek van de organisatie",
    });
    expect(whole.json().revokedAt).not.toBeNull();
    expect((await lastMailTo(subject, "noor@example.nl")).subject).toBe(
      "Uw eHerkenningsmiddel is ingetrokken",
    );
    const again = await reviewer.post(`${beheer}/means/${found[0].id}/revocation`, {
      reason: "Nog eens",
    });
    expect(again.json().error.code).toBe("already_revoked");
  });

  it("reminds once 30 days before an authorization ends, and lets the holder renew", async () => {
    const seeded = await seedApplication(subject, { email: "femke@example.nl" });
    await reviewer.post(`${beheer}/applications/${seeded.id}/approval`);
    const holder = await activateByMail(subject, "femke@example.nl");
    await holder.post("/api/me/two-factor/sms", { mobile: "+31612345680" });
    const code = /(\d{6})/.exec(await lastSmsTo(subject, "+31612345680"))?.[1];
    await holder.post("/api/me/two-factor/sms/confirm", { code });
    const before = (await holder.get("/api/eherkenning/means/mine")).json().means;
    const authorizationId = before.authorizations[0].id;
    const early = await holder.post(
      `/api/eherkenning/means/authorizations/${authorizationId}/renewal`,
    );
    expect(early.json().error.code).toBe("authorization_not_renewable");

    const count = async () =>
      (await deliveredMails(subject)).filter(
        (mail) => mail.to === "femke@example.nl" && mail.subject.includes("verloopt"),
      ).length;
    subject.clock.advance(5 * 365 * DAY - 31 * DAY);
    await remindRenewals(deps());
    expect(await count()).toBe(0);
    subject.clock.advance(2 * DAY);
    await remindRenewals(deps());
    await remindRenewals(deps());
    expect(await count()).toBe(1);

    const again = await logInWithSms(subject, "femke@example.nl", "+31612345680");
    const renewed = await again.post(
      `/api/eherkenning/means/authorizations/${authorizationId}/renewal`,
    );
    expect(renewed.statusCode).toBe(200);
    const until = new Date(renewed.json().authorizations[0].validUntil);
    expect(until.getTime()).toBeGreaterThan(subject.clock.now().getTime() + 4 * 365 * DAY);
  });

  it("shows a holder only their own means, and lets no one renew another's authorization", async () => {
    const holders = [];
    for (const [email, mobile] of [
      ["hanna@example.nl", "+31612345681"],
      ["ivo@example.nl", "+31612345682"],
    ] as const) {
      const seeded = await seedApplication(subject, { email });
      await reviewer.post(`${beheer}/applications/${seeded.id}/approval`);
      const holder = await activateByMail(subject, email);
      await holder.post("/api/me/two-factor/sms", { mobile });
      const code = /(\d{6})/.exec(await lastSmsTo(subject, mobile))?.[1];
      await holder.post("/api/me/two-factor/sms/confirm", { code });
      holders.push(holder);
    }
    const [hanna, ivo] = holders as [ApiClient, ApiClient];
    const hannas = (await hanna.get("/api/eherkenning/means/mine")).json().means;
    const ivos = (await ivo.get("/api/eherkenning/means/mine")).json().means;
    expect(hannas.id).not.toBe(ivos.id);
    const hannasAuthorization = hannas.authorizations[0].id;
    expect(ivos.authorizations.map((a: { id: string }) => a.id)).not.toContain(hannasAuthorization);

    const byReviewer = await reviewer.post(
      `/api/eherkenning/means/authorizations/${hannasAuthorization}/renewal`,
    );
    expect(byReviewer.json().error.code).toBe("forbidden");

    // In its last 30 days, Hanna's authorization is renewable: by her, never by Ivo.
    subject.clock.advance(5 * 365 * DAY - 10 * DAY);
    // Years later the old session has ended: Ivo logs in again.
    const ivoAgain = await logInWithSms(subject, "ivo@example.nl", "+31612345682");
    const byIvo = await ivoAgain.post(
      `/api/eherkenning/means/authorizations/${hannasAuthorization}/renewal`,
    );
    expect(byIvo.statusCode).toBe(404);
    const [row] = await db()
      .select()
      .from(authorizations)
      .where(eq(authorizations.id, hannasAuthorization));
    expect(row?.validUntil.toISOString()).toBe(hannas.authorizations[0].validUntil);
  });

  it("abandons lapsed applications and erases their personal data after the retention", async () => {
    const draft = await seedApplication(subject, { state: "draft" });
    const signing = await seedApplication(subject, { state: "signing", email: "bas@example.nl" });
    subject.clock.advance(31 * DAY);
    await abandonApplications(deps());
    expect((await applicationRow(draft.id))?.state).toBe("abandoned");
    expect((await applicationRow(signing.id))?.state).toBe("abandoned");
    expect((await lastMailTo(subject, "bas@example.nl")).subject).toContain("vervallen");

    expect(await eraseExpiredPersonalData(deps())).toBe(0);
    subject.clock.advance(91 * DAY);
    expect(await eraseExpiredPersonalData(deps())).toBeGreaterThanOrEqual(2);
    const erased = await applicationRow(signing.id);
    expect(erased).toMatchObject({
      state: "abandoned",
      reference: signing.reference,
      userName: null,
      userEmail: null,
      userMobile: null,
      company: null,
    });
    expect(erased?.erasedAt).not.toBeNull();
    const attachments = await db()
      .select()
      .from(applicationAttachments)
      .where(eq(applicationAttachments.applicationId, signing.id));
    expect(attachments).toHaveLength(0);
    await expect(subject.services.blobs.get(signing.blobKey)).rejects.toBeInstanceOf(
      BlobNotFoundError,
    );
    const signers = await db()
      .select()
      .from(applicationSigners)
      .where(eq(applicationSigners.applicationId, signing.id));
    expect(signers.every((signer) => signer.email === "" && signer.name === "")).toBe(true);
  });
  it("shows a declined signer with the reason and counts neither a declined nor a replaced one", async () => {
    const seeded = await seedApplication(subject, { signed: false, email: "declined@example.nl" });
    const signers = await db()
      .select()
      .from(applicationSigners)
      .where(eq(applicationSigners.applicationId, seeded.id));
    const [first, second] = signers;
    if (!first || !second) throw new Error("no signers");
    const now = subject.clock.now();
    const reason = "Deze aanvrager werkt hier niet.";
    // EH2+ for two jointly authorized directors needs both: one signed, the other declined.
    await db()
      .update(applicationSigners)
      .set({ signedAt: now })
      .where(eq(applicationSigners.id, first.id));
    await db()
      .update(applicationSigners)
      .set({ declinedAt: now, declineReason: reason })
      .where(eq(applicationSigners.id, second.id));

    const signaturesItem = (detail: { checklist: { items: { key: string }[] } }) =>
      detail.checklist.items.find((item) => item.key === "signatures");
    const detail = (await reviewer.get(`${beheer}/applications/${seeded.id}`)).json();
    expect(detail.signers.find((s: { id: string }) => s.id === second.id)).toMatchObject({
      signedAt: null,
      declinedAt: now.toISOString(),
      declineReason: reason,
      replacedAt: null,
    });
    expect(signaturesItem(detail)).toMatchObject({ met: false });
    const refused = await reviewer.post(`${beheer}/applications/${seeded.id}/approval`);
    expect(refused.json().error.code).toBe("checklist_not_met");

    // A signature on a declined row (as a stray write would leave it) still counts for nothing.
    await db()
      .update(applicationSigners)
      .set({ signedAt: now })
      .where(eq(applicationSigners.id, second.id));
    const stillDeclined = (await reviewer.get(`${beheer}/applications/${seeded.id}`)).json();
    expect(signaturesItem(stillDeclined)).toMatchObject({ met: false });

    // Replaced by a signer who signed: the replacement counts, the replaced row does not.
    await db()
      .update(applicationSigners)
      .set({ replacedAt: now })
      .where(eq(applicationSigners.id, second.id));
    const replacement = {
      applicationId: seeded.id,
      representativeId: second.representativeId,
      name: second.name,
      authority: second.authority,
      email: "vervanger@example.nl",
      createdAt: now,
    };
    await db()
      .insert(applicationSigners)
      .values({ ...replacement, linkTokenHash: `test-replacement-${seeded.id}`, linkSentAt: now });
    const waiting = (await reviewer.get(`${beheer}/applications/${seeded.id}`)).json();
    expect(waiting.signers).toHaveLength(3);
    expect(signaturesItem(waiting)).toMatchObject({ met: false });
    await db()
      .update(applicationSigners)
      .set({ signedAt: now })
      .where(eq(applicationSigners.linkTokenHash, `test-replacement-${seeded.id}`));
    const complete = (await reviewer.get(`${beheer}/applications/${seeded.id}`)).json();
    // (The earlier tests moved the clock years on, past the ID copy's expiry: only this item.)
    expect(signaturesItem(complete)).toMatchObject({ met: true, problems: [] });
    expect(complete.signers.find((s: { id: string }) => s.id === second.id)).toMatchObject({
      declineReason: reason,
      replacedAt: now.toISOString(),
    });

    // The reason is personal data: erased with the rest after the retention period.
    await reviewer.post(`${beheer}/applications/${seeded.id}/rejection`, { reason: "Twijfel" });
    subject.clock.advance(91 * DAY);
    await eraseExpiredPersonalData(deps());
    const [erased] = await db()
      .select()
      .from(applicationSigners)
      .where(eq(applicationSigners.id, second.id));
    expect(erased).toMatchObject({ declineReason: null, declinedAt: now });
  });
});
