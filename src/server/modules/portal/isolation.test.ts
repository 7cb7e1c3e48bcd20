import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import {
  addDocument,
  clientIdNamed,
  samplePdf,
  sendUploadPart,
  startUpload,
  supplyFile,
} from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * Nobody reaches a dossier or document that is not theirs, through any endpoint, whether they
 * know its id or guess one: clients of the same office, a co-client of the same dossier (for
 * what the other supplied), and another office's clients and staff.
 */
describe.each(testDatabaseKinds)("dossier and document isolation, on %s", (kind) => {
  let subject: TestApp;
  let staffA: ApiClient;
  let staffB: ApiClient;
  let jan: ApiClient;
  let bol: ApiClient;
  let piet: ApiClient;
  let kees: ApiClient;
  let dossierId: string;
  let publishedId: string;
  let draftId: string;
  let suppliedByJanId: string;
  let uploadLocation: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const officeA = await createTestOffice(subject, "Kantoor Amstel");
    const officeB = await createTestOffice(subject, "Kantoor Berkel");
    staffA = await createOfficeStaff(subject, officeA.id, "sara@amstel.nl");
    staffB = await createOfficeStaff(subject, officeB.id, "admin@berkel.nl");
    jan = await createActiveClient(subject, officeA.id, "jan@example.nl", "person", "Jan Jansen");
    bol = await createActiveClient(subject, officeA.id, "anna@bol.nl", "company", "Bakkerij Bol");
    piet = await createActiveClient(
      subject,
      officeA.id,
      "piet@example.nl",
      "person",
      "Piet Pieters",
    );
    kees = await createActiveClient(
      subject,
      officeB.id,
      "kees@example.nl",
      "person",
      "Kees Klaassen",
    );

    const created = await staffA.post("/api/office/dossiers", {
      number: "A-1",
      description: "Levering met twee kopers",
      clientIds: [
        await clientIdNamed(staffA, "Jan Jansen"),
        await clientIdNamed(staffA, "Bakkerij Bol"),
      ],
    });
    dossierId = created.json().id;
    await staffA.post("/api/office/dossiers", {
      number: "A-2",
      description: "Dossier van Piet",
      clientIds: [await clientIdNamed(staffA, "Piet Pieters")],
    });
    publishedId = (
      await addDocument(staffA, dossierId, {
        category: "correspondence",
        title: "Brief",
        name: "brief.pdf",
        content: samplePdf(),
      })
    ).json().id;
    draftId = (
      await addDocument(staffA, dossierId, {
        category: "documents",
        title: "Concept",
        name: "concept.pdf",
        content: samplePdf(),
        publish: false,
      })
    ).json().id;
    suppliedByJanId = (await supplyFile(jan, dossierId, "id.pdf", samplePdf())).json().id;
    uploadLocation = String((await startUpload(jan, dossierId, "half.pdf", 500)).headers.location);
  });
  afterAll(() => subject.close());

  const clientReads = (dossier: string, document: string) => [
    `/api/portal/dossiers/${dossier}`,
    `/api/portal/dossiers/${dossier}/documents?category=correspondence`,
    `/api/portal/dossiers/${dossier}/documents?category=documents`,
    `/api/portal/dossiers/${dossier}/documents?category=supplied`,
    `/api/portal/documents/${document}/content`,
  ];

  it("lets the linked clients in, and shows a co-client only what it supplied itself", async () => {
    for (const url of clientReads(dossierId, publishedId)) {
      expect((await jan.get(url)).statusCode, url).toBe(200);
      expect((await bol.get(url)).statusCode, url).toBe(200);
    }
    const bolSupplied = (
      await bol.get(`/api/portal/dossiers/${dossierId}/documents?category=supplied`)
    ).json();
    expect(bolSupplied.documents).toEqual([]);
    expect((await bol.get(`/api/portal/documents/${suppliedByJanId}/content`)).statusCode).toBe(
      404,
    );
    expect((await bol.post(`/api/portal/documents/${suppliedByJanId}/read`)).statusCode).toBe(404);
  });

  it("answers not found to a client of the same office, another office's client and guessed ids", async () => {
    const guessed = randomUUID();
    for (const outsider of [piet, kees]) {
      for (const url of [
        ...clientReads(dossierId, publishedId),
        ...clientReads(guessed, guessed),
        `/api/portal/documents/${draftId}/content`,
        `/api/portal/documents/${suppliedByJanId}/content`,
      ]) {
        expect((await outsider.get(url)).statusCode, url).toBe(404);
      }
      for (const document of [publishedId, suppliedByJanId, guessed]) {
        const read = await outsider.post(`/api/portal/documents/${document}/read`);
        expect(read.statusCode).toBe(404);
      }
      const lists = (await outsider.get("/api/portal/dossiers")).json().dossiers;
      expect(lists.map((d: { number: string }) => d.number)).not.toContain("A-1");
      const upload = await supplyFile(outsider, dossierId, "indringer.pdf", samplePdf());
      expect(upload.statusCode).toBe(404);
    }
  });

  it("keeps an unfinished upload its owner's: others can neither read nor continue it", async () => {
    for (const outsider of [bol, piet, kees]) {
      const head = await outsider.send("HEAD", uploadLocation, undefined, {
        "tus-resumable": "1.0.0",
      });
      expect(head.statusCode).toBe(404);
      const patch = await sendUploadPart(outsider, uploadLocation, 0, samplePdf());
      expect(patch.statusCode).toBe(404);
    }
    const own = await jan.send("HEAD", uploadLocation, undefined, { "tus-resumable": "1.0.0" });
    expect(own.statusCode).toBe(200);
  });

  it("keeps another office's staff out of every back-office endpoint of the dossier", async () => {
    const csrf = { "x-csrf-token": staffB.csrfToken ?? "" };
    const attempts = [
      await staffB.get(`/api/office/dossiers/${dossierId}`),
      await staffB.send("PATCH", `/api/office/dossiers/${dossierId}`, { description: "Weg" }, csrf),
      await staffB.send("PUT", `/api/office/dossiers/${dossierId}/progress`, { steps: [] }, csrf),
      await addDocument(staffB, dossierId, {
        category: "documents",
        title: "Ondergeschoven",
        name: "x.pdf",
        content: samplePdf(),
      }),
      await staffB.get(`/api/office/documents/${publishedId}/content`),
      await staffB.get(`/api/office/documents/${suppliedByJanId}/content`),
      await staffB.post(`/api/office/documents/${draftId}/publish`),
      await staffB.post(`/api/office/documents/${publishedId}/unpublish`),
    ];
    expect(attempts.map((response) => response.statusCode)).toEqual(Array(8).fill(404));
    expect((await staffB.get("/api/office/dossiers?q=A-1")).json().total).toBe(0);
    // Nothing changed: the draft is still a draft, the letter still published.
    const dossier = (await staffA.get(`/api/office/dossiers/${dossierId}`)).json();
    expect(dossier.description).toBe("Levering met twee kopers");
    const states = Object.fromEntries(
      dossier.documents.map((d: { id: string; state: string }) => [d.id, d.state]),
    );
    expect(states[draftId]).toBe("draft");
    expect(states[publishedId]).toBe("published");
  });

  it("keeps clients out of the back office and staff out of the portal", async () => {
    expect((await jan.get("/api/office/dossiers")).statusCode).toBe(403);
    expect((await jan.get(`/api/office/documents/${publishedId}/content`)).statusCode).toBe(403);
    expect((await staffA.get("/api/portal/dossiers")).statusCode).toBe(403);
    expect((await staffA.get(`/api/portal/documents/${publishedId}/content`)).statusCode).toBe(403);
    const anonymous = await subject.app.inject({ method: "GET", url: "/api/portal/overview" });
    expect(anonymous.statusCode).toBe(401);
  });
});
