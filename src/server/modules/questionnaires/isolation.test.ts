import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { sendWithCsrf } from "#test/support/messages.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { seedStarterLibrary } from "./templates.ts";

const base = "/api/office/questionnaire-templates";

function definition(title: string): QuestionnaireDefinition {
  return {
    title: { nl: title, en: title },
    pages: [
      {
        id: "pagina",
        title: { nl: "Pagina", en: "Page" },
        items: [
          {
            kind: "question",
            id: "naam",
            type: "text",
            label: { nl: "Naam", en: "Name" },
            required: true,
          },
        ],
      },
    ],
  };
}

/**
 * Nobody reaches an office's questionnaire templates through any of their routes but its own
 * staff: another office's staff (its admins included) get "not found" for every id, as for a
 * guessed one; client accounts are refused, and so is anyone not logged in. The starter
 * library is every office's to read and copy, and no office's to change.
 */
describe.each(testDatabaseKinds)("questionnaire template isolation, on %s", (kind) => {
  let subject: TestApp;
  let adminA: ApiClient;
  let handlerA: ApiClient;
  let adminB: ApiClient;
  let clientA: ApiClient;
  let anonymous: ApiClient;
  let templateA: string;
  let libraryId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const officeA = await createTestOffice(subject, "Kantoor Amstel");
    const officeB = await createTestOffice(subject, "Kantoor Berkel");
    adminA = await createOfficeStaff(subject, officeA.id, "sara@amstel.nl");
    handlerA = await createOfficeStaff(subject, officeA.id, "tom@amstel.nl", "handler");
    adminB = await createOfficeStaff(subject, officeB.id, "admin@berkel.nl");
    clientA = await createActiveClient(subject, officeA.id, "jan@example.nl");
    anonymous = new ApiClient(subject.app);
    // Poort seeds its own starter library on start; this adds one of the test's own.
    await seedStarterLibrary(subject.services.database.db, subject.clock, [
      { key: "test-intake", definition: definition("Bibliotheek") },
    ]);
    templateA = (await adminA.post(base, definition("Van Amstel"))).json().id;
    libraryId = (await adminA.get(base))
      .json()
      .templates.find((item: { libraryKey?: string }) => item.libraryKey === "test-intake").id;
    expect(templateA, "set-up").toEqual(expect.any(String));
  });
  afterAll(() => subject.close());

  /** Every route about one template, each with what a permitted admin would send. */
  const templateRoutes = (browser: ApiClient, id: string) => ({
    read: () => browser.get(`${base}/${id}`),
    readVersion: () => browser.get(`${base}/${id}/versions/1`),
    save: () => sendWithCsrf(browser, "PUT", `${base}/${id}`, definition("Overgenomen")),
    copy: () => browser.post(`${base}/${id}/copy`),
    archive: () => browser.post(`${base}/${id}/archived`),
    unarchive: () => sendWithCsrf(browser, "DELETE", `${base}/${id}/archived`),
  });
  /** The routes about no template in particular. */
  const listRoutes = (browser: ApiClient) => ({
    list: () => browser.get(base),
    create: () => browser.post(base, definition("Nieuw")),
  });

  const statuses = async (routes: Record<string, () => Promise<{ statusCode: number }>>) => {
    const found: Record<string, number> = {};
    for (const [name, route] of Object.entries(routes)) found[name] = (await route()).statusCode;
    return found;
  };
  const listedIds = async (browser: ApiClient) =>
    (await browser.get(`${base}?archived=include`))
      .json()
      .templates.map((item: { id: string }) => item.id);

  it("answers another office's staff, admins too, not found for every route of a template", async () => {
    expect(await statuses(templateRoutes(adminB, templateA))).toEqual({
      read: 404,
      readVersion: 404,
      save: 404,
      copy: 404,
      archive: 404,
      unarchive: 404,
    });
    expect(await listedIds(adminB)).not.toContain(templateA);
    // Nothing changed for the office itself.
    expect((await adminA.get(`${base}/${templateA}`)).json()).toMatchObject({
      title: { nl: "Van Amstel" },
      version: 1,
      archived: false,
    });
  });

  it("answers a guessed id not found, as another office's", async () => {
    expect(await statuses(templateRoutes(adminA, randomUUID()))).toEqual({
      read: 404,
      readVersion: 404,
      save: 404,
      copy: 404,
      archive: 404,
      unarchive: 404,
    });
  });

  it("refuses client accounts every route, and anyone not logged in", async () => {
    for (const [browser, status] of [
      [clientA, 403],
      [anonymous, 401],
    ] as const) {
      expect(Object.values(await statuses(listRoutes(browser)))).toEqual([status, status]);
      expect(Object.values(await statuses(templateRoutes(browser, templateA)))).toEqual(
        Array(6).fill(status),
      );
      expect(Object.values(await statuses(templateRoutes(browser, libraryId)))).toEqual(
        Array(6).fill(status),
      );
    }
  });

  it("shows the library to both offices, lets both copy it, and neither change it", async () => {
    for (const admin of [adminA, adminB]) {
      expect(await listedIds(admin)).toContain(libraryId);
      const routes = templateRoutes(admin, libraryId);
      expect(await statuses(routes)).toEqual({
        read: 200,
        readVersion: 200,
        save: 403,
        copy: 201,
        archive: 403,
        unarchive: 403,
      });
    }
    // Each office's copy is its own.
    const copiesOf = async (admin: ApiClient) =>
      (await admin.get(base))
        .json()
        .templates.filter((item: { title: { nl: string }; library: boolean }) => !item.library)
        .filter((item: { title: { nl: string } }) => item.title.nl === "Bibliotheek")
        .map((item: { id: string }) => item.id);
    const [copyA] = await copiesOf(adminA);
    const [copyB] = await copiesOf(adminB);
    expect(copyA).toBeDefined();
    expect(copyB).toBeDefined();
    expect(await listedIds(adminA)).not.toContain(copyB);
    expect(await statuses(templateRoutes(adminA, copyB ?? ""))).toMatchObject({ read: 404 });
    expect((await adminA.get(`${base}/${libraryId}`)).json()).toMatchObject({ version: 1 });
  });

  it("lets the office's other staff read its templates, and nothing more", async () => {
    expect(await statuses(templateRoutes(handlerA, templateA))).toEqual({
      read: 200,
      readVersion: 200,
      save: 403,
      copy: 403,
      archive: 403,
      unarchive: 403,
    });
    expect(await statuses(listRoutes(handlerA))).toEqual({ list: 200, create: 403 });
  });
});
