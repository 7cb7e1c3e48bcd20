import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { clientIdNamed } from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * The back office's dossier search (`searchOfficeDossiers`, which reads the search text that
 * migration 0022's triggers keep): a part of the number, the description or a client's name
 * finds a dossier, in any case, each dossier once however many ways it matches, with `%` and
 * `_` taken literally, never across two of those fields, and never another office's. A change
 * of the dossier is found at once.
 */
describe.each(testDatabaseKinds)("the staff dossier search, on %s", (kind) => {
  let subject: TestApp;
  let amstel: ApiClient;
  let ijssel: ApiClient;

  /** The numbers of the dossiers a search finds (all on one page), and its total. */
  async function search(staff: ApiClient, q: string, filters = "") {
    const response = await staff.get(
      `/api/office/dossiers?q=${encodeURIComponent(q)}&pageSize=100${filters}`,
    );
    expect(response.statusCode).toBe(200);
    const { dossiers, total } = response.json();
    return { numbers: dossiers.map((d: { number: string }) => d.number).sort(), total };
  }

  async function addClient(staff: ApiClient, name: string, email: string) {
    const kindOfClient = name.endsWith("B.V.") ? "company" : "person";
    const created = await staff.post("/api/office/clients", { kind: kindOfClient, name, email });
    expect(created.statusCode).toBe(201);
    return clientIdNamed(staff, name);
  }

  async function addDossier(
    staff: ApiClient,
    number: string,
    description: string,
    clientIds: string[] = [],
    status = "in-progress",
  ) {
    const created = await staff.post("/api/office/dossiers", {
      number,
      description,
      status,
      clientIds,
    });
    expect(created.statusCode).toBe(201);
  }

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const amstelOffice = await createTestOffice(subject, "Kantoor Amstel");
    const ijsselOffice = await createTestOffice(subject, "Kantoor IJssel");
    amstel = await createOfficeStaff(subject, amstelOffice.id, "sara@amstel.nl");
    ijssel = await createOfficeStaff(subject, ijsselOffice.id, "tom@ijssel.nl");

    const deVries = await addClient(amstel, "Jan de Vries", "jan@devries.nl");
    const bol = await addClient(amstel, "Bakkerij Bol B.V.", "info@bol.nl");
    const vriesland = await addClient(amstel, "Anna Vriesland", "anna@vriesland.nl");
    await addDossier(amstel, "2026.0142", "Levering Kerkstraat 12 te Utrecht", [deVries]);
    // Matches "vries" by its description and by both its clients: still one dossier.
    await addDossier(amstel, "2026.0143", "Testament De Vries", [deVries, vriesland], "completed");
    await addDossier(amstel, "2026.0144", "Oprichting Bol Holding B.V.", [bol]);
    await addDossier(amstel, "2026.0145", "Hypotheek 100% gefinancierd");
    await addDossier(amstel, "2026.0146", "Hypotheek 1000 euro boete");
    await addDossier(amstel, "2026.0147", "Splitsing perceel_12");
    await addDossier(amstel, "2026.0148", "Splitsing perceel 12");

    // Another office with a client of the same name and a dossier of the same words.
    const otherDeVries = await addClient(ijssel, "Jan de Vries", "jan@devries.nl");
    await addDossier(ijssel, "2026.0142", "Testament De Vries", [otherDeVries]);
  });
  afterAll(() => subject.close());

  it("finds a dossier by a part of its number, its description or a client's name, in any case", async () => {
    expect(await search(amstel, "0142")).toEqual({ numbers: ["2026.0142"], total: 1 });
    expect(await search(amstel, "KERKSTRAAT")).toEqual({ numbers: ["2026.0142"], total: 1 });
    expect(await search(amstel, "bakkerij")).toEqual({ numbers: ["2026.0144"], total: 1 });
    expect(await search(amstel, "holding")).toEqual({ numbers: ["2026.0144"], total: 1 });
  });

  it("lists and counts a dossier once, however many ways it matches", async () => {
    expect(await search(amstel, "vries")).toEqual({
      numbers: ["2026.0142", "2026.0143"],
      total: 2,
    });
    expect(await search(amstel, "vries", "&status=completed")).toEqual({
      numbers: ["2026.0143"],
      total: 1,
    });
    // A page at a time: each total counts all matches, and the pages hold each one once.
    // A page past the end is empty and still says how many there are.
    const pages = await Promise.all(
      [1, 2, 3].map(async (page) =>
        (await amstel.get(`/api/office/dossiers?q=vries&pageSize=1&page=${page}`)).json(),
      ),
    );
    expect(pages.map((page) => page.total)).toEqual([2, 2, 2]);
    expect(
      pages.flatMap((page) => page.dossiers.map((d: { number: string }) => d.number)).sort(),
    ).toEqual(["2026.0142", "2026.0143"]);
  });

  it("takes % and _ in the text literally, not as wildcards", async () => {
    expect(await search(amstel, "100%")).toEqual({ numbers: ["2026.0145"], total: 1 });
    expect(await search(amstel, "perceel_1")).toEqual({ numbers: ["2026.0147"], total: 1 });
    expect(await search(amstel, "%")).toEqual({ numbers: ["2026.0145"], total: 1 });
  });

  it("never matches across the end of one field and the start of the next", async () => {
    // Number "2026.0145", description "Hypotheek…": together they would hold "0145 hyp".
    expect(await search(amstel, "0145 hyp")).toEqual({ numbers: [], total: 0 });
    expect(await search(amstel, "0145hyp")).toEqual({ numbers: [], total: 0 });
  });

  it("finds a dossier by what it holds after a change, and no longer by what it held", async () => {
    const { dossiers } = (await amstel.get("/api/office/dossiers?q=2026.0148")).json();
    const willem = await addClient(amstel, "Willem Zandvoort", "willem@zandvoort.nl");
    const changed = await amstel.patch(`/api/office/dossiers/${dossiers[0].id}`, {
      number: "2026.0150",
      description: "Levering Dijkweg 4",
      clientIds: [willem],
    });
    expect(changed.statusCode).toBe(200);
    for (const q of ["2026.0150", "dijkweg", "zandvoort"]) {
      expect(await search(amstel, q)).toEqual({ numbers: ["2026.0150"], total: 1 });
    }
    expect(await search(amstel, "2026.0148")).toEqual({ numbers: [], total: 0 });

    const unlinked = await amstel.patch(`/api/office/dossiers/${dossiers[0].id}`, {
      clientIds: [],
    });
    expect(unlinked.statusCode).toBe(200);
    expect(await search(amstel, "zandvoort")).toEqual({ numbers: [], total: 0 });
  });

  it("never finds another office's dossiers or clients", async () => {
    expect(await search(ijssel, "vries")).toEqual({ numbers: ["2026.0142"], total: 1 });
    expect(await search(ijssel, "kerkstraat")).toEqual({ numbers: [], total: 0 });
    expect(await search(ijssel, "bakkerij")).toEqual({ numbers: [], total: 0 });
  });
});
