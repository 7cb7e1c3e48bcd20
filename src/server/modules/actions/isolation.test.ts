import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateByMail,
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
} from "#test/support/accounts.ts";
import { createQuestionnaire, savePage } from "#test/support/actions.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { clientIdNamed, samplePdf } from "#test/support/dossiers.ts";
import { sendWithCsrf, uploadMessageAttachment } from "#test/support/messages.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

const GUESSED = "00000000-0000-4000-8000-000000000000";

/**
 * Nobody reaches an action that is not theirs, through any endpoint, knowing its id or guessing
 * one: the dossier's other client, another client of the office, another office's clients and
 * staff. A company's extra account shares the company's. Every refusal is "not found", so an
 * id tells nothing; clients stay out of the back office's routes and staff out of the portal's.
 */
describe.each(testDatabaseKinds)("action isolation, on %s", (kind) => {
  let subject: TestApp;
  let staffA: ApiClient;
  let staffB: ApiClient;
  let jan: ApiClient;
  let piet: ApiClient;
  let pieters: ApiClient;
  let kees: ApiClient;
  let dossierId: string;
  let dossierB: string;
  let templateA: string;
  let templateB: string;
  let janQuestionnaire: string;
  let bolRequest: string;
  let bolItem: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const officeA = await createTestOffice(subject, "Kantoor Amstel");
    const officeB = await createTestOffice(subject, "Kantoor Berkel");
    staffA = await createOfficeStaff(subject, officeA.id, "sara@amstel.nl");
    staffB = await createOfficeStaff(subject, officeB.id, "admin@berkel.nl");
    jan = await createActiveClient(subject, officeA.id, "jan@example.nl", "person", "Jan Jansen");
    const anna = await createActiveClient(subject, officeA.id, "anna@bol.nl", "company", "Bol");
    await anna.post("/api/me/extra-accounts", { name: "Piet Bol", email: "piet@bol.nl" });
    piet = await activateByMail(subject, "piet@bol.nl");
    pieters = await createActiveClient(subject, officeA.id, "p@example.nl", "person", "Pieters");
    kees = await createActiveClient(subject, officeB.id, "kees@example.nl", "person", "Kees");
    dossierId = (
      await staffA.post("/api/office/dossiers", {
        number: "A-1",
        description: "Twee kopers",
        clientIds: [await clientIdNamed(staffA, "Jan Jansen"), await clientIdNamed(staffA, "Bol")],
      })
    ).json().id;
    await staffA.post("/api/office/dossiers", {
      number: "A-2",
      description: "Pieters",
      clientIds: [await clientIdNamed(staffA, "Pieters")],
    });
    dossierB = (
      await staffB.post("/api/office/dossiers", {
        number: "B-1",
        description: "Kees",
        clientIds: [await clientIdNamed(staffB, "Kees")],
      })
    ).json().id;
    templateA = await createQuestionnaire(staffA);
    templateB = await createQuestionnaire(staffB);
    janQuestionnaire = (
      await staffA.post(`/api/office/dossiers/${dossierId}/actions`, {
        kind: "questionnaire",
        templateId: templateA,
        clientIds: [await clientIdNamed(staffA, "Jan Jansen")],
      })
    ).json().actions[0].id;
    const request = (
      await staffA.post(`/api/office/dossiers/${dossierId}/actions`, {
        kind: "upload-request",
        title: "Stukken",
        items: [{ label: "Paspoort", required: true }],
        clientIds: [await clientIdNamed(staffA, "Bol")],
      })
    ).json().actions[0];
    bolRequest = request.id;
    bolItem = request.items[0].id;
  });
  afterAll(() => subject.close());

  /** Every portal route about one action, by what it answers. */
  const portalRoutes = (client: ApiClient, actionId: string, itemId = bolItem) => [
    () => client.get(`/api/portal/actions/${actionId}`),
    () => client.get(`/api/portal/actions/${actionId}/questionnaire`),
    () => savePage(client, actionId, "persoon", { naam: "Indringer" }),
    () => client.post(`/api/portal/actions/${actionId}/completion`),
    () =>
      sendWithCsrf(client, "PUT", `/api/portal/actions/${actionId}/items/${itemId}`, {
        documentId: GUESSED,
      }),
  ];

  /** Every back-office route about one action. */
  const officeRoutes = (staff: ApiClient, actionId: string) => [
    () => staff.get(`/api/office/actions/${actionId}`),
    () => staff.get(`/api/office/actions/${actionId}/answers`),
    () => staff.get(`/api/office/actions/${actionId}/answers.csv`),
    () => staff.get(`/api/office/actions/${actionId}/answers.json`),
    () => staff.post(`/api/office/actions/${actionId}/reminder`),
    () => staff.post(`/api/office/actions/${actionId}/withdrawal`),
  ];

  it("shows each client its own actions, a company's to all its accounts, and no one else's", async () => {
    const ids = async (client: ApiClient) =>
      (await client.get("/api/portal/actions"))
        .json()
        .actions.map((action: { id: string }) => action.id);
    expect(await ids(jan)).toEqual([janQuestionnaire]);
    expect(await ids(piet)).toEqual([bolRequest]);
    expect(await ids(pieters)).toEqual([]);
    expect(await ids(kees)).toEqual([]);
    expect((await piet.get(`/api/portal/actions/${bolRequest}`)).statusCode).toBe(200);
    for (const outsider of [piet, pieters, kees]) {
      for (const route of portalRoutes(outsider, janQuestionnaire)) {
        expect((await route()).statusCode).toBe(404);
      }
    }
    for (const outsider of [jan, pieters, kees]) {
      for (const route of portalRoutes(outsider, bolRequest)) {
        expect((await route()).statusCode).toBe(404);
      }
    }
    for (const route of portalRoutes(jan, GUESSED)) expect((await route()).statusCode).toBe(404);
    expect((await kees.get("/api/portal/overview")).json().actions.open).toBe(0);
  });

  it("lets nobody answer an item with a file that is not their own draft", async () => {
    const janDraft = (await uploadMessageAttachment(jan, dossierId, "jan.pdf", samplePdf())).json()
      .id;
    const borrowed = await sendWithCsrf(
      piet,
      "PUT",
      `/api/portal/actions/${bolRequest}/items/${bolItem}`,
      { documentId: janDraft },
    );
    expect(borrowed.statusCode).toBe(400);
    const wrongItem = await sendWithCsrf(
      piet,
      "PUT",
      `/api/portal/actions/${bolRequest}/items/${GUESSED}`,
      { documentId: janDraft },
    );
    expect(wrongItem.statusCode).toBe(404);
  });

  it("keeps another office's staff out of every back-office route of the actions", async () => {
    for (const actionId of [janQuestionnaire, bolRequest, GUESSED]) {
      for (const route of officeRoutes(staffB, actionId)) {
        expect((await route()).statusCode).toBe(404);
      }
    }
    expect((await staffB.get(`/api/office/dossiers/${dossierId}/actions`)).statusCode).toBe(404);
    const intoA = await staffB.post(`/api/office/dossiers/${dossierId}/actions`, {
      kind: "questionnaire",
      templateId: templateB,
      clientIds: [await clientIdNamed(staffA, "Jan Jansen")],
    });
    expect(intoA.statusCode).toBe(404);
    // Its own dossier, but another office's template or client.
    const borrowedTemplate = await staffB.post(`/api/office/dossiers/${dossierB}/actions`, {
      kind: "questionnaire",
      templateId: templateA,
      clientIds: [await clientIdNamed(staffB, "Kees")],
    });
    expect(borrowedTemplate.statusCode).toBe(400);
    const borrowedClient = await staffB.post(`/api/office/dossiers/${dossierB}/actions`, {
      kind: "questionnaire",
      templateId: templateB,
      clientIds: [await clientIdNamed(staffA, "Jan Jansen")],
    });
    expect(borrowedClient.statusCode).toBe(400);
  });

  it("keeps clients out of the back office's actions and staff out of the portal's", async () => {
    for (const route of officeRoutes(jan, janQuestionnaire)) {
      expect((await route()).statusCode).toBe(403);
    }
    expect((await jan.get(`/api/office/dossiers/${dossierId}/actions`)).statusCode).toBe(403);
    for (const route of portalRoutes(staffA, janQuestionnaire)) {
      expect((await route()).statusCode).toBe(403);
    }
    const anonymous = new ApiClient(subject.app);
    expect((await anonymous.get("/api/portal/actions")).statusCode).toBe(401);
    expect((await anonymous.get(`/api/office/actions/${janQuestionnaire}`)).statusCode).toBe(401);
  });
});
