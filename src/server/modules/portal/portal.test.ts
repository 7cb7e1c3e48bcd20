import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import {
  addDocument,
  clientIdNamed,
  samplePdf,
  samplePng,
  sendUploadPart,
  startUpload,
  supplyFile,
} from "#test/support/dossiers.ts";
import { deliveredMails } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { resumableUploadParts, resumableUploads } from "./schema.ts";

describe.each(testDatabaseKinds)("the client's dossiers in the portal, on %s", (kind) => {
  let subject: TestApp;
  let staff: ApiClient;
  let client: ApiClient;
  let dossierId: string;
  const letter = samplePdf("brief");
  const deed = samplePdf("concept-akte");

  beforeAll(async () => {
    subject = await createTestApp(kind, {
      UPLOAD_MAX_BYTES: "4096",
      UPLOAD_MAX_FILES_PER_DOSSIER: "3",
    });
    const office = await createTestOffice(subject, "Kantoor Amstel");
    staff = await createOfficeStaff(subject, office.id, "sara@amstel.nl");
    client = await createActiveClient(subject, office.id, "jan@example.nl", "person", "Jan Jansen");
    const jansenId = await clientIdNamed(staff, "Jan Jansen");
    const created = await staff.post("/api/office/dossiers", {
      number: "2026.0142",
      description: "Levering Kade 12, Amsterdam",
      clientIds: [jansenId],
      template: "will",
    });
    dossierId = created.json().id;
    await staff.post("/api/office/dossiers", {
      number: "2025.0099",
      description: "Testament",
      status: "completed",
      clientIds: [jansenId],
    });
    await staff.post("/api/office/dossiers", { number: "2026.0500", description: "Niet van Jan" });
  });
  afterAll(() => subject.close());

  it("shows on Home how many dossiers are in behandeling and how many have another status", async () => {
    const overview = await client.get("/api/portal/overview");
    expect(overview.json()).toEqual({
      dossiers: { inProgress: 1, other: 1 },
      actions: { open: 0 },
      unread: { documents: 0, messages: 0 },
    });
  });

  it("lists the client's own dossiers, searched by number or description and filtered by status", async () => {
    const all = (await client.get("/api/portal/dossiers")).json();
    expect(all.dossiers.map((d: { number: string }) => d.number).sort()).toEqual([
      "2025.0099",
      "2026.0142",
    ]);
    expect(all.statuses).toEqual(
      expect.arrayContaining([
        { key: "in-progress", label: null, count: 1 },
        { key: "completed", label: null, count: 1 },
      ]),
    );
    const inProgress = (await client.get("/api/portal/dossiers?status=in-progress")).json();
    expect(inProgress.dossiers).toEqual([
      expect.objectContaining({ number: "2026.0142", progress: { done: 0, total: 5 }, unread: 0 }),
    ]);
    const byNumber = (await client.get("/api/portal/dossiers?q=0142")).json();
    expect(byNumber.dossiers.map((d: { number: string }) => d.number)).toEqual(["2026.0142"]);
    const byDescription = (await client.get("/api/portal/dossiers?q=kade")).json();
    expect(byDescription.dossiers.map((d: { number: string }) => d.number)).toEqual(["2026.0142"]);
    expect((await client.get("/api/portal/dossiers?q=niet%20van")).json().dossiers).toEqual([]);
    const wrongStatus = await client.get("/api/portal/dossiers?status=archived");
    expect(wrongStatus.statusCode).toBe(400);
  });

  it("shows only published documents, with counts and unread counts per tab", async () => {
    const published = await addDocument(staff, dossierId, {
      category: "correspondence",
      title: "Brief over de levering",
      name: "brief levering.pdf",
      content: letter,
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({
      state: "published",
      contentType: "application/pdf",
      scan: "not-scanned",
      size: letter.length,
    });
    const draft = await addDocument(staff, dossierId, {
      category: "documents",
      title: "Concept-akte",
      name: "concept akte €.pdf",
      content: deed,
      publish: false,
    });
    expect(draft.json().state).toBe("draft");

    let dossier = (await client.get(`/api/portal/dossiers/${dossierId}`)).json();
    expect(dossier.tabs).toEqual({
      correspondence: { total: 1, unread: 1 },
      documents: { total: 0, unread: 0 },
      supplied: { total: 0, unread: 0 },
      messages: { total: 0, unread: 0 },
    });
    expect((await client.get(`/api/portal/documents/${draft.json().id}/content`)).statusCode).toBe(
      404,
    );

    const publishedLater = await staff.post(`/api/office/documents/${draft.json().id}/publish`);
    expect(publishedLater.json().state).toBe("published");
    dossier = (await client.get(`/api/portal/dossiers/${dossierId}`)).json();
    expect(dossier.tabs.documents).toEqual({ total: 1, unread: 1 });
    expect(
      (await client.get("/api/portal/dossiers?status=in-progress")).json().dossiers[0].unread,
    ).toBe(2);
  });

  it("streams a download byte for byte with its type and name, and counts it as read", async () => {
    const [document] = (
      await client.get(`/api/portal/dossiers/${dossierId}/documents?category=documents`)
    ).json().documents;
    expect(document).toMatchObject({ title: "Concept-akte", read: false, suppliedBy: null });

    const download = await client.get(`/api/portal/documents/${document.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(deed)).toBe(true);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="concept akte _.pdf"; filename*=UTF-8''concept%20akte%20%E2%82%AC.pdf`,
    );
    expect(download.headers["cache-control"]).toBe("private, no-store");

    const dossier = (await client.get(`/api/portal/dossiers/${dossierId}`)).json();
    expect(dossier.tabs.documents).toEqual({ total: 1, unread: 0 });
    expect(dossier.tabs.correspondence).toEqual({ total: 1, unread: 1 });

    const [letterItem] = (
      await client.get(`/api/portal/dossiers/${dossierId}/documents?category=correspondence`)
    ).json().documents;
    expect((await client.post(`/api/portal/documents/${letterItem.id}/read`)).statusCode).toBe(204);
    const after = (await client.get(`/api/portal/dossiers/${dossierId}`)).json();
    expect(after.tabs.correspondence).toEqual({ total: 1, unread: 0 });
  });

  it("serves the byte range a viewer asks for, and refuses one past the end", async () => {
    const [document] = (
      await client.get(`/api/portal/dossiers/${dossierId}/documents?category=documents`)
    ).json().documents;
    const url = `/api/portal/documents/${document.id}/content?disposition=inline`;
    const middle = await client.get(url, { range: "bytes=5-24" });
    expect(middle.statusCode).toBe(206);
    expect(middle.headers["content-range"]).toBe(`bytes 5-24/${deed.length}`);
    expect(middle.rawPayload.equals(deed.subarray(5, 25))).toBe(true);

    const tail = await client.get(url, { range: "bytes=-10" });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(deed.subarray(deed.length - 10))).toBe(true);

    const pastTheEnd = await client.get(url, { range: `bytes=${deed.length}-` });
    expect(pastTheEnd.statusCode).toBe(416);
    expect(pastTheEnd.headers["content-range"]).toBe(`bytes */${deed.length}`);
    expect(pastTheEnd.json().error.code).toBe("range_not_satisfiable");

    // Several ranges at once: the whole file, as a server may answer.
    const several = await client.get(url, { range: "bytes=0-1,5-6" });
    expect(several.statusCode).toBe(200);
    expect(several.rawPayload.equals(deed)).toBe(true);
  });

  it("takes a withdrawn document out of the portal at once", async () => {
    const [letterItem] = (
      await client.get(`/api/portal/dossiers/${dossierId}/documents?category=correspondence`)
    ).json().documents;
    const withdrawn = await staff.post(`/api/office/documents/${letterItem.id}/unpublish`);
    expect(withdrawn.json().state).toBe("unpublished");
    expect((await client.get(`/api/portal/documents/${letterItem.id}/content`)).statusCode).toBe(
      404,
    );
    const dossier = (await client.get(`/api/portal/dossiers/${dossierId}`)).json();
    expect(dossier.tabs.correspondence).toEqual({ total: 0, unread: 0 });
    await staff.post(`/api/office/documents/${letterItem.id}/publish`);
  });

  it("tells each client once that new documents wait, naming none of them (ADR 0013)", async () => {
    const mailsToJan = async () =>
      (await deliveredMails(subject)).filter((mail) => mail.to === "jan@example.nl");
    // The documents the tests before published are told now, in one notice.
    subject.clock.advance(16 * 60_000);
    const before = (await mailsToJan()).length;
    expect(before).toBeGreaterThan(0);
    // Jan keeps his session going meanwhile (the tests after this one use it).
    expect((await client.get("/api/portal/dossiers")).statusCode).toBe(200);
    for (const title of ["Nota van afrekening", "Volmacht"]) {
      await addDocument(staff, dossierId, {
        category: "documents",
        title,
        name: `${title}.pdf`,
        content: samplePdf(title),
      });
    }
    // At most one notice in 15 minutes: these wait until the window of that one ends.
    subject.clock.advance(14 * 60_000);
    expect((await mailsToJan()).length).toBe(before);
    subject.clock.advance(60_000);
    const mails = await mailsToJan();
    expect(mails.length).toBe(before + 1);
    // It says that new documents wait, and nothing of what they are.
    expect(mails[0]?.subject).toBe("Er staat iets nieuws voor u klaar bij Kantoor Amstel");
    expect(mails[0]?.text).toContain(
      "Kantoor Amstel heeft nieuwe documenten voor u in het klantenportaal.",
    );
    expect(mails[0]?.text).toContain("/portal/login");
    for (const secret of ["Nota van afrekening", "Volmacht", "2026.0142", "Levering Kade 12"]) {
      expect(mails[0]?.text).not.toContain(secret);
    }
    subject.clock.advance(10 * 60_000);
    expect((await mailsToJan()).length).toBe(before + 1);
  });

  it("takes the client's uploads through tus into Door mij aangeleverd, checked by content", async () => {
    const png = samplePng();
    const supplied = await supplyFile(client, dossierId, "paspoort.png", png);
    expect(supplied.statusCode).toBe(200);
    expect(supplied.json()).toMatchObject({
      fileName: "paspoort.png",
      contentType: "image/png",
      read: true,
      suppliedBy: "Jan Jansen",
    });

    // A resumed upload: the first part, then the rest from the offset the server reports.
    const pdf = samplePdf("legitimatie");
    const started = await startUpload(client, dossierId, "id.pdf", pdf.length);
    expect(started.statusCode).toBe(201);
    const location = String(started.headers.location);
    expect((await sendUploadPart(client, location, 0, pdf.subarray(0, 40))).statusCode).toBe(204);
    const head = await client.send("HEAD", location, undefined, { "tus-resumable": "1.0.0" });
    expect(head.headers["upload-offset"]).toBe("40");
    const rest = await sendUploadPart(client, location, 40, pdf.subarray(40));
    expect(rest.statusCode).toBe(200);

    const items = (
      await client.get(`/api/portal/dossiers/${dossierId}/documents?category=supplied`)
    ).json().documents;
    expect(items.map((item: { fileName: string }) => item.fileName).sort()).toEqual([
      "id.pdf",
      "paspoort.png",
    ]);
    const office = (await staff.get(`/api/office/dossiers/${dossierId}`)).json();
    const fromClient = office.documents.filter(
      (d: { category: string }) => d.category === "supplied",
    );
    expect(fromClient).toHaveLength(2);
    expect(fromClient[0].addedBy).toEqual({ kind: "client", name: "Jan Jansen" });
    const staffDownload = await staff.get(`/api/office/documents/${fromClient[0].id}/content`);
    expect(staffDownload.statusCode).toBe(200);
  });

  it("refuses a file by its content, its size and the dossier's limit, with a clear message", async () => {
    const disguised = await supplyFile(
      client,
      dossierId,
      "factuur.pdf",
      Buffer.from("MZ\x90\x00 this is a program, not a PDF"),
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.message).toContain("Dit soort bestand wordt niet geaccepteerd");

    const tooLarge = await startUpload(client, dossierId, "groot.pdf", 5000);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe("file_too_large");

    const staffTooLarge = await addDocument(staff, dossierId, {
      category: "documents",
      title: "Te groot",
      name: "groot.pdf",
      content: Buffer.concat([samplePdf(), Buffer.alloc(5000)]),
    });
    expect(staffTooLarge.statusCode).toBe(413);

    expect((await supplyFile(client, dossierId, "derde.pdf", samplePdf())).statusCode).toBe(200);
    const fourth = await supplyFile(client, dossierId, "vierde.pdf", samplePdf());
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.code).toBe("too_many_files");
    const dossier = (await client.get(`/api/portal/dossiers/${dossierId}`)).json();
    expect(dossier.uploads).toMatchObject({ maxFileBytes: 4096, remainingFiles: 0 });
    // Refused or stored, no upload waits any longer, nor any of its parts.
    const { db } = subject.services.database;
    expect(await db.select().from(resumableUploads)).toEqual([]);
    expect(await db.select().from(resumableUploadParts)).toEqual([]);
  });
});
