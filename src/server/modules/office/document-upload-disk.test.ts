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

  /** A form whose file part is whole but whose end is broken, by `end`, of its boundary. */
  const brokenForm = (end: (boundary: string) => string) => {
    const form = multipartBody(
      { category: "documents", title: "Akte", publish: "true" },
      { name: "akte.pdf", content: samplePdf() },
    );
    const boundary = form.contentType.slice(form.contentType.indexOf("boundary=") + 9);
    const closing = Buffer.byteLength(`\r\n--${boundary}--\r\n`);
    const payload = Buffer.concat([
      form.payload.subarray(0, form.payload.length - closing),
      Buffer.from(end(boundary), "latin1"),
    ]);
    return { payload, contentType: form.contentType };
  };
  const brokenForms = [
    ["that ends after the file part, without its closing boundary", () => ""],
    ["that ends after the file part and its line break", () => "\r\n"],
    [
      "whose closing boundary has a NUL in it",
      (boundary: string) => `\r\n--${boundary.slice(0, 8)}\u0000${boundary.slice(8)}--\r\n`,
    ],
    ["whose closing boundary lacks its dashes", (boundary: string) => `\r\n--${boundary}\r\n`],
    [
      "whose closing boundary's dashes are spoilt",
      (boundary: string) => `\r\n--${boundary}\u0000--\r\n`,
    ],
  ] as const;

  /** The address of the test app listening on a real socket (it starts listening once). */
  const portOf = async () => {
    if (!subject.app.server.listening) await subject.app.listen({ host: "127.0.0.1", port: 0 });
    return (subject.app.server.address() as AddressInfo).port;
  };

  /**
   * Starts an upload to the own dossier over a socket, announcing `length` bytes of body; the
   * answer's status and body, or undefined when none came within `waitMs`.
   */
  const startOverSocket = async (contentType: string, length: number, waitMs = 5_000) => {
    const cookie = [...staff.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const sending = request({
      host: "127.0.0.1",
      port: await portOf(),
      method: "POST",
      path: `/api/office/dossiers/${ownDossierId}/documents`,
      headers: {
        cookie,
        "x-csrf-token": staff.csrfToken ?? "",
        "content-type": contentType,
        "content-length": length,
      },
    });
    const answer = new Promise<{ status?: number; body: string } | undefined>((resolve, reject) => {
      sending.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString() }),
        );
      });
      sending.on("error", reject);
      setTimeout(() => resolve(undefined), waitMs);
    });
    return { sending, answer };
  };

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

  it.each(brokenForms)(
    "answers a form %s with 400 and keeps no file",
    async (_case, end) => {
      const form = brokenForm(end);
      const answer = await Promise.race([
        staff.send("POST", `/api/office/dossiers/${ownDossierId}/documents`, form.payload, {
          "content-type": form.contentType,
          "x-csrf-token": staff.csrfToken ?? "",
        }),
        new Promise<undefined>((resolve) => setTimeout(resolve, 5_000)),
      ]);
      expect(answer?.statusCode).toBe(400);
      expect(answer?.json().error.code).toBe("malformed_request");
      expect(await waitingFiles()).toEqual([]);
    },
    10_000,
  );

  it.each([brokenForms[0], brokenForms[2]])(
    "answers a form %s over a socket with 400 and keeps no file",
    async (_case, end) => {
      const form = brokenForm(end);
      const { sending, answer } = await startOverSocket(form.contentType, form.payload.length);
      sending.end(form.payload);
      const answered = await answer;
      sending.destroy();
      expect(answered?.status).toBe(400);
      expect(JSON.parse(answered?.body ?? "{}").error?.code).toBe("malformed_request");
      expect(await waitingFiles()).toEqual([]);
    },
    10_000,
  );

  it("answers 400 to a form whose body ends without its closing boundary while the file is written", async () => {
    const form = multipartBody(
      { category: "documents", title: "Akte", publish: "true" },
      { name: "akte.pdf", content: Buffer.concat([samplePdf(), Buffer.alloc(3 * 1024 * 1024)]) },
    );
    const boundary = form.contentType.slice(form.contentType.indexOf("boundary=") + 9);
    const body = form.payload.subarray(
      0,
      form.payload.length - Buffer.byteLength(`\r\n--${boundary}--\r\n`),
    );
    const { sending, answer } = await startOverSocket(form.contentType, body.length, 8_000);
    sending.write(body.subarray(0, 1024 * 1024));
    // The server has begun to write the file; then the rest of the body comes, but no boundary.
    await expect.poll(waitingFiles, { timeout: 5_000 }).toHaveLength(1);
    sending.end(body.subarray(1024 * 1024));
    const answered = await answer;
    sending.destroy();
    expect(answered?.status).toBe(400);
    expect(JSON.parse(answered?.body ?? "{}").error?.code).toBe("malformed_request");
    expect(await waitingFiles()).toEqual([]);
  }, 15_000);

  it("answers 404 for another office's dossier before the body has been sent", async () => {
    const port = await portOf();
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
