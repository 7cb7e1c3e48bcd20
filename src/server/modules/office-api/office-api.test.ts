import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import {
  createServicedeskStaff,
  type MtlsListener,
  mtlsRequest,
  startMtlsListener,
} from "#test/support/certificates.ts";
import {
  type OfficeApi,
  type OfficeWithCertificate,
  officeApi,
  officeWithCertificate,
} from "#test/support/office-api.ts";
import { lastMailTo } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * The office API on the mTLS listener (issue 16), with a real TLS client holding an office
 * certificate: the office's software creates a dossier and invites a client as staff would; an
 * Idempotency-Key replays the first answer; every call is audited with the certificate's serial;
 * another office's certificate reaches nothing of this office; a revoked certificate is turned
 * away at once.
 */
describe.each(testDatabaseKinds)("the office API, on %s", (kind) => {
  let subject: TestApp;
  let listener: MtlsListener;
  let servicedesk: ApiClient;
  let officeA: OfficeWithCertificate;
  let officeB: OfficeWithCertificate;
  let apiA: OfficeApi;
  let apiB: OfficeApi;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
    officeA = await officeWithCertificate(subject, servicedesk, "Notariskantoor Van Dam");
    officeB = await officeWithCertificate(subject, servicedesk, "Notariaat Elders");
    listener = await startMtlsListener(subject);
    apiA = officeApi(listener, officeA.identity);
    apiB = officeApi(listener, officeB.identity);
  });
  afterAll(async () => {
    await listener.close();
    await subject.close();
  });

  async function createDossier(
    api: OfficeApi,
    number: string,
    headers: Record<string, string> = {},
  ) {
    return api.post(
      "/api/office/v1/dossiers",
      { number, description: "Levering Dorpsstraat 3", template: "property-transfer" },
      headers,
    );
  }

  it("creates a dossier with a progress list, which the office's software then changes", async () => {
    const created = await createDossier(apiA, "2026.0501");
    expect(created.status).toBe(201);
    const dossier = created.json();
    expect(dossier).toMatchObject({ number: "2026.0501", status: { key: "in-progress" } });
    expect(dossier.progress.total).toBeGreaterThan(0);

    const changed = await apiA.patch(`/api/office/v1/dossiers/${dossier.id}`, {
      status: "completed",
    });
    expect(changed.status).toBe(200);
    expect(changed.json().status.key).toBe("completed");
    const listed = await apiA.get("/api/office/v1/dossiers?q=2026.0501&status=completed");
    expect(listed.json().dossiers.map((item: { id: string }) => item.id)).toEqual([dossier.id]);
  });

  it("invites a client, who gets the office's mail; the invitation's state can be followed", async () => {
    const invited = await apiA.post("/api/office/v1/clients", {
      kind: "company",
      name: "Bakkerij Bol B.V.",
      contactName: "Anna Bol",
      kvkNumber: "90000006",
      email: "anna@bol.example.nl",
    });
    expect(invited.status).toBe(201);
    expect(invited.json()).toMatchObject({
      invitation: "pending",
      client: { kvkNumber: "90000006" },
    });
    expect((await lastMailTo(subject, "anna@bol.example.nl")).subject).toBe(
      "Uw account bij Notariskantoor Van Dam",
    );
    const state = await apiA.get(`/api/office/v1/clients/accounts/${invited.json().id}`);
    expect(state.json().invitation).toBe("pending");
  });

  it("replays the first answer for the same Idempotency-Key, and refuses it for another request", async () => {
    const key = { "idempotency-key": "praktijk-2026.0502-aanmaken" };
    const first = await createDossier(apiA, "2026.0502", key);
    expect(first.status).toBe(201);
    const again = await createDossier(apiA, "2026.0502", key);
    expect(again.status).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const listed = await apiA.get("/api/office/v1/dossiers?q=2026.0502");
    expect(listed.json().total).toBe(1);
    const other = await createDossier(apiA, "2026.0503", key);
    expect(other.status).toBe(422);
    expect(other.json().error.code).toBe("idempotency_key_reused");
    // Keys are the office's own: another office may use the same one.
    expect((await createDossier(apiB, "2026.0502", key)).status).toBe(201);
  });

  it("audits every call with the certificate's serial and the route", async () => {
    await apiA.get("/api/office/v1/dossier-options");
    const rows = await subject.services.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "office-api.call"), eq(auditEvents.subjectId, officeA.officeId)),
      );
    const options = rows.find(
      (row) => (row.details as { route?: string }).route === "/api/office/v1/dossier-options",
    );
    expect(options?.actorType).toBe("office");
    expect(options?.actorId).toMatch(/^[0-9a-f]+$/);
    expect(options?.details).toMatchObject({ method: "GET", status: 200 });
  });

  it("lets another office's certificate read or change nothing of this office", async () => {
    const dossier = (await createDossier(apiA, "2026.0504")).json();
    const clients = (await apiA.get("/api/office/v1/clients")).json().accounts;
    const account = clients[0];
    const attempts = [
      apiB.get(`/api/office/v1/dossiers/${dossier.id}`),
      apiB.patch(`/api/office/v1/dossiers/${dossier.id}`, { description: "Overgenomen" }),
      apiB.put(`/api/office/v1/dossiers/${dossier.id}/progress`, { steps: [] }),
      apiB.get(`/api/office/v1/clients/accounts/${account.id}`),
      apiB.put(`/api/office/v1/clients/${account.client.id}/kvk-number`, { kvkNumber: null }),
    ];
    for (const answer of await Promise.all(attempts)) expect(answer.status).toBe(404);
    const seen = (await apiB.get("/api/office/v1/dossiers?q=2026.0504")).json();
    expect(seen.total).toBe(0);
    expect((await apiB.get("/api/office/v1/clients")).json().accounts).toEqual([]);
    // A client id of office A cannot be linked to a dossier of office B either.
    const foreign = await apiB.post("/api/office/v1/dossiers", {
      number: "2026.0900",
      description: "Poging",
      clientIds: [account.client.id],
    });
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.status).toBeLessThan(500);
  });

  it("refuses a call without a certificate, a browser's forged one, and a revoked certificate at once", async () => {
    const anonymous = await mtlsRequest(listener, "/api/office/v1/dossiers");
    expect(anonymous.status).toBe(403);
    expect(anonymous.json().error.code).toBe("certificate_missing");

    // A browser that holds the certificate, sent here by another site's page, is refused.
    const forged = await apiA.post(
      "/api/office/v1/dossiers",
      { number: "2026.0666", description: "Vals" },
      {
        origin: "https://kwaadaardig.example",
        "sec-fetch-site": "cross-site",
      },
    );
    expect(forged.status).toBe(403);
    expect(forged.json().error.code).toBe("csrf_failed");

    const office = await officeWithCertificate(subject, servicedesk, "Notariaat Ingetrokken");
    const api = officeApi(listener, office.identity);
    expect((await api.get("/api/office/v1/dossiers")).status).toBe(200);
    const detail = (await servicedesk.get(`/api/servicedesk/offices/${office.officeId}`)).json();
    const revoked = await servicedesk.post(
      `/api/servicedesk/certificates/${detail.certificates[0].id}/revoke`,
      { reason: "keyCompromise" },
    );
    expect(revoked.statusCode).toBe(200);
    const after = await api.get("/api/office/v1/dossiers");
    expect(after.status).toBe(403);
    expect(after.json().error.code).toBe("certificate_revoked");
  });
});
