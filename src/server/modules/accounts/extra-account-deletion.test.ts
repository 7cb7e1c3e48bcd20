import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateByMail,
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
} from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { addDocument, clientIdNamed, samplePdf, supplyFile } from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * A company deletes an extra account that had done things in the portal: what that person did
 * for the company stays the company's, under the name they had.
 */
describe.each(testDatabaseKinds)("deleting an extra account that did things, on %s", (kind) => {
  let subject: TestApp;
  let anna: ApiClient;
  let dossierId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject, "Kantoor Amstel");
    const staff = await createOfficeStaff(subject, office.id, "sara@amstel.nl");
    anna = await createActiveClient(subject, office.id, "anna@bakkerijbol.nl", "company");
    const companyId = await clientIdNamed(staff, "Bakkerij Bol B.V.");
    dossierId = (
      await staff.post("/api/office/dossiers", {
        number: "2026.0301",
        description: "Statutenwijziging",
        clientIds: [companyId],
      })
    ).json().id;
    await addDocument(staff, dossierId, {
      category: "documents",
      title: "Concept-statuten",
      name: "statuten.pdf",
      content: samplePdf("statuten"),
    });
  });
  afterAll(() => subject.close());

  it("keeps the files the account supplied, and what it read, and names who supplied them", async () => {
    await anna.post("/api/me/extra-accounts", { name: "Piet Bol", email: "piet@bakkerijbol.nl" });
    const piet = await activateByMail(subject, "piet@bakkerijbol.nl");
    const supplied = await supplyFile(piet, dossierId, "kvk-uittreksel.pdf", samplePdf("kvk"));
    expect(supplied.statusCode).toBe(200);
    const [published] = (
      await piet.get(`/api/portal/dossiers/${dossierId}/documents?category=documents`)
    ).json().documents;
    expect((await piet.get(`/api/portal/documents/${published.id}/content`)).statusCode).toBe(200);

    const [extra] = (await anna.get("/api/me/extra-accounts")).json().accounts;
    const removed = await anna.send("DELETE", `/api/me/extra-accounts/${extra.id}`, undefined, {
      "x-csrf-token": anna.csrfToken ?? "",
    });
    expect(removed.statusCode).toBe(204);
    expect((await piet.get("/api/session")).json().account).toBeUndefined();

    const stillThere = (
      await anna.get(`/api/portal/dossiers/${dossierId}/documents?category=supplied`)
    ).json().documents;
    expect(stillThere).toEqual([
      expect.objectContaining({ fileName: "kvk-uittreksel.pdf", suppliedBy: "Piet Bol" }),
    ]);
  });
});
