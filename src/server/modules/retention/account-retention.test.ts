import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "#src/server/modules/accounts/schema.ts";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import {
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
  logInToPortal,
} from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { clientIdNamed } from "#test/support/dossiers.ts";
import { deliveredMails } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * Client logins without dossiers (ADR 0023), with the clock moved forward: told 30 days ahead,
 * deactivated after 6 months, told again, deleted after 12; one with a dossier again is active
 * again; logins with dossiers and staff are never touched.
 */
describe.each(testDatabaseKinds)("retention of logins without dossiers, on %s", (kind) => {
  let subject: TestApp;
  let amstel: string;
  let sara: ApiClient;

  const runRound = () => subject.services.jobs.runScheduleNow("retention-accounts");
  const at = (day: string) => subject.clock.set(`${day}T02:00:00Z`);
  const mailsTo = async (to: string) =>
    (await deliveredMails(subject))
      .filter((mail) => mail.to === to && mail.subject.includes("klantenportaal wordt"))
      .map((mail) => mail.subject);
  const canLogIn = (email: string) =>
    logInToPortal(subject, email).then(
      () => true,
      () => false,
    );
  const accountOf = async (email: string) => {
    const [row] = await subject.services.database.db
      .select({ id: accounts.id, status: accounts.status })
      .from(accounts)
      .where(and(eq(accounts.email, email), eq(accounts.kind, "client")));
    return row;
  };
  const staffNow = async (email: string) => createOfficeStaff(subject, amstel, email);

  beforeAll(async () => {
    subject = await createTestApp(kind);
    amstel = (await createTestOffice(subject, "Kantoor Amstel")).id;
    sara = await staffNow("sara@amstel.nl");
    await createActiveClient(subject, amstel, "jan@example.nl");
    await createActiveClient(subject, amstel, "kees@example.nl", "person", "Kees Kok");
    await createActiveClient(subject, amstel, "piet@example.nl", "person", "Piet Pieters");
    const created = await sara.post("/api/office/dossiers", {
      number: "2026.0200",
      description: "Levering",
      clientIds: [await clientIdNamed(sara, "Jan Jansen")],
    });
    expect(created.statusCode).toBe(201);
    // The count starts at the first round that sees the logins without dossiers.
    await runRound();
  });
  afterAll(() => subject.close());

  it("tells a login without dossiers 30 days before deactivating it, once", async () => {
    at("2027-04-22");
    await runRound();
    expect(await mailsTo("kees@example.nl")).toEqual([]);

    at("2027-04-23");
    await runRound();
    await runRound();
    expect(await mailsTo("kees@example.nl")).toEqual([
      "Uw account in het klantenportaal wordt gedeactiveerd",
    ]);
    const [mail] = (await deliveredMails(subject)).filter((m) => m.to === "kees@example.nl");
    expect(mail?.text).toContain("23 mei 2027");
    expect(await mailsTo("jan@example.nl")).not.toContain(
      "Uw account in het klantenportaal wordt gedeactiveerd",
    );
  });

  it("deactivates it on the day; logins with dossiers and staff stay", async () => {
    at("2027-05-22");
    await runRound();
    expect(await canLogIn("kees@example.nl")).toBe(true);

    at("2027-05-23");
    await runRound();
    expect(await canLogIn("kees@example.nl")).toBe(false);
    expect(await canLogIn("piet@example.nl")).toBe(false);
    expect(await canLogIn("jan@example.nl")).toBe(true);
    expect((await accountOf("kees@example.nl"))?.status).toBe("deactivated");
    const [staff] = await subject.services.database.db
      .select({ status: accounts.status })
      .from(accounts)
      .where(eq(accounts.email, "sara@amstel.nl"));
    expect(staff?.status).toBe("active");
  });

  it("makes a login active again once an office shares a dossier with it", async () => {
    at("2027-06-01");
    const eva = await staffNow("eva@amstel.nl");
    const created = await eva.post("/api/office/dossiers", {
      number: "2027.0001",
      description: "Testament",
      clientIds: [await clientIdNamed(eva, "Piet Pieters")],
    });
    expect(created.statusCode).toBe(201);
    await runRound();
    expect(await canLogIn("piet@example.nl")).toBe(true);
    expect((await accountOf("piet@example.nl"))?.status).toBe("active");
  });

  it("tells the deactivated login 30 days before deleting it, then deletes it", async () => {
    const kees = await accountOf("kees@example.nl");
    at("2027-10-23");
    await runRound();
    expect(await mailsTo("kees@example.nl")).toHaveLength(1);

    at("2027-10-24");
    await runRound();
    await runRound();
    expect(await mailsTo("kees@example.nl")).toEqual([
      "Uw account in het klantenportaal wordt verwijderd",
      "Uw account in het klantenportaal wordt gedeactiveerd",
    ]);

    at("2027-11-22");
    await runRound();
    expect(await accountOf("kees@example.nl")).toBeDefined();
    at("2027-11-23");
    await runRound();
    expect(await accountOf("kees@example.nl")).toBeUndefined();
    expect(await accountOf("jan@example.nl")).toBeDefined();
    expect(await accountOf("piet@example.nl")).toBeDefined();

    const events = (
      await subject.services.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, kees?.id ?? ""))
    ).filter((event) => event.action.includes("retention"));
    expect(events.map((event) => event.action)).toEqual([
      "account.retention-noticed",
      "account.deactivated-by-retention",
      "account.retention-noticed",
      "account.deleted-by-retention",
    ]);
    expect(events.at(-1)).toMatchObject({ officeId: amstel, details: { offices: 1 } });
    expect(JSON.stringify(events)).not.toMatch(/kees|Kok/i);
  });
});
