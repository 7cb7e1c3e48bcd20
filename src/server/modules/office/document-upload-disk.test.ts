import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { addDocument, multipartBody, samplePdf } from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";

/** A staff upload that is refused, for whatever reason, leaves nothing on the instance's disk. */
describe("a refused staff upload and the disk", () => {
  let subject: TestApp;
  let staff: ApiClient;
  let otherOfficesDossierId: string;
  let ownDossierId: string;

  const waitingFiles = () =>
    readdir(path.join(subject.services.config.dataDir, "uploads", "office")).catch(() => []);

  const upload = (dossierId: string, name = "akte.pdf", content = samplePdf()) =>
    addDocument(staff, dossierId, { category: "documents", title: "Akte", name, content });

  beforeAll(async () => {
    subject = await createTestApp("pglite");
    const own = await createTestOffice(subject, "Kantoor Amstel");
    const other = await createTestOffice(subject, "Kantoor Maas");
    staff = await createOfficeStaff(subject, own.id, "sara@amstel.nl");
    const otherStaff = await createOfficeStaff(subject, other.id, "piet@maas.nl");
    const dossier = { description: "Levering Kade 12, Amsterdam", clientIds: [] };
    ownDossierId = (await staff.post("/api/office/dossiers", { ...dossier, number: "1" })).json()
      .id;
    otherOfficesDossierId = (
      await otherStaff.post("/api/office/dossiers", { ...dossier, number: "2" })
    ).json().id;
  });
  afterAll(() => subject.close());

  it.each([
    ["an unknown dossier", () => randomUUID()],
    ["another office's dossier", () => otherOfficesDossierId],
  ])("answers an upload to %s with 404 and keeps no file", async (_case, dossierOf) => {
    const answer = await upload(dossierOf());
    expect(answer.statusCode).toBe(404);
    expect(await waitingFiles()).toEqual([]);
  });

  it("keeps no file of an upload refused after it arrived", async () => {
    const answer = await upload(ownDossierId, "notes.txt", Buffer.from("plain text"));
    expect(answer.statusCode).toBe(415);
    expect(await waitingFiles()).toEqual([]);
  });

  it("answers 404 for another office's dossier before the body has been sent", async () => {
    await subject.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = subject.app.server.address() as AddressInfo;
    const form = multipartBody(
      { category: "documents", title: "Akte", publish: "true" },
      { name: "akte.pdf", content: Buffer.alloc(5 * 1024 * 1024) },
    );
    const cookie = [...staff.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const sending = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: `/api/office/dossiers/${otherOfficesDossierId}/documents`,
      headers: {
        cookie,
        "x-csrf-token": staff.csrfToken ?? "",
        "content-type": form.contentType,
        "content-length": form.payload.length,
      },
    });
    // Only the fields and the start of the file: the rest never comes.
    sending.write(form.payload.subarray(0, 64 * 1024));
    const status = await new Promise<number | undefined>((resolve, reject) => {
      sending.on("response", (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      sending.on("error", reject);
      setTimeout(() => resolve(undefined), 3_000);
    });
    sending.destroy();
    expect(status).toBe(404);
    expect(await waitingFiles()).toEqual([]);
  });

  it("keeps no file of an upload to its own dossier that breaks off halfway", async () => {
    const form = multipartBody(
      { category: "documents", title: "Akte", publish: "true" },
      { name: "akte.pdf", content: Buffer.concat([samplePdf(), Buffer.alloc(5 * 1024 * 1024)]) },
    );
    const cookie = [...staff.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const sending = request({
      host: "127.0.0.1",
      port: (subject.app.server.address() as AddressInfo).port,
      method: "POST",
      path: `/api/office/dossiers/${ownDossierId}/documents`,
      headers: {
        cookie,
        "x-csrf-token": staff.csrfToken ?? "",
        "content-type": form.contentType,
        "content-length": form.payload.length,
      },
    });
    sending.on("error", () => {
      // The connection is broken off on purpose.
    });
    sending.write(form.payload.subarray(0, 1024 * 1024));
    // The server has begun to write the file; then the uploader's connection drops.
    await expect.poll(waitingFiles, { timeout: 10_000 }).toHaveLength(1);
    sending.destroy();
    await expect.poll(waitingFiles, { timeout: 10_000 }).toEqual([]);
  });
});
