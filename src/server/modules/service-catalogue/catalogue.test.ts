import { parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { sendWithCsrf } from "#test/support/messages.ts";
import { createSupplierStaff } from "#test/support/supplier-staff.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { catalogueDeps } from "./deps.ts";
import { registerOfficePortalServices } from "./office-portal-services.ts";
import { levelDemandedBy, servicesOfScope } from "./scope-services.ts";

const admin = "/api/eherkenning/beheer/catalogue";
const municipalityOin = "00000001001234567000";

interface XmlNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
  data?: string;
}

/** The elements named so, anywhere below the node. */
function elementsNamed(node: XmlNode, name: string): XmlNode[] {
  const own = node.type === "tag" && node.name === name ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((child) => elementsNamed(child, name))];
}

const textOf = (node: XmlNode | undefined): string =>
  (node?.children ?? []).map((child) => child.data ?? textOf(child)).join("");

describe.each(testDatabaseKinds)("the eHerkenning service catalogue, on %s", (kind) => {
  let subject: TestApp;
  let catalogueAdmin: ApiClient;
  let reviewer: ApiClient;
  let officeAdmin: ApiClient;
  let officeHandler: ApiClient;
  let otherOfficeAdmin: ApiClient;
  let client: ApiClient;
  let anonymous: ApiClient;
  let officeId: string;
  let providerId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject, "Notariskantoor Amstel");
    const otherOffice = await createTestOffice(subject, "Notariskantoor Berkel");
    officeId = office.id;
    // As at a start: the offices made after this process started get their portal service.
    await registerOfficePortalServices(catalogueDeps(subject.services));
    catalogueAdmin = await createSupplierStaff(subject, "beheer@example.nl", "admin");
    reviewer = await createSupplierStaff(subject, "beoordelaar@example.nl", "reviewer");
    officeAdmin = await createOfficeStaff(subject, office.id, "sara@amstel.nl");
    officeHandler = await createOfficeStaff(subject, office.id, "tom@amstel.nl", "handler");
    otherOfficeAdmin = await createOfficeStaff(subject, otherOffice.id, "admin@berkel.nl");
    client = await createActiveClient(subject, office.id, "jan@example.nl");
    anonymous = new ApiClient(subject.app);

    const created = await catalogueAdmin.post(`${admin}/providers`, {
      oin: municipalityOin,
      name: "Gemeente Voorbeeldstad",
      websiteUrl: "https://www.voorbeeldstad.nl",
    });
    expect(created.statusCode, created.body).toBe(201);
    providerId = created.json().id;
    for (const [serviceIndex, nameNl, nameEn, level] of [
      [1, "Omgevingsvergunning aanvragen", "Apply for an environmental permit", "EH3"],
      [2, "Parkeervergunning bedrijven", "Business parking permit", "EH2+"],
      [3, "Marktvergunning", "Market permit", "EH2+"],
    ] as const) {
      const added = await catalogueAdmin.post(`${admin}/providers/${providerId}/services`, {
        serviceIndex,
        nameNl,
        nameEn,
        level,
      });
      expect(added.statusCode, added.body).toBe(201);
    }
  });
  afterAll(() => subject.close());

  const servicesOfProvider = async () =>
    (await catalogueAdmin.get(`${admin}/providers/${providerId}`)).json().services as Array<{
      id: string;
      serviceIndex: number;
      nameNl: string;
      level: string;
      withdrawnAt: string | null;
    }>;

  it("registers every office's client portal once, at EH3, under the platform's OIN", async () => {
    expect(await registerOfficePortalServices(catalogueDeps(subject.services))).toBe(0);
    const { providers } = (await catalogueAdmin.get(`${admin}/providers`)).json();
    const platform = providers.find((provider: { isPlatform: boolean }) => provider.isPlatform);
    expect(platform).toMatchObject({
      oin: subject.services.config.eherkenning.platformOin,
      activeServices: 2,
    });
    const details = (await catalogueAdmin.get(`${admin}/providers/${platform.id}`)).json();
    expect(details.services).toEqual([
      expect.objectContaining({
        serviceIndex: 1,
        nameNl: "Klantenportaal Notariskantoor Amstel",
        nameEn: "Client portal Notariskantoor Amstel",
        level: "EH3",
        officeId,
      }),
      expect.objectContaining({ serviceIndex: 2, nameNl: "Klantenportaal Notariskantoor Berkel" }),
    ]);
  });

  it("shows the overview to anyone, in the reader's language, without withdrawn services", async () => {
    const [market] = (await servicesOfProvider()).filter((service) => service.serviceIndex === 3);
    const withdrawn = await catalogueAdmin.post(`${admin}/services/${market?.id}/withdrawal`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(
      (await catalogueAdmin.post(`${admin}/services/${market?.id}/withdrawal`)).statusCode,
    ).toBe(409);

    const dutch = (await anonymous.get("/api/eherkenning/catalogue")).json();
    const municipality = dutch.providers.find(
      (provider: { oin: string }) => provider.oin === municipalityOin,
    );
    expect(municipality.services).toEqual([
      expect.objectContaining({
        name: "Omgevingsvergunning aanvragen",
        level: "EH3",
        serviceId: `urn:etoegang:DV:${municipalityOin}:services:1`,
      }),
      expect.objectContaining({ name: "Parkeervergunning bedrijven", level: "EH2+" }),
    ]);
    const english = (
      await anonymous.get("/api/eherkenning/catalogue", { "accept-language": "en-GB,en;q=0.8" })
    ).json();
    const names = english.providers.flatMap((provider: { services: { name: string }[] }) =>
      provider.services.map((service) => service.name),
    );
    expect(names).toContain("Business parking permit");
    expect(names).toContain("Client portal Notariskantoor Amstel");
    expect(names).not.toContain("Market permit");
  });

  it("refuses a bad OIN, a taken OIN and a taken index, and keeps OIN and index for good", async () => {
    const badOin = await catalogueAdmin.post(`${admin}/providers`, { oin: "1234", name: "Foo BV" });
    expect(badOin.statusCode).toBe(400);
    expect(badOin.json().error.details[0].path).toBe("body.oin");
    const badSite = await catalogueAdmin.post(`${admin}/providers`, {
      oin: "00000001009999999000",
      name: "Foo BV",
      websiteUrl: "javascript:alert(1)",
    });
    expect(badSite.statusCode).toBe(400);
    const taken = await catalogueAdmin.post(`${admin}/providers`, {
      oin: municipalityOin,
      name: "Tweede gemeente",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("provider_oin_taken");
    const takenIndex = await catalogueAdmin.post(`${admin}/providers/${providerId}/services`, {
      serviceIndex: 3,
      nameNl: "Nog een dienst",
      nameEn: "Another service",
      level: "EH4",
    });
    expect(takenIndex.statusCode).toBe(409);
    expect(takenIndex.json().error.code).toBe("service_index_taken");
    const tooHigh = await catalogueAdmin.post(`${admin}/providers/${providerId}/services`, {
      serviceIndex: 70_000,
      nameNl: "Nog een dienst",
      nameEn: "Another service",
      level: "EH4",
    });
    expect(tooHigh.statusCode).toBe(400);
  });

  it("updates a provider and a service, but not a client portal's names or level", async () => {
    const renamed = await sendWithCsrf(catalogueAdmin, "PUT", `${admin}/providers/${providerId}`, {
      name: "Gemeente Voorbeeldstad (Publiekszaken)",
      websiteUrl: "",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ oin: municipalityOin, websiteUrl: null });

    const [parking] = (await servicesOfProvider()).filter((service) => service.serviceIndex === 2);
    const raised = await sendWithCsrf(catalogueAdmin, "PUT", `${admin}/services/${parking?.id}`, {
      nameNl: "Parkeervergunning bedrijven",
      nameEn: "Business parking permit",
      descriptionNl: "Voor bedrijven in het centrum.",
      descriptionEn: "For businesses in the centre.",
      level: "EH3",
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(
      (await servicesOfProvider()).find((service) => service.id === parking?.id),
    ).toMatchObject({
      level: "EH3",
      serviceIndex: 2,
    });

    const { providers } = (await catalogueAdmin.get(`${admin}/providers`)).json();
    const platform = providers.find((provider: { isPlatform: boolean }) => provider.isPlatform);
    const portal = (await catalogueAdmin.get(`${admin}/providers/${platform.id}`)).json()
      .services[0];
    const refused = await sendWithCsrf(catalogueAdmin, "PUT", `${admin}/services/${portal.id}`, {
      nameNl: "Iets anders",
      nameEn: "Something else",
      level: "EH2+",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("office_portal_service_managed");
  });

  it("lets only the supplier's admins change the catalogue", async () => {
    const body = { oin: "00000001008888888000", name: "Niet toegestaan" };
    expect((await reviewer.post(`${admin}/providers`, body)).statusCode).toBe(403);
    expect((await reviewer.get(`${admin}/providers`)).statusCode).toBe(403);
    expect((await officeAdmin.post(`${admin}/providers`, body)).statusCode).toBe(403);
    expect((await client.get(`${admin}/providers/${providerId}`)).statusCode).toBe(403);
    expect((await anonymous.post(`${admin}/providers`, body)).statusCode).toBe(401);
    expect((await anonymous.get(`${admin}/providers`)).statusCode).toBe(401);
    const [service] = await servicesOfProvider();
    expect((await reviewer.get(`${admin}/services/${service?.id}/catalogue.xml`)).statusCode).toBe(
      403,
    );
  });

  it("lets the office's admin set the level its portal demands, and no one else", async () => {
    expect((await officeHandler.get("/api/office/eherkenning")).json()).toMatchObject({
      level: "EH3",
      withdrawn: false,
    });
    const byHandler = await sendWithCsrf(officeHandler, "PUT", "/api/office/eherkenning", {
      level: "EH4",
    });
    expect(byHandler.statusCode).toBe(403);
    const byAdmin = await sendWithCsrf(officeAdmin, "PUT", "/api/office/eherkenning", {
      level: "EH2+",
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json().level).toBe("EH2+");
    // The other office's admin changes only their own office's portal.
    await sendWithCsrf(otherOfficeAdmin, "PUT", "/api/office/eherkenning", { level: "EH4" });
    expect((await officeAdmin.get("/api/office/eherkenning")).json().level).toBe("EH2+");
    expect((await otherOfficeAdmin.get("/api/office/eherkenning")).json().level).toBe("EH4");
    expect((await client.get("/api/office/eherkenning")).statusCode).toBe(403);
    expect((await anonymous.get("/api/office/eherkenning")).statusCode).toBe(401);
    const bad = await sendWithCsrf(officeAdmin, "PUT", "/api/office/eherkenning", { level: "EH2" });
    expect(bad.statusCode).toBe(400);
  });

  it("registers an office created while running when its staff first open the setting", async () => {
    const late = await createTestOffice(subject, "Notariskantoor Laat");
    const lateAdmin = await createOfficeStaff(subject, late.id, "admin@laat.nl");
    const setting = (await lateAdmin.get("/api/office/eherkenning")).json();
    expect(setting).toMatchObject({ level: "EH3", withdrawn: false });
    expect(setting.serviceId).toMatch(/:services:3$/);
    expect(await registerOfficePortalServices(catalogueDeps(subject.services))).toBe(0);
  });

  it("resolves a step-1 choice to its services and the level it demands", async () => {
    const db = subject.services.database.db;
    const ofProvider = await servicesOfScope(db, { kind: "provider", providerId });
    expect(ofProvider.map((service) => service.nameNl)).toEqual([
      "Omgevingsvergunning aanvragen",
      "Parkeervergunning bedrijven",
    ]);
    expect(levelDemandedBy({ kind: "provider", providerId }, ofProvider)).toBe("EH3");
    const chosen = await servicesOfScope(db, {
      kind: "services",
      serviceIds: [ofProvider[0]?.id ?? ""],
    });
    expect(chosen[0]?.provider.oin).toBe(municipalityOin);
    const withdrawn = (await servicesOfProvider()).find((service) => service.withdrawnAt);
    await expect(
      servicesOfScope(db, { kind: "services", serviceIds: [withdrawn?.id ?? ""] }),
    ).rejects.toMatchObject({ code: "unknown_service" });
    const all = await servicesOfScope(db, { kind: "all" });
    expect(levelDemandedBy({ kind: "all" }, all)).toBe("EH2+");
  });

  it("exports a service as an entry of the eHerkenning service catalogue", async () => {
    const [permit] = await servicesOfProvider();
    const response = await catalogueAdmin.get(`${admin}/services/${permit?.id}/catalogue.xml`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/xml; charset=utf-8");
    expect(response.headers["content-disposition"]).toContain(
      `dienstencatalogus-${municipalityOin}-1.xml`,
    );
    const document = parseDocument(response.body, { xmlMode: true }) as unknown as XmlNode;
    const [root] = elementsNamed(document, "esc:ServiceCatalogue");
    expect(root?.attribs?.["xmlns:esc"]).toBe("urn:etoegang:1.13:service-catalog");
    const [definition] = elementsNamed(document, "esc:ServiceDefinition");
    const [instance] = elementsNamed(document, "esc:ServiceInstance");
    if (!definition || !instance) throw new Error("no definition or instance");
    expect(textOf(elementsNamed(instance, "esc:ServiceID")[0])).toBe(
      `urn:etoegang:DV:${municipalityOin}:services:1`,
    );
    expect(textOf(elementsNamed(definition, "saml:AuthnContextClassRef")[0])).toBe(
      "urn:etoegang:core:assurance-class:loa3",
    );
    expect(textOf(elementsNamed(definition, "esc:EntityConcernedTypesAllowed")[0])).toBe(
      "urn:etoegang:1.9:EntityConcernedID:KvKnr",
    );
    const definitionUuid = textOf(elementsNamed(definition, "esc:ServiceUUID")[0]);
    expect(textOf(elementsNamed(instance, "esc:InstanceOfService")[0])).toBe(definitionUuid);
    expect(textOf(elementsNamed(instance, "esc:ServiceUUID")[0])).not.toBe(definitionUuid);
    expect(
      elementsNamed(definition, "esc:ServiceName").map((name) => [
        name.attribs?.["xml:lang"],
        textOf(name),
      ]),
    ).toEqual([
      ["nl", "Omgevingsvergunning aanvragen"],
      ["en", "Apply for an environmental permit"],
    ]);
  });

  it("escapes what a provider typed in the export", async () => {
    const created = await catalogueAdmin.post(`${admin}/providers`, {
      oin: "00000001007777777000",
      name: 'Fonds <"A&B">',
    });
    const added = await catalogueAdmin.post(`${admin}/providers/${created.json().id}/services`, {
      serviceIndex: 0,
      nameNl: "Pensioen </esc:ServiceName><x>",
      nameEn: "Pension & more",
      level: "EH4",
    });
    const [service] = added.json().services;
    const xml = (await catalogueAdmin.get(`${admin}/services/${service.id}/catalogue.xml`)).body;
    const document = parseDocument(xml, { xmlMode: true }) as unknown as XmlNode;
    expect(textOf(elementsNamed(document, "esc:OrganizationDisplayName")[0])).toBe('Fonds <"A&B">');
    expect(elementsNamed(document, "x")).toEqual([]);
    expect(textOf(elementsNamed(document, "saml:AuthnContextClassRef")[0])).toBe(
      "urn:etoegang:core:assurance-class:loa4",
    );
  });
});
