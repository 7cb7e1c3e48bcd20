import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { clientIdNamed } from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

describe.each(testDatabaseKinds)("dossiers in the back office, on %s", (kind) => {
  let subject: TestApp;
  let admin: ApiClient;
  let handler: ApiClient;
  let handlerId: string;
  let jansenId: string;
  let bolId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject, "Kantoor Amstel");
    admin = await createOfficeStaff(subject, office.id, "sara@amstel.nl");
    handler = await createOfficeStaff(subject, office.id, "tom@amstel.nl", "handler");
    await createActiveClient(subject, office.id, "jan@example.nl", "person", "Jan Jansen");
    await createActiveClient(subject, office.id, "anna@bol.nl", "company", "Bakkerij Bol B.V.");
    jansenId = await clientIdNamed(admin, "Jan Jansen");
    bolId = await clientIdNamed(admin, "Bakkerij Bol B.V.");
    handlerId = (await handler.get("/api/session")).json().account.id;
  });
  afterAll(() => subject.close());

  it("creates a dossier with a progress list from a template, and refuses a second with its number", async () => {
    const created = await admin.post("/api/office/dossiers", {
      number: "2026.0142",
      description: "Levering Kade 12, Amsterdam",
      handlerId,
      clientIds: [jansenId],
      template: "property-transfer",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      number: "2026.0142",
      status: { key: "in-progress", label: null },
      handler: { id: handlerId, name: "Sara de Wit" },
      clients: [{ id: jansenId, name: "Jan Jansen", kind: "person" }],
      progress: { done: 0, total: 8 },
      documents: [],
    });
    expect(created.json().progress.steps[0].title).toBe("Koopovereenkomst ontvangen");

    const again = await admin.post("/api/office/dossiers", {
      number: "2026.0142",
      description: "Nog een",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("dossier_number_taken");
  });

  it("keeps the progress list as the office edits it: order, done dates, added steps", async () => {
    const [dossier] = (await admin.get("/api/office/dossiers?q=0142")).json().dossiers;
    const saved = await admin.send(
      "PUT",
      `/api/office/dossiers/${dossier.id}/progress`,
      {
        steps: [
          { title: "Kadaster en registers geraadpleegd", doneOn: "2026-11-20" },
          { title: "Koopovereenkomst ontvangen", doneOn: "2026-11-18" },
          { title: "Sleuteloverdracht", doneOn: null },
        ],
      },
      { "x-csrf-token": admin.csrfToken ?? "" },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ done: 2, total: 3 });
    const read = (await admin.get(`/api/office/dossiers/${dossier.id}`)).json();
    expect(read.progress.steps.map((step: { title: string }) => step.title)).toEqual([
      "Kadaster en registers geraadpleegd",
      "Koopovereenkomst ontvangen",
      "Sleuteloverdracht",
    ]);
    expect(read.progress.steps[0].doneOn).toBe("2026-11-20");
  });

  it("finds dossiers by number, description and client name, filters by status and handler, and pages", async () => {
    for (let index = 1; index <= 30; index += 1) {
      const response = await handler.post("/api/office/dossiers", {
        number: `2026.${String(1000 + index)}`,
        description: index % 2 === 0 ? `Testament nr ${index}` : `Oprichting BV nr ${index}`,
        status: index % 3 === 0 ? "completed" : "in-progress",
        clientIds: index === 7 ? [bolId] : [],
      });
      expect(response.statusCode).toBe(201);
    }
    const byNumber = (await admin.get("/api/office/dossiers?q=2026.1007")).json();
    expect(byNumber.dossiers.map((d: { number: string }) => d.number)).toEqual(["2026.1007"]);
    const byClient = (await admin.get("/api/office/dossiers?q=bakkerij")).json();
    expect(byClient.dossiers.map((d: { number: string }) => d.number)).toEqual(["2026.1007"]);
    const byDescription = (await admin.get("/api/office/dossiers?q=testament&pageSize=100")).json();
    expect(byDescription.total).toBe(15);

    const completed = (
      await admin.get("/api/office/dossiers?status=completed&pageSize=100")
    ).json();
    expect(completed.total).toBe(10);
    const handled = (await admin.get(`/api/office/dossiers?handler=${handlerId}`)).json();
    expect(handled.dossiers.map((d: { number: string }) => d.number)).toEqual(["2026.0142"]);
    const unassigned = (await admin.get("/api/office/dossiers?handler=none")).json();
    expect(unassigned.total).toBe(30);

    const page2 = (await admin.get("/api/office/dossiers?page=2&pageSize=25")).json();
    expect(page2).toMatchObject({ total: 31, page: 2, pageSize: 25 });
    expect(page2.dossiers).toHaveLength(6);
    // A percent sign is searched for literally, not as a wildcard.
    expect((await admin.get("/api/office/dossiers?q=%25")).json().total).toBe(0);
  });

  it("lets admins add statuses of the office's own, which dossiers can then have", async () => {
    const refused = await handler.post("/api/office/dossier-statuses", { label: "Wacht op bank" });
    expect(refused.statusCode).toBe(403);
    const added = await admin.post("/api/office/dossier-statuses", { label: "Wacht op bank" });
    expect(added.statusCode).toBe(201);
    const statusKey = added.json().key;

    const [dossier] = (await admin.get("/api/office/dossiers?q=2026.1007")).json().dossiers;
    const changed = await admin.send(
      "PATCH",
      `/api/office/dossiers/${dossier.id}`,
      { status: statusKey, description: "Oprichting Bol Holding B.V." },
      { "x-csrf-token": admin.csrfToken ?? "" },
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      status: { key: statusKey, label: "Wacht op bank" },
      description: "Oprichting Bol Holding B.V.",
    });
    const filtered = (await admin.get(`/api/office/dossiers?status=${statusKey}`)).json();
    expect(filtered.total).toBe(1);
  });

  it("refuses statuses, handlers and clients of another office, and hides its dossiers", async () => {
    const other = await createTestOffice(subject, "Kantoor Berkel");
    const otherAdmin = await createOfficeStaff(subject, other.id, "admin@berkel.nl");
    const otherStatus = (
      await otherAdmin.post("/api/office/dossier-statuses", { label: "Eigen status" })
    ).json().key;

    // Office A's admin with office B's status; office B's admin with office A's client.
    for (const [staff, wrong] of [
      [admin, { status: otherStatus }],
      [otherAdmin, { clientIds: [jansenId] }],
    ] as const) {
      const response = await staff.post("/api/office/dossiers", {
        number: "B-1",
        description: "Vreemde verwijzing",
        ...wrong,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("unknown_reference");
    }
    const withHandler = await otherAdmin.post("/api/office/dossiers", {
      number: "B-1",
      description: "Vreemde behandelaar",
      handlerId,
    });
    expect(withHandler.json().error.code).toBe("unknown_reference");

    const [dossier] = (await admin.get("/api/office/dossiers?q=0142")).json().dossiers;
    expect((await otherAdmin.get(`/api/office/dossiers/${dossier.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get("/api/office/dossiers")).json().total).toBe(0);
    const patch = await otherAdmin.send(
      "PATCH",
      `/api/office/dossiers/${dossier.id}`,
      { description: "Overgenomen" },
      { "x-csrf-token": otherAdmin.csrfToken ?? "" },
    );
    expect(patch.statusCode).toBe(404);
  });
});
