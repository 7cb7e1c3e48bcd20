import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateServiceProviderMetadata } from "@node-saml/node-saml";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_METADATA_BYTES } from "#src/contracts/eherkenning/idp.ts";
import {
  catalogueServices,
  serviceProviders,
} from "#src/server/modules/service-catalogue/schema.ts";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { createSupplierStaff } from "#test/support/supplier-staff.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { fetchMetadata } from "../saml-idp/fetch-metadata.ts";

const PATH = "/api/eherkenning/beheer/service-providers";

const metadataOf = (entity: string) =>
  generateServiceProviderMetadata({
    issuer: `https://${entity}/saml/metadata`,
    callbackUrl: `https://${entity}/saml/acs`,
    wantAssertionsSigned: true,
  });

/** The back office's SAML service providers: admins only, by metadata file or URL, audited. */
describe.each(testDatabaseKinds)("registering SAML service providers, on %s", (kind) => {
  let subject: TestApp;
  let admin: ApiClient;
  let serviceId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const now = subject.clock.now();
    const db = subject.services.database.db;
    const [provider] = await db
      .insert(serviceProviders)
      .values({ oin: "00000009999999990000", name: "Gemeente Voorbeeld", createdAt: now })
      .returning();
    const [service] = await db
      .insert(catalogueServices)
      .values({
        providerId: provider?.id ?? "",
        serviceIndex: 1,
        nameNl: "Vergunningen",
        nameEn: "Permits",
        level: "EH3",
        createdAt: now,
      })
      .returning();
    serviceId = service?.id ?? "";
    admin = await createSupplierStaff(subject, "beheer@poort-eherkenning.nl", "admin");
  });
  afterAll(() => subject.close());

  it("registers an SP from an uploaded file, lists it with its service, and withdraws it", async () => {
    const registered = await admin.post(PATH, {
      name: "Vergunningenloket",
      metadata: { source: "file", xml: metadataOf("loket.example.nl") },
      catalogueServiceIds: [serviceId],
    });
    expect(registered.statusCode).toBe(201);
    const sp = registered.json();
    expect(sp).toMatchObject({
      name: "Vergunningenloket",
      entityId: "https://loket.example.nl/saml/metadata",
      acsUrls: ["https://loket.example.nl/saml/acs"],
      services: [{ id: serviceId, nameEn: "Permits", level: "EH3" }],
      withdrawnAt: null,
    });

    const list = await admin.get(PATH);
    expect(list.statusCode).toBe(200);
    expect(list.json().serviceProviders.map((row: { id: string }) => row.id)).toContain(sp.id);
    expect(list.json().serviceOptions.map((row: { id: string }) => row.id)).toContain(serviceId);

    const again = await admin.post(PATH, {
      name: "Nog eens",
      metadata: { source: "file", xml: metadataOf("loket.example.nl") },
      catalogueServiceIds: [serviceId],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("saml_service_provider_exists");

    const withdrawn = await admin.post(`${PATH}/${sp.id}/withdrawal`);
    expect(withdrawn.statusCode).toBe(200);
    const row = withdrawn
      .json()
      .serviceProviders.find((entry: { id: string }) => entry.id === sp.id);
    expect(row.withdrawnAt).not.toBeNull();
    expect((await admin.post(`${PATH}/${sp.id}/withdrawal`)).statusCode).toBe(404);

    const db = subject.services.database.db;
    for (const action of ["saml.service-provider-registered", "saml.service-provider-withdrawn"]) {
      const events = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, sp.id)));
      expect(events).toHaveLength(1);
    }
  });

  it("refuses metadata it cannot read, a plain-http URL, and services not in the catalogue", async () => {
    const garbage = await admin.post(PATH, {
      name: "Kapot",
      metadata: { source: "file", xml: "<niet-eens-saml/>" },
      catalogueServiceIds: [serviceId],
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe("saml_metadata_invalid");

    const text = await admin.post(
      PATH,
      {
        name: "Kapot",
        metadata: { source: "file", xml: "dit is geen XML" },
        catalogueServiceIds: [serviceId],
      },
      { "accept-language": "en" },
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toMatch(/metadata could not be read/);

    const http = await admin.post(PATH, {
      name: "Onveilig",
      metadata: { source: "url", url: "http://loket.example.nl/metadata" },
      catalogueServiceIds: [serviceId],
    });
    expect(http.statusCode).toBe(400);
    expect(http.json().error.code).toBe("saml_metadata_url_refused");

    const unknown = await admin.post(PATH, {
      name: "Onbekend",
      metadata: { source: "file", xml: metadataOf("onbekend.example.nl") },
      catalogueServiceIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json().error.code).toBe("saml_service_not_allowed");
  });

  it("is the admins' only: reviewers and partner agents are refused, strangers asked to log in", async () => {
    const reviewer = await createSupplierStaff(subject, "rev@poort-eherkenning.nl", "reviewer");
    const agent = await createSupplierStaff(subject, "agent@partner.example.nl", "partner-agent");
    const body = {
      name: "Niet van u",
      metadata: { source: "file", xml: metadataOf("niet.example.nl") },
      catalogueServiceIds: [serviceId],
    };
    for (const staff of [reviewer, agent]) {
      expect((await staff.get(PATH)).statusCode).toBe(403);
      expect((await staff.post(PATH, body)).statusCode).toBe(403);
    }
    const stranger = new ApiClient(subject.app);
    await stranger.refreshCsrfToken();
    expect((await stranger.get(PATH)).statusCode).toBe(401);
    expect((await stranger.post(PATH, body)).statusCode).toBe(401);
  });
});

describe("fetching an SP's metadata by URL", () => {
  let server: Server;
  let base: string;
  const xml = metadataOf("lokaal.example.nl");

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/metadata") {
        response.setHeader("content-type", "application/samlmetadata+xml");
        response.end(xml);
      } else if (request.url === "/groot") {
        // No content-length: the limit must hold while reading.
        response.write("<x>");
        response.end("a".repeat(MAX_METADATA_BYTES + 10));
      } else if (request.url === "/verder") {
        response.writeHead(302, { location: "/metadata" }).end();
      } else if (request.url === "/traag") {
        response.write("<");
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", () => listening()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("reads it over http only where allowed, and refuses what is too large, redirected, missing or slow", async () => {
    expect(await fetchMetadata(`${base}/metadata`, { allowHttp: true })).toBe(xml);
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => "fetched",
        (error: { code?: string }) => error.code,
      );
    expect(await code(fetchMetadata(`${base}/metadata`, { allowHttp: false }))).toBe(
      "saml_metadata_url_refused",
    );
    expect(await code(fetchMetadata("ftp://example.nl/x", { allowHttp: true }))).toBe(
      "saml_metadata_url_refused",
    );
    expect(await code(fetchMetadata(`${base}/groot`, { allowHttp: true }))).toBe(
      "saml_metadata_too_large",
    );
    for (const path of ["/verder", "/weg"]) {
      expect(await code(fetchMetadata(`${base}${path}`, { allowHttp: true }))).toBe(
        "saml_metadata_fetch_failed",
      );
    }
    expect(await code(fetchMetadata(`${base}/traag`, { allowHttp: true, timeoutMs: 300 }))).toBe(
      "saml_metadata_fetch_failed",
    );
  });
});
