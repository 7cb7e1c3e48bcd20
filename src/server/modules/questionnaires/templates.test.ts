import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import { createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { sendWithCsrf } from "#test/support/messages.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { sameDefinition, seedStarterLibrary } from "./templates.ts";

const t = (nl: string, en: string) => ({ nl, en });

/** Three pages: a yes/no that shows a later page, a repeating group, a choice with a condition. */
function willIntake(title = t("Intake testament", "Will intake")): QuestionnaireDefinition {
  return {
    title,
    description: t("Vragen voor uw testament.", "Questions for your will."),
    pages: [
      {
        id: "personalia",
        title: t("Uw gegevens", "Your details"),
        items: [
          {
            kind: "question",
            id: "naam",
            type: "text",
            label: t("Uw naam", "Your name"),
            required: true,
          },
          {
            kind: "question",
            id: "kinderen",
            type: "yesNo",
            label: t("Heeft u kinderen?", "Do you have children?"),
            help: t("Ook kinderen die niet meer leven.", "Also children who have died."),
            required: true,
          },
        ],
      },
      {
        id: "kinderen_pagina",
        title: t("Uw kinderen", "Your children"),
        condition: { questionId: "kinderen", equals: true },
        items: [
          {
            kind: "group",
            id: "kind",
            label: t("Kinderen", "Children"),
            itemLabel: t("Kind", "Child"),
            minItems: 1,
            maxItems: 10,
            questions: [
              {
                kind: "question",
                id: "kind_naam",
                type: "text",
                label: t("Naam", "Name"),
                required: true,
              },
              {
                kind: "question",
                id: "kind_geboortedatum",
                type: "date",
                label: t("Geboortedatum", "Date of birth"),
                required: false,
              },
            ],
          },
        ],
      },
      {
        id: "wensen",
        title: t("Uw wensen", "Your wishes"),
        items: [
          {
            kind: "question",
            id: "executeur",
            type: "singleChoice",
            label: t("Wilt u een executeur?", "Do you want an executor?"),
            required: true,
            options: [
              { value: "ja", label: t("Ja", "Yes") },
              { value: "nee", label: t("Nee", "No") },
            ],
          },
          {
            kind: "question",
            id: "executeur_naam",
            type: "text",
            label: t("Naam van de executeur", "Name of the executor"),
            required: true,
            condition: { questionId: "executeur", equals: "ja" },
          },
        ],
      },
    ],
  };
}

describe.each(testDatabaseKinds)("questionnaire templates, on %s", (kind) => {
  let subject: TestApp;
  let admin: ApiClient;
  let handler: ApiClient;
  let libraryId: string;

  const base = "/api/office/questionnaire-templates";
  const audited = async (action: string, subjectId: string) =>
    subject.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)));

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject, "Kantoor Amstel");
    admin = await createOfficeStaff(subject, office.id, "sara@amstel.nl");
    handler = await createOfficeStaff(subject, office.id, "tom@amstel.nl", "handler");
    // Poort seeds its own starter library on start; these tests add one of their own keys.
    await seedStarterLibrary(subject.services.database.db, subject.clock, [
      { key: "test-will", definition: willIntake(t("Bibliotheek: testament", "Library: will")) },
    ]);
    const list = (await admin.get(base)).json().templates;
    libraryId = list.find((item: { libraryKey?: string }) => item.libraryKey === "test-will").id;
  });
  afterAll(() => subject.close());

  it("creates a template: version 1 with its counts, listed before the library", async () => {
    const created = await admin.post(base, willIntake());
    expect(created.statusCode).toBe(201);
    const template = created.json();
    expect(template).toMatchObject({
      title: { nl: "Intake testament", en: "Will intake" },
      version: 1,
      pageCount: 3,
      // naam, kinderen, the group's two, executeur, executeur_naam
      questionCount: 6,
      library: false,
      archived: false,
      copiedFromTemplateId: null,
      updatedAt: "2026-11-23T10:00:00.000Z",
      versions: [
        { version: 1, createdAt: "2026-11-23T10:00:00.000Z", createdByName: "Sara de Wit" },
      ],
    });
    expect(template.libraryKey).toBeUndefined();
    expect(sameDefinition(template.definition, willIntake())).toBe(true);
    expect(await audited("questionnaire-template.created", template.id)).toHaveLength(1);

    const list: Array<{ title: { nl: string }; library: boolean; libraryKey?: string }> = (
      await handler.get(base)
    ).json().templates;
    // The office's own first, then the library's.
    expect(list[0]).toMatchObject({ title: { nl: "Intake testament" }, library: false });
    expect(list.slice(1).every((item) => item.library)).toBe(true);
    expect(list.find((item) => item.libraryKey === "test-will")).toMatchObject({
      title: { nl: "Bibliotheek: testament" },
      version: 1,
    });
  });

  it("adds a version for a change, none for the same definition, and keeps version 1 as it was", async () => {
    const { id } = (await admin.post(base, willIntake(t("Te wijzigen", "To change")))).json();
    subject.clock.advance(60_000);

    // Sent again unchanged (keys in another order): no new version.
    const { pages, description, title } = willIntake(t("Te wijzigen", "To change"));
    const same = await sendWithCsrf(admin, "PUT", `${base}/${id}`, { pages, title, description });
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(1);

    const changed = willIntake(t("Te wijzigen", "To change"));
    const firstItem = changed.pages[0]?.items[0];
    if (firstItem?.kind !== "question") throw new Error("fixture");
    firstItem.label = t("Uw volledige naam", "Your full name");
    const saved = await sendWithCsrf(admin, "PUT", `${base}/${id}`, changed);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      updatedAt: "2026-11-23T10:01:00.000Z",
      versions: [
        { version: 2, createdByName: "Sara de Wit" },
        { version: 1, createdByName: "Sara de Wit" },
      ],
    });
    expect(saved.json().definition.pages[0].items[0].label.nl).toBe("Uw volledige naam");
    expect(await audited("questionnaire-template.changed", id)).toHaveLength(1);

    const first = await handler.get(`${base}/${id}/versions/1`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ templateId: id, version: 1 });
    expect(first.json().definition.pages[0].items[0].label.nl).toBe("Uw naam");
    expect((await handler.get(`${base}/${id}/versions/2`)).json().definition).toEqual(
      saved.json().definition,
    );
    expect((await handler.get(`${base}/${id}/versions/3`)).statusCode).toBe(404);
    expect((await handler.get(`${base}/${id}`)).json().version).toBe(2);
  });

  it("refuses a definition that cannot be filled in, with the code at the field", async () => {
    const wrong = willIntake();
    const [first, , third] = wrong.pages;
    if (!first || !third) throw new Error("fixture");
    // A condition on a question that comes later, and an English label left empty.
    first.condition = { questionId: "executeur", equals: "ja" };
    const executeur = third.items[0];
    if (executeur?.kind !== "question") throw new Error("fixture");
    executeur.label.en = " ";
    const refused = await admin.post(base, wrong);
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json();
    expect(error.code).toBe("validation_failed");
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "body.pages.0.condition.questionId",
          message: "condition_must_reference_earlier_question",
        }),
        expect.objectContaining({ path: "body.pages.2.items.0.label.en", code: "too_small" }),
      ]),
    );

    const oneOption = willIntake();
    const choice = oneOption.pages[2]?.items[0];
    if (choice?.kind !== "question") throw new Error("fixture");
    choice.options = [{ value: "ja", label: t("Ja", "Yes") }];
    const tooFew = await admin.post(base, oneOption);
    expect(tooFew.json().error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "body.pages.2.items.0.options",
          message: "too_few_options",
        }),
      ]),
    );
  });

  it("copies a library template into the office's own, version 1, which the office may change", async () => {
    const copied = await admin.post(`${base}/${libraryId}/copy`);
    expect(copied.statusCode).toBe(201);
    const copy = copied.json();
    expect(copy).toMatchObject({
      title: { nl: "Bibliotheek: testament" },
      version: 1,
      library: false,
      copiedFromTemplateId: libraryId,
      versions: [{ version: 1, createdByName: "Sara de Wit" }],
    });
    expect(copy.id).not.toBe(libraryId);
    const audit = await audited("questionnaire-template.copied", copy.id);
    expect(audit[0]?.details).toMatchObject({
      copiedFromTemplateId: libraryId,
      libraryKey: "test-will",
    });

    const renamed = { ...copy.definition, title: t("Ons testament", "Our will") };
    expect((await sendWithCsrf(admin, "PUT", `${base}/${copy.id}`, renamed)).json().version).toBe(
      2,
    );
    // The library's stays as it was.
    expect((await admin.get(`${base}/${libraryId}`)).json()).toMatchObject({
      title: { nl: "Bibliotheek: testament" },
      version: 1,
    });

    // The office's own can be copied too.
    const again = await admin.post(`${base}/${copy.id}/copy`);
    expect(again.json()).toMatchObject({
      title: { nl: "Ons testament" },
      version: 1,
      copiedFromTemplateId: copy.id,
    });
  });

  it("keeps the library read-only for the office: no change, no archiving", async () => {
    const { definition } = (await admin.get(`${base}/${libraryId}`)).json();
    const change = { ...definition, title: t("Gekaapt", "Hijacked") };
    expect((await sendWithCsrf(admin, "PUT", `${base}/${libraryId}`, change)).statusCode).toBe(403);
    expect((await admin.post(`${base}/${libraryId}/archived`)).statusCode).toBe(403);
    expect((await sendWithCsrf(admin, "DELETE", `${base}/${libraryId}/archived`)).statusCode).toBe(
      403,
    );
    expect((await admin.get(`${base}/${libraryId}`)).json().title.nl).toBe(
      "Bibliotheek: testament",
    );
  });

  it("archives a template out of the list, lists it on request, and takes it back", async () => {
    const { id } = (await admin.post(base, willIntake(t("Oud formulier", "Old form")))).json();
    const archived = await admin.post(`${base}/${id}/archived`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, version: 1 });
    expect((await admin.post(`${base}/${id}/archived`)).json().archived).toBe(true);
    expect(await audited("questionnaire-template.archived", id)).toHaveLength(1);

    const ids = async (query = "") =>
      (await handler.get(`${base}${query}`))
        .json()
        .templates.map((item: { id: string }) => item.id);
    expect(await ids()).not.toContain(id);
    expect(await ids("?archived=include")).toContain(id);
    expect(await ids("?archived=only")).toEqual([id]);
    // Still readable, versions and all: what was sent with it stays.
    expect((await handler.get(`${base}/${id}/versions/1`)).statusCode).toBe(200);

    const back = await sendWithCsrf(admin, "DELETE", `${base}/${id}/archived`);
    expect(back.json().archived).toBe(false);
    expect(await ids()).toContain(id);
    expect(await audited("questionnaire-template.unarchived", id)).toHaveLength(1);
  });

  it("lets every staff member read, and only admins create, change, copy or archive", async () => {
    const { id, definition } = (
      await admin.post(base, willIntake(t("Van de beheerder", "By the admin")))
    ).json();
    expect((await handler.get(base)).statusCode).toBe(200);
    expect((await handler.get(`${base}/${id}`)).statusCode).toBe(200);
    expect((await handler.get(`${base}/${id}/versions/1`)).statusCode).toBe(200);

    const refusals = [
      await handler.post(base, willIntake()),
      await sendWithCsrf(handler, "PUT", `${base}/${id}`, { ...definition, title: t("X", "X") }),
      await handler.post(`${base}/${id}/copy`),
      await handler.post(`${base}/${libraryId}/copy`),
      await handler.post(`${base}/${id}/archived`),
      await sendWithCsrf(handler, "DELETE", `${base}/${id}/archived`),
    ];
    expect(refusals.map((response) => response.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect((await handler.get(`${base}/${id}`)).json()).toMatchObject({
      version: 1,
      archived: false,
      title: { nl: "Van de beheerder" },
    });
  });

  it("seeds the starter library once, and adds a version only when its definition changed", async () => {
    const { db } = subject.services.database;
    const seed = (definition: QuestionnaireDefinition) =>
      seedStarterLibrary(db, subject.clock, [
        { key: "test-will", definition },
        { key: "test-purchase", definition: willIntake(t("Koop", "Purchase")) },
      ]);
    const ours = new Set(["test-will", "test-purchase", "test-broken"]);
    const library = async () =>
      (await admin.get(base))
        .json()
        .templates.filter((item: { libraryKey?: string }) => ours.has(item.libraryKey ?? ""));

    await seed(willIntake(t("Bibliotheek: testament", "Library: will")));
    await seed(willIntake(t("Bibliotheek: testament", "Library: will")));
    expect(
      (await library()).map((item: { libraryKey: string; version: number }) => [
        item.libraryKey,
        item.version,
      ]),
    ).toEqual([
      ["test-will", 1],
      ["test-purchase", 1],
    ]);

    await seed(willIntake(t("Bibliotheek: testament (2027)", "Library: will (2027)")));
    const [will] = await library();
    expect(will).toMatchObject({ libraryKey: "test-will", version: 2 });
    expect((await admin.get(`${base}/${libraryId}`)).json().versions).toEqual([
      expect.objectContaining({ version: 2, createdByName: null }),
      expect.objectContaining({ version: 1, createdByName: null }),
    ]);

    // A definition the schema refuses is never stored.
    const broken = willIntake();
    broken.pages = [];
    await expect(
      seedStarterLibrary(db, subject.clock, [{ key: "test-broken", definition: broken }]),
    ).rejects.toThrow();
    expect((await library()).map((item: { libraryKey: string }) => item.libraryKey)).not.toContain(
      "test-broken",
    );
  });
});
