import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import {
  addDocument,
  clientIdNamed,
  multipartBody,
  samplePdf,
  supplyFile,
} from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";

/**
 * Uploads that a careless or hostile client shapes: malformed requests get a clear 4xx, and a
 * file name cannot hide its real extension behind invisible characters.
 */
describe("uploads with odd requests and file names", () => {
  let subject: TestApp;
  let staff: ApiClient;
  let client: ApiClient;
  let dossierId: string;

  beforeAll(async () => {
    subject = await createTestApp("pglite");
    const office = await createTestOffice(subject, "Kantoor Amstel");
    staff = await createOfficeStaff(subject, office.id, "sara@amstel.nl");
    client = await createActiveClient(subject, office.id, "jan@example.nl", "person", "Jan Jansen");
    const created = await staff.post("/api/office/dossiers", {
      number: "2026.0142",
      description: "Levering Kade 12, Amsterdam",
      clientIds: [await clientIdNamed(staff, "Jan Jansen")],
    });
    dossierId = created.json().id;
  });
  afterAll(() => subject.close());

  const postStaffForm = (payload: Buffer, contentType: string) =>
    staff.send("POST", `/api/office/dossiers/${dossierId}/documents`, payload, {
      "content-type": contentType,
      "x-csrf-token": staff.csrfToken ?? "",
    });

  it.each([
    ["no boundary", "multipart/form-data"],
    [
      "a boundary longer than the form parser takes",
      `multipart/form-data; boundary=${"x".repeat(300)}`,
    ],
  ])("answers a staff upload whose form has %s with a 400", async (_case, contentType) => {
    const form = multipartBody(
      { category: "documents", title: "Akte", publish: "true" },
      { name: "akte.pdf", content: samplePdf() },
    );
    const answer = await postStaffForm(form.payload, contentType);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe("malformed_request");
  });

  // The form parser refuses these parts; without a file after them, its refusal is the answer.
  it.each([
    ["a field named __proto__", `content-disposition: form-data; name="__proto__"\r\n\r\nx`],
    ["a field named constructor", `content-disposition: form-data; name="constructor"\r\n\r\nx`],
    [
      "a field that says it is JSON and is not",
      `content-disposition: form-data; name="title"\r\ncontent-type: application/json\r\n\r\n{`,
    ],
  ])("answers a staff upload whose form has %s with a 400", async (_case, part) => {
    const boundary = "----poort";
    const payload = Buffer.from(`--${boundary}\r\n${part}\r\n--${boundary}--\r\n`);
    const answer = await postStaffForm(payload, `multipart/form-data; boundary=${boundary}`);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe("malformed_request");
  });

  it("names a staff upload's file part that has no filename as any nameless file", async () => {
    const form = multipartBody(
      { category: "documents", title: "Akte", publish: "true" },
      { name: "akte.pdf", content: samplePdf() },
    );
    // The form parser takes an application/octet-stream part for a file, filename or not.
    const payload = Buffer.from(
      form.payload.toString("latin1").replace('; filename="akte.pdf"', ""),
      "latin1",
    );
    const answer = await postStaffForm(payload, form.contentType);
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json().fileName).toBe("document.pdf");
  });

  it.each([
    ["Upload-Concat", "partial"],
    ["Upload-Concat", "final;/api/portal/uploads/a /api/portal/uploads/b"],
  ])(
    "answers a tus upload asking for %s (an extension Poort does not offer) with a 400",
    async (header, value) => {
      await client.refreshCsrfToken();
      const answer = await client.send("POST", "/api/portal/uploads", undefined, {
        "tus-resumable": "1.0.0",
        "x-csrf-token": client.csrfToken ?? "",
        [header.toLowerCase()]: value,
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.code).toBe("malformed_request");
    },
  );

  // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf": the override reverses what follows it.
  const lyingName = "factuur\u202Efdp.exe\u200B\u2066\u2069\u200E\u061C\uFEFF.pdf";

  it("strips bidirectional and other format characters from a staff upload's name", async () => {
    const added = await addDocument(staff, dossierId, {
      category: "documents",
      title: "Factuur",
      name: lyingName,
      content: samplePdf(),
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().fileName).toBe("factuurfdp.exe.pdf");

    const download = await staff.get(`/api/office/documents/${added.json().id}/content`);
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="factuurfdp.exe.pdf"; filename*=UTF-8''factuurfdp.exe.pdf`,
    );
  });

  it("strips them from a client's tus upload's name too", async () => {
    const supplied = await supplyFile(client, dossierId, `scan\u202Efdp\u200D.exe`, samplePdf());
    expect(supplied.statusCode).toBe(200);
    expect(supplied.json().fileName).toBe("scanfdp.exe.pdf");
  });
});
