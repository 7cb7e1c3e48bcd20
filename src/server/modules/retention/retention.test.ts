import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import {
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
  logInToPortal,
} from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { addDocument, clientIdNamed, samplePdf, supplyFile } from "#test/support/dossiers.ts";
import { sendWithCsrf } from "#test/support/messages.ts";
import { deliveredMails } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

const TITLE = "ZZTITEL Akte van levering";
const DESCRIPTION = "ZZOMSCHRIJVING Kade 12";

/**
 * Retention with the clock moved forward (ADR 0023): a closed dossier's clients are told 30
 * days ahead, once; on its day it leaves the portal with its documents and messages, and their
 * files leave the store. Open dossiers and other offices' dossiers stay.
 */
describe.each(testDatabaseKinds)("retention of closed dossiers, on %s", (kind) => {
  let subject: TestApp;
  let sara: ApiClient;
  let bob: ApiClient;
  let amstel: string;
  let berkhout: string;
  let closed: string;
  let open: string;
  let otherOffice: string;

  const blobKeys = async () => {
    const keys: string[] = [];
    for await (const blob of subject.services.blobs.list()) keys.push(blob.key);
    return keys.sort();
  };
  const runRound = () => subject.services.jobs.runScheduleNow("retention-dossiers");
  const at = (day: string) => subject.clock.set(`${day}T02:00:00Z`);
  const janDossier = async (id: string) => {
    const jan = await logInToPortal(subject, "jan@example.nl");
    return jan.get(`/api/portal/dossiers/${id}`);
  };
  const retentionMails = async () =>
    (await deliveredMails(subject)).filter((mail) => mail.subject.includes("verdwijnt"));

  async function newDossier(staff: ApiClient, number: string, clientName: string) {
    const clientId = await clientIdNamed(staff, clientName);
    const created = await staff.post("/api/office/dossiers", {
      number,
      description: DESCRIPTION,
      clientIds: [clientId],
    });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }

  beforeAll(async () => {
    subject = await createTestApp(kind);
    amstel = (await createTestOffice(subject, "Kantoor Amstel")).id;
    berkhout = (await createTestOffice(subject, "Notariaat Berkhout")).id;
    sara = await createOfficeStaff(subject, amstel, "sara@amstel.nl");
    bob = await createOfficeStaff(subject, berkhout, "bob@berkhout.nl");
    const jan = await createActiveClient(subject, amstel, "jan@example.nl");
    await createActiveClient(subject, berkhout, "piet@example.nl", "person", "Piet Pieters");

    closed = await newDossier(sara, "2026.0100", "Jan Jansen");
    open = await newDossier(sara, "2026.0101", "Jan Jansen");
    otherOffice = await newDossier(bob, "2026.0100", "Piet Pieters");
    for (const id of [closed, open]) {
      const added = await addDocument(sara, id, {
        category: "documents",
        title: TITLE,
        name: "akte.pdf",
        content: samplePdf(id),
      });
      expect(added.statusCode).toBe(201);
    }
    await addDocument(bob, otherOffice, {
      category: "documents",
      title: TITLE,
      name: "akte.pdf",
      content: samplePdf("berkhout"),
    });
    expect((await supplyFile(jan, closed, "paspoort.pdf", samplePdf("id"))).statusCode).toBe(200);
    const sent = await sara.post(`/api/office/dossiers/${closed}/messages`, {
      subject: "Uw levering",
      body: "Bijgaand de stukken.",
    });
    expect(sent.statusCode).toBe(201);
    // Closed on 23 November 2026 (the test clock), both offices.
    for (const [staff, id] of [
      [sara, closed],
      [bob, otherOffice],
    ] as const) {
      const done = await sendWithCsrf(staff, "PATCH", `/api/office/dossiers/${id}`, {
        status: "completed",
      });
      expect(done.statusCode).toBe(200);
    }
  });
  afterAll(() => subject.close());

  it("shows the day a closed dossier leaves, moved by the office's setting", async () => {
    expect((await janDossier(closed)).json().leavesPortalOn).toBe("2027-11-23");
    expect((await janDossier(open)).json().leavesPortalOn).toBeNull();

    const shorter = await sendWithCsrf(sara, "PUT", "/api/office/settings", { retentionMonths: 6 });
    expect(shorter.statusCode).toBe(200);
    expect(shorter.json()).toEqual({ retentionMonths: 6 });
    expect((await janDossier(closed)).json().leavesPortalOn).toBe("2027-05-23");
    // The office sees the same day on its own dossier page.
    const officeView = await sara.get(`/api/office/dossiers/${closed}`);
    expect(officeView.json().leavesPortalOn).toBe("2027-05-23");
    expect((await sara.get(`/api/office/dossiers/${open}`)).json().leavesPortalOn).toBeNull();
    // Berkhout's dossier keeps Berkhout's 12 months.
    expect((await bob.get("/api/office/settings")).json()).toEqual({ retentionMonths: 12 });

    const [event] = await subject.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "office.retention-set"));
    expect(event).toMatchObject({ officeId: amstel, details: { from: 12, to: 6 } });
  });

  it("tells the clients 30 days ahead, once, naming no dossier", async () => {
    at("2027-04-22");
    await runRound();
    subject.clock.advance(3 * 60_000);
    expect(await retentionMails()).toEqual([]);

    at("2027-04-23");
    await runRound();
    await runRound();
    subject.clock.advance(3 * 60_000);
    const mails = await retentionMails();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({
      to: "jan@example.nl",
      subject: "Een dossier verdwijnt binnenkort uit het klantenportaal van Kantoor Amstel",
    });
    expect(mail?.text).toContain("over 30 dagen");
    for (const secret of [TITLE, DESCRIPTION, "2026.0100", "akte.pdf"]) {
      expect(mail?.text).not.toContain(secret);
    }
    expect((await janDossier(closed)).json().leavesPortalOn).toBe("2027-05-23");

    at("2027-05-01");
    await runRound();
    subject.clock.advance(3 * 60_000);
    expect(await retentionMails()).toHaveLength(1);
  });

  it("removes the dossier on its day, with its documents, messages and files", async () => {
    const before = await blobKeys();
    expect(before).toHaveLength(4);

    at("2027-05-22");
    await runRound();
    expect((await janDossier(closed)).statusCode).toBe(200);

    at("2027-05-23");
    const job = await runRound();
    expect(job?.state).toBe("completed");
    expect((await janDossier(closed)).statusCode).toBe(404);
    const jan = await logInToPortal(subject, "jan@example.nl");
    const list = (await jan.get("/api/portal/dossiers")).json();
    expect(list.dossiers.map((dossier: { id: string }) => dossier.id)).toEqual([open]);
    // Its two files went (published and supplied); the open dossier's and Berkhout's stay.
    const after = await blobKeys();
    expect(after).toHaveLength(2);
    expect(after.every((key) => before.includes(key))).toBe(true);
    expect((await janDossier(open)).json().tabs.documents.total).toBe(1);

    const db = subject.services.database.db;
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "dossier.removed-by-retention"),
          eq(auditEvents.subjectId, closed),
        ),
      );
    expect(event).toMatchObject({
      actorType: "system",
      officeId: amstel,
      details: { documents: 2, messages: 1, actions: 0, files: 2, retentionMonths: 6 },
    });
    expect(JSON.stringify(event)).not.toMatch(/ZZ|2026\.0100|akte/);

    // Again: nothing more goes.
    await runRound();
    expect(await blobKeys()).toEqual(after);
  });

  it("leaves another office's closed dossier to that office's own period", async () => {
    at("2027-05-23");
    const piet = await logInToPortal(subject, "piet@example.nl");
    const dossier = (await piet.get(`/api/portal/dossiers/${otherOffice}`)).json();
    expect(dossier.leavesPortalOn).toBe("2027-11-23");
  });

  it("counts from a new closing when a dossier reopens and closes again", async () => {
    at("2027-05-24");
    const staff = await createOfficeStaff(subject, amstel, "eva@amstel.nl");
    for (const status of ["in-progress", "cancelled"]) {
      const changed = await sendWithCsrf(staff, "PATCH", `/api/office/dossiers/${open}`, {
        status,
      });
      expect(changed.statusCode).toBe(200);
      if (status === "in-progress") {
        expect((await janDossier(open)).json().leavesPortalOn).toBeNull();
      }
    }
    expect((await janDossier(open)).json().leavesPortalOn).toBe("2027-11-24");
  });
});

describe.each(testDatabaseKinds)("the office's settings, on %s", (kind) => {
  let subject: TestApp;
  let admin: ApiClient;
  let handler: ApiClient;
  let other: ApiClient;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const amstel = (await createTestOffice(subject, "Kantoor Amstel")).id;
    const berkhout = (await createTestOffice(subject, "Notariaat Berkhout")).id;
    admin = await createOfficeStaff(subject, amstel, "sara@amstel.nl");
    handler = await createOfficeStaff(subject, amstel, "tom@amstel.nl", "handler");
    other = await createOfficeStaff(subject, berkhout, "bob@berkhout.nl");
  });
  afterAll(() => subject.close());

  it("are read by every staff member and changed by admins only", async () => {
    expect((await handler.get("/api/office/settings")).json()).toEqual({ retentionMonths: 12 });
    const refused = await sendWithCsrf(handler, "PUT", "/api/office/settings", {
      retentionMonths: 24,
    });
    expect(refused.statusCode).toBe(403);
    expect((await admin.get("/api/office/settings")).json()).toEqual({ retentionMonths: 12 });
  });

  it("refuses a period outside 3 to 120 months, or not whole", async () => {
    for (const retentionMonths of [2, 121, 6.5, "12", null]) {
      const answer = await sendWithCsrf(admin, "PUT", "/api/office/settings", { retentionMonths });
      expect(answer.statusCode).toBe(400);
    }
    expect((await admin.get("/api/office/settings")).json()).toEqual({ retentionMonths: 12 });
  });

  it("are the office's own: another office's admin changes only theirs", async () => {
    const changed = await sendWithCsrf(other, "PUT", "/api/office/settings", {
      retentionMonths: 36,
    });
    expect(changed.json()).toEqual({ retentionMonths: 36 });
    expect((await admin.get("/api/office/settings")).json()).toEqual({ retentionMonths: 12 });
  });

  it("are for staff only", async () => {
    const client = await createActiveClient(
      subject,
      (await createTestOffice(subject, "Kantoor C")).id,
      "jan@example.nl",
    );
    expect((await client.get("/api/office/settings")).statusCode).toBe(403);
    const anonymous = await subject.app.inject({ method: "GET", url: "/api/office/settings" });
    expect(anonymous.statusCode).toBe(401);
  });
});
