import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createServicedeskStaff,
  type MtlsListener,
  startMtlsListener,
} from "#test/support/certificates.ts";
import { type OfficeWithCertificate, officeWithCertificate } from "#test/support/office-api.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { documentText, officeApiDocument } from "../../scripts/office-api-sdk.ts";
import {
  createOfficeApiClient,
  idempotencyKey,
  type OfficeApiClient,
} from "../../sdk/office-api/client.ts";

/**
 * The office API's client SDK (`sdk/office-api/`, `npm run sdk`): its OpenAPI document is the
 * one the mTLS listener serves now, and its typed client drives a real listener with an office
 * certificate over TLS.
 */
describe("the office API's client SDK", () => {
  let subject: TestApp;
  let listener: MtlsListener;
  let office: OfficeWithCertificate;
  let client: OfficeApiClient;

  beforeAll(async () => {
    subject = await createTestApp("pglite");
    const servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
    office = await officeWithCertificate(subject, servicedesk, "De Vries & Partners Notarissen");
    listener = await startMtlsListener(subject);
    client = createOfficeApiClient({
      baseUrl: `https://localhost:${listener.port}`,
      pfx: office.identity.pfx ?? Buffer.alloc(0),
      passphrase: office.identity.passphrase ?? "",
      ca: listener.ca,
    });
  });
  afterAll(async () => {
    await client?.close();
    await listener?.close();
    await subject?.close();
  });

  it("keeps sdk/office-api/openapi.json equal to the document the server generates", async () => {
    const committed = await readFile(
      new URL("../../sdk/office-api/openapi.json", import.meta.url),
      "utf8",
    );
    const generated = documentText(await officeApiDocument(subject.services));
    expect(
      committed === generated,
      "sdk/office-api/openapi.json is not what the server describes now: run `npm run sdk`",
    ).toBe(true);
  });

  it("creates a dossier and lists it, typed, over TLS with the office certificate", async () => {
    const created = await client.POST("/api/office/v1/dossiers", {
      body: { number: "2026.0901", description: "Levering Kerkstraat 9", template: "will" },
      headers: idempotencyKey("sdk-test-2026.0901"),
    });
    expect(created.response.status).toBe(201);
    const dossier = created.data;
    if (!dossier) throw new Error(`not created: ${JSON.stringify(created.error)}`);
    expect(dossier.number).toBe("2026.0901");

    // The same key replays the first answer.
    const again = await client.POST("/api/office/v1/dossiers", {
      body: { number: "2026.0901", description: "Levering Kerkstraat 9", template: "will" },
      headers: idempotencyKey("sdk-test-2026.0901"),
    });
    expect(again.data?.id).toBe(dossier.id);

    const listed = await client.GET("/api/office/v1/dossiers", {
      params: { query: { q: "2026.0901" } },
    });
    expect(listed.data?.dossiers.map((item) => item.id)).toEqual([dossier.id]);

    const one = await client.GET("/api/office/v1/dossiers/{dossierId}", {
      params: { path: { dossierId: dossier.id } },
    });
    expect(one.data?.description).toBe("Levering Kerkstraat 9");
  });

  it("answers a refusal as the typed error body", async () => {
    const missing = await client.GET("/api/office/v1/dossiers/{dossierId}", {
      params: { path: { dossierId: "00000000-0000-4000-8000-000000000000" } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.data).toBeUndefined();
    expect(JSON.stringify(missing.error)).toContain("not_found");
  });
});
