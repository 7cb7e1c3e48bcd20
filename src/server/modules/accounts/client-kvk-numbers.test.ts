import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import {
  createActiveClient,
  createActiveStaff,
  createOfficeStaff,
  createTestOffice,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

describe.each(testDatabaseKinds)("a company client's KvK number, on %s", (kind) => {
  let subject: TestApp;
  let officeA: string;
  let adminA: ApiClient;
  let assistantA: ApiClient;
  let adminB: ApiClient;
  /** Created with the office's admin below: a company with a KvK number, and a person. */
  let bolId: string;
  let janId: string;

  const kvkPath = (clientId: string) => `/api/office/clients/${clientId}/kvk-number`;
  const setKvk = (staff: ApiClient, clientId: string, kvkNumber: string | null) =>
    staff.send("PUT", kvkPath(clientId), { kvkNumber }, { "x-csrf-token": staff.csrfToken ?? "" });
  const addClient = (staff: ApiClient, body: object) => staff.post("/api/office/clients", body);
  /** The office's list: every account of the company shows its client. */
  const clientsOf = async (staff: ApiClient, clientId: string) => {
    const { accounts } = (await staff.get("/api/office/clients")).json();
    return accounts
      .filter((account: { client: { id: string } }) => account.client.id === clientId)
      .map((account: { client: object }) => account.client);
  };
  const kvkEvents = (clientId: string) =>
    subject.services.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "client.kvk-number-set"), eq(auditEvents.subjectId, clientId)),
      )
      // In the order recorded: the test clock may give several the same instant.
      .orderBy(auditEvents.id);

  beforeAll(async () => {
    subject = await createTestApp(kind);
    officeA = (await createTestOffice(subject, "Kantoor Amstel")).id;
    const officeB = (await createTestOffice(subject, "Kantoor Berkel")).id;
    adminA = await createOfficeStaff(subject, officeA, "admin@amstel.nl");
    assistantA = await createOfficeStaff(subject, officeA, "assistent@amstel.nl", "assistant");
    adminB = await createOfficeStaff(subject, officeB, "admin@berkel.nl");
  });
  afterAll(() => subject.close());

  it("creates a company with its KvK number, as typed with spaces, and lists it", async () => {
    const created = await addClient(adminA, {
      kind: "company",
      name: "Bakkerij Bol B.V.",
      contactName: "Anna Bol",
      kvkNumber: "9000 0006",
      email: "anna@bakkerijbol.nl",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Anna Bol",
      isMainAccount: true,
      client: { kind: "company", name: "Bakkerij Bol B.V.", kvkNumber: "90000006" },
    });
    bolId = created.json().client.id;
    expect(await clientsOf(adminA, bolId)).toEqual([
      { id: bolId, kind: "company", name: "Bakkerij Bol B.V.", kvkNumber: "90000006" },
    ]);

    const jan = await addClient(adminA, {
      kind: "person",
      name: "Jan Jansen",
      email: "jan@example.nl",
    });
    expect(jan.json().client).toMatchObject({ kind: "person", kvkNumber: null });
    janId = jan.json().client.id;
  });

  it("refuses a KvK number for a person, one of the wrong form, and one the office has", async () => {
    const person = await addClient(adminA, {
      kind: "person",
      name: "Els Kok",
      kvkNumber: "90000011",
      email: "els@example.nl",
    });
    expect(person.statusCode).toBe(400);
    expect(person.json().error.details).toEqual([
      expect.objectContaining({ path: "body.kvkNumber", message: "kvk_number_company_only" }),
    ]);

    const short = await addClient(adminA, {
      kind: "company",
      name: "Garage Kort B.V.",
      contactName: "Kees Kort",
      kvkNumber: "1234567",
      email: "kees@garagekort.nl",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0]).toMatchObject({ path: "body.kvkNumber" });

    const taken = await addClient(adminA, {
      kind: "company",
      name: "Bakkerij Bol Holding B.V.",
      contactName: "Anna Bol",
      kvkNumber: "90000006",
      email: "holding@bakkerijbol.nl",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("kvk_number_taken");
    // Nothing of the refused client was made.
    const emails = (await adminA.get("/api/office/clients"))
      .json()
      .accounts.map((account: { email: string }) => account.email);
    expect(emails).not.toContain("holding@bakkerijbol.nl");
  });

  it("lets another office register the same company under the same number", async () => {
    const elsewhere = await addClient(adminB, {
      kind: "company",
      name: "Bakkerij Bol B.V.",
      contactName: "Anna Bol",
      kvkNumber: "90000006",
      email: "anna@bakkerijbol.nl",
    });
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().client.kvkNumber).toBe("90000006");
  });

  it("changes, clears and registers the number again, each audited", async () => {
    const changed = await setKvk(adminA, bolId, "9000 0007");
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({
      id: bolId,
      kind: "company",
      name: "Bakkerij Bol B.V.",
      kvkNumber: "90000007",
    });
    expect((await setKvk(adminA, bolId, null)).json().kvkNumber).toBeNull();
    expect(await clientsOf(adminA, bolId)).toEqual([expect.objectContaining({ kvkNumber: null })]);
    // Staff of every role manage the office's clients, as they create them.
    expect((await setKvk(assistantA, bolId, "90000006")).statusCode).toBe(200);
    // The company's own number again changes nothing, and is no clash with itself.
    expect((await setKvk(adminA, bolId, "90000006")).statusCode).toBe(200);

    const events = await kvkEvents(bolId);
    expect(events.map((event) => event.details)).toEqual([
      { previous: "90000006", kvkNumber: "90000007" },
      { previous: "90000007", kvkNumber: null },
      { previous: null, kvkNumber: "90000006" },
      { previous: "90000006", kvkNumber: "90000006" },
    ]);
    expect(events.map((event) => event.actorType)).toEqual(["staff", "staff", "staff", "staff"]);
  });

  it("refuses a number another company of the office has, a person, and a wrong form", async () => {
    const other = await addClient(adminA, {
      kind: "company",
      name: "Garage Smit B.V.",
      contactName: "Kees Smit",
      email: "kees@garagesmit.nl",
    });
    const smitId = other.json().client.id;
    expect(other.json().client.kvkNumber).toBeNull();

    const taken = await setKvk(adminA, smitId, "90000006");
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: "kvk_number_taken",
      message: "Een ander bedrijf van dit kantoor heeft al dit KvK-nummer. Controleer het nummer.",
    });

    const person = await setKvk(adminA, janId, "90000011");
    expect(person.statusCode).toBe(400);
    expect(person.json().error.code).toBe("kvk_number_company_only");

    const wrong = await setKvk(adminA, smitId, "9000000A");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("validation_failed");

    expect(await kvkEvents(smitId)).toEqual([]);
    expect(await kvkEvents(janId)).toEqual([]);
  });

  it("keeps another office's clients out of reach: not found, and unchanged", async () => {
    const foreign = await setKvk(adminB, bolId, "90000099");
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe("not_found");
    expect((await setKvk(adminA, crypto.randomUUID(), "90000099")).statusCode).toBe(404);
    expect(await clientsOf(adminA, bolId)).toEqual([
      expect.objectContaining({ kvkNumber: "90000006" }),
    ]);
  });

  it("keeps clients, anonymous visitors and staff without their second step out", async () => {
    const client = await createActiveClient(subject, officeA, "piet@example.nl");
    expect((await setKvk(client, bolId, "90000099")).statusCode).toBe(403);
    const anonymous = new ApiClient(subject.app, "192.0.2.50");
    await anonymous.refreshCsrfToken();
    expect((await setKvk(anonymous, bolId, "90000099")).statusCode).toBe(401);
    const halfway = await createActiveStaff(subject, officeA, "nieuw@amstel.nl", "handler");
    expect((await setKvk(halfway, bolId, "90000099")).statusCode).toBe(403);
    expect(await clientsOf(adminA, bolId)).toEqual([
      expect.objectContaining({ kvkNumber: "90000006" }),
    ]);
  });
});
