import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import { BlobNotFoundError } from "#src/server/platform/blobs/blob-store.ts";
import { DAY, MINUTE } from "#src/server/platform/clock.ts";
import {
  activateByMail,
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
  logInToPortal,
} from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { addDocument, clientIdNamed, samplePdf, supplyFile } from "#test/support/dossiers.ts";
import { uploadOfficeAttachment } from "#test/support/messages.ts";
import { deliveredMails, lastMailTo } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { dataExports } from "./schema.ts";

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString("utf8");

/**
 * "Mijn gegevens downloaden" (issue 19): the archive holds the login's profile, dossiers,
 * messages, documents (their exact bytes) and security events, and nothing of anyone else; the
 * mail says it is ready; only the login downloads it; a week later it is gone.
 */
describe.each(testDatabaseKinds)("the client's data export on %s", (kind) => {
  let subject: TestApp;
  let jan: ApiClient;
  let piet: ApiClient;
  let anna: ApiClient;
  const deed = samplePdf("concept-akte van Jan");
  const passport = samplePdf("paspoort van Jan");
  const letter = samplePdf("brief bij het bericht");
  const pietsSecret = samplePdf("geheim van Piet");
  let exportId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject, "Kantoor Amstel");
    const sara = await createOfficeStaff(subject, office.id, "sara@amstel.nl");
    jan = await createActiveClient(subject, office.id, "jan@example.nl", "person", "Jan Jansen");
    piet = await createActiveClient(subject, office.id, "piet@example.nl", "person", "Piet Pot");
    anna = await createActiveClient(subject, office.id, "anna@bol.nl", "company", "Bol B.V.");
    const dossierOf = async (number: string, client: string) =>
      (
        await sara.post("/api/office/dossiers", {
          number,
          description: `Levering ${number}`,
          clientIds: [await clientIdNamed(sara, client)],
        })
      ).json().id as string;
    const jansDossier = await dossierOf("2026.0142", "Jan Jansen");
    const pietsDossier = await dossierOf("2026.0143", "Piet Pot");
    await addDocument(sara, jansDossier, {
      category: "documents",
      title: "Concept-akte",
      name: "concept-akte.pdf",
      content: deed,
    });
    expect((await supplyFile(jan, jansDossier, "paspoort.pdf", passport)).statusCode).toBe(200);
    const attachment = await uploadOfficeAttachment(sara, jansDossier, "brief.pdf", letter);
    const sent = await sara.post(`/api/office/dossiers/${jansDossier}/messages`, {
      subject: "Uw levering",
      body: "Beste heer Jansen,\n\nBijgaand de brief.",
      attachmentIds: [attachment.json().id],
    });
    expect(sent.statusCode).toBe(201);
    await addDocument(sara, pietsDossier, {
      category: "documents",
      title: "Geheim",
      name: "piet-geheim.pdf",
      content: pietsSecret,
    });
    await jan.post("/api/auth/login", {
      area: "portal",
      email: "jan@example.nl",
      password: "wrong-password-1",
    });
    jan = await logInToPortal(subject, "jan@example.nl");
  });
  afterAll(() => subject.close());

  it("prepares the archive in a job and mails that it is ready, without a link to it", async () => {
    expect((await jan.get("/api/me/data-export")).json()).toEqual({
      latest: null,
      requestsLeftToday: 3,
    });
    const requested = await jan.post("/api/me/data-export");
    expect(requested.statusCode).toBe(202);
    expect(requested.json()).toMatchObject({ state: "requested", size: null });
    exportId = requested.json().id;

    const again = await jan.post("/api/me/data-export");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("data_export_in_progress");

    const mail = await lastMailTo(subject, "jan@example.nl");
    expect(mail.subject).toBe("Uw gegevens staan klaar om te downloaden");
    expect(mail.text).toContain("/portal/mijn-gegevens");
    expect(mail.text).not.toContain(exportId);
    expect(mail.text).not.toContain("2026.0142");

    const { latest } = (await jan.get("/api/me/data-export")).json();
    expect(latest).toMatchObject({ id: exportId, state: "ready" });
    expect(latest.size).toBeGreaterThan(deed.length);
    expect(Date.parse(latest.expiresAt) - Date.parse(latest.readyAt)).toBe(7 * DAY);
  });

  it("holds the profile, the dossier, the message, the documents' bytes and the security events", async () => {
    const download = await jan.get(`/api/me/data-export/${exportId}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/zip");
    expect(String(download.headers["content-disposition"])).toMatch(
      /^attachment; filename="mijn-gegevens-poort-2026-11-23\.zip"/,
    );
    const entries = unzipSync(new Uint8Array(download.rawPayload));
    const names = Object.keys(entries);

    expect(text(entries["LEESMIJ.txt"])).toContain("Mijn gegevens uit Poort - Jan Jansen");
    const profile = JSON.parse(text(entries["profile.json"]));
    expect(profile.account).toMatchObject({ name: "Jan Jansen", email: "jan@example.nl" });
    expect(profile.memberships).toEqual([
      expect.objectContaining({ office: "Kantoor Amstel", folder: "Kantoor Amstel - Jan Jansen" }),
    ]);

    const folder = "Kantoor Amstel - Jan Jansen/2026.0142 Levering 2026.0142";
    const dossier = JSON.parse(text(entries[`${folder}/dossier.json`]));
    expect(dossier).toMatchObject({ number: "2026.0142", status: { key: "in-progress" } });
    expect(dossier.messages).toEqual([
      expect.objectContaining({
        subject: "Uw levering",
        body: "Beste heer Jansen,\n\nBijgaand de brief.",
        attachments: [expect.objectContaining({ path: `${folder}/Berichten/brief.pdf` })],
      }),
    ]);
    expect(Buffer.from(entries[`${folder}/Documenten/concept-akte.pdf`] ?? [])).toEqual(deed);
    expect(Buffer.from(entries[`${folder}/Door mij aangeleverd/paspoort.pdf`] ?? [])).toEqual(
      passport,
    );
    expect(Buffer.from(entries[`${folder}/Berichten/brief.pdf`] ?? [])).toEqual(letter);
    expect(JSON.parse(text(entries["Kantoor Amstel - Jan Jansen/actions.json"]))).toEqual([]);

    const events = JSON.parse(text(entries["security-events.json"]));
    expect(events.map((event: { kind: string }) => event.kind)).toEqual(
      expect.arrayContaining([
        "login",
        "login-failed",
        "account-activated",
        "data-export-requested",
      ]),
    );

    // Nothing of Piet, a client of the same office: not his dossier, file, name or bytes.
    expect(names.some((name) => /piet|2026\.0143/i.test(name))).toBe(false);
    const everything = Buffer.concat(Object.values(entries).map((bytes) => Buffer.from(bytes)));
    expect(everything.includes(pietsSecret)).toBe(false);
    expect(everything.toString("latin1")).not.toMatch(/Piet Pot|piet@example\.nl/);
  });

  it("lets only the login itself download it: another client and a company get 404", async () => {
    for (const other of [piet, anna]) {
      expect((await other.get(`/api/me/data-export/${exportId}/content`)).statusCode).toBe(404);
      expect((await other.get("/api/me/data-export")).json().latest).toBeNull();
    }
    const db = subject.services.database.db;
    const audited = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, (await jan.get("/api/session")).json().account.id));
    expect(audited.map((event) => event.action)).toEqual(
      expect.arrayContaining(["data-export.requested", "data-export.downloaded"]),
    );
  });

  it("gives a company's extra account its own archive, without the main account's profile", async () => {
    await anna.post("/api/me/extra-accounts", { name: "Lars Bol", email: "lars@bol.nl" });
    const lars = await activateByMail(subject, "lars@bol.nl");
    expect((await lars.post("/api/me/data-export")).statusCode).toBe(202);
    await deliveredMails(subject);
    const { latest } = (await lars.get("/api/me/data-export")).json();
    const entries = unzipSync(
      new Uint8Array((await lars.get(`/api/me/data-export/${latest.id}/content`)).rawPayload),
    );
    const profile = JSON.parse(text(entries["profile.json"]));
    expect(profile.account.email).toBe("lars@bol.nl");
    expect(profile.memberships).toEqual([
      expect.objectContaining({ mainAccount: false, extraAccounts: [] }),
    ]);
    const events = text(entries["security-events.json"]);
    expect(events).not.toContain("anna@bol.nl");
    expect((await anna.get(`/api/me/data-export/${latest.id}/content`)).statusCode).toBe(404);
  });

  it("refuses a fourth request within a day", async () => {
    for (let round = 0; round < 2; round += 1) {
      expect((await jan.post("/api/me/data-export")).statusCode).toBe(202);
      await deliveredMails(subject);
    }
    const refused = await jan.post("/api/me/data-export");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("data_export_limit");
    expect((await jan.get("/api/me/data-export")).json().requestsLeftToday).toBe(0);
  });

  it("deletes the archive and its blob once its week is over", async () => {
    const db = subject.services.database.db;
    const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
    const blobKey = row?.blobKey ?? "";
    await expect(subject.services.dataExports.get(blobKey)).resolves.toBeDefined();

    subject.clock.advance(7 * DAY + MINUTE);
    await subject.services.jobs.runDueJobs();

    const [after] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
    expect(after).toMatchObject({ status: "expired", blobKey: null });
    await expect(subject.services.dataExports.get(blobKey)).rejects.toBeInstanceOf(
      BlobNotFoundError,
    );
    // A week on, the session is long over: Jan logs in again.
    jan = await logInToPortal(subject, "jan@example.nl");
    expect((await jan.get(`/api/me/data-export/${exportId}/content`)).statusCode).toBe(404);
    expect((await jan.get("/api/me/data-export")).json().latest).toMatchObject({
      state: "expired",
    });
    // The day has passed, too: a new request is welcome again.
    expect((await jan.get("/api/me/data-export")).json().requestsLeftToday).toBe(3);
  });
});
