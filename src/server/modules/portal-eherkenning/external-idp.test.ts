import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Level, levelFacts } from "#src/contracts/eherkenning/levels.ts";
import { clients } from "#src/server/modules/accounts/schema.ts";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import { createActiveClient, createTestOffice } from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { spKeyPair } from "#test/support/saml-sp.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { responseXml } from "../saml-idp/assertion-xml.ts";
import { samlify } from "../saml-idp/saml-entities.ts";

const BROKER = "https://makelaar.example.nl/saml/idp";

/**
 * The portal as SP of an external IdP (a herkenningsmakelaar), configured by nothing but the
 * broker's metadata in PORTAL_EH_IDP_METADATA. The broker is played by samlify with a key of its
 * own; its Responses are made to measure, so the portal's own checks can be seen to refuse:
 * another audience, an expired assertion, a replay, a level below the office's, a company that
 * is not a client, a signature by another key.
 */
describe.each(testDatabaseKinds)("portal login through an external IdP, on %s", (kind) => {
  let subject: TestApp;
  let dir: string;
  let broker: ReturnType<typeof samlify.IdentityProvider>;
  let impostor: ReturnType<typeof samlify.IdentityProvider>;
  let officeId: string;
  let spEntityId: string;
  let acsUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "poort-broker-"));
    const now = new Date("2026-11-23T10:00:00Z");
    const makeIdp = async () => {
      const key = await spKeyPair(now, "makelaar.example.nl");
      return samlify.IdentityProvider({
        entityID: BROKER,
        privateKey: key.key,
        signingCert: key.cert,
        singleSignOnService: [
          { Binding: samlify.Constants.namespace.binding.redirect, Location: `${BROKER}/sso` },
        ],
        singleLogoutService: [
          { Binding: samlify.Constants.namespace.binding.redirect, Location: `${BROKER}/slo` },
        ],
      });
    };
    broker = await makeIdp();
    impostor = await makeIdp();
    const metadataFile = path.join(dir, "makelaar.xml");
    await writeFile(metadataFile, broker.getMetadata());
    subject = await createTestApp(kind, { PORTAL_EH_IDP_METADATA: metadataFile });
    const office = await createTestOffice(subject);
    officeId = office.id;
    await createActiveClient(subject, office.id, "anna@bol.example.nl", "company");
    await subject.services.database.db
      .update(clients)
      .set({ kvkNumber: "90000006" })
      .where(eq(clients.officeId, office.id));
    const metadata = (await subject.app.inject({ url: "/portal/saml/metadata" })).body;
    spEntityId = /entityID="([^"]+)"/.exec(metadata)?.[1] ?? "";
    acsUrl = `${subject.services.config.publicUrl}/portal/saml/acs`;
  });
  afterAll(async () => {
    await subject.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A browser that pressed "Inloggen met eHerkenning": the AuthnRequest's id, and its cookies. */
  async function startLogin() {
    const browser = new ApiClient(subject.app);
    const started = await browser.get(`/portal/saml/login?office=${officeId}`);
    expect(started.statusCode).toBe(303);
    const location = new URL(String(started.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${BROKER}/sso`);
    const request = Buffer.from(location.searchParams.get("SAMLRequest") ?? "", "base64");
    const xml = (await import("node:zlib")).inflateRawSync(request).toString("utf8");
    const requestId = /ID="([^"]+)"/.exec(xml)?.[1] ?? "";
    return { browser, requestId, xml };
  }

  interface Made {
    requestId: string;
    level?: Level;
    audience?: string;
    kvkNumber?: string;
    issuedAt?: Date;
    signer?: ReturnType<typeof samlify.IdentityProvider>;
  }

  /** The broker's signed Response, as it would post it. */
  async function brokerResponse(made: Made): Promise<string> {
    const issuedAt = made.issuedAt ?? subject.clock.now();
    const responseId = `_${randomUUID()}`;
    const xml = await responseXml({
      responseId,
      assertionId: `_${randomUUID()}`,
      issuer: BROKER,
      audience: made.audience ?? spEntityId,
      acsUrl,
      inResponseTo: made.requestId,
      issuedAt,
      notOnOrAfter: new Date(issuedAt.getTime() + 5 * MINUTE),
      transientNameId: `_${randomUUID()}`,
      sessionIndex: `_${randomUUID()}`,
      loaUrn: levelFacts[made.level ?? "EH3"].urn,
      serviceId: "urn:etoegang:DV:00000001234567890000:services:1",
      serviceUuid: randomUUID(),
      kvkNumber: made.kvkNumber ?? "90000006",
      rsin: null,
      branchNumber: null,
      pseudonym: "pseudoniem-van-anna",
      encryptionCertificate:
        /<(?:ds:)?X509Certificate>([^<]+)</
          .exec((await subject.app.inject({ url: "/portal/saml/metadata" })).body)?.[1]
          ?.replace(/\s+/g, "") ?? null,
    });
    const sp = samlify.ServiceProvider({
      entityID: spEntityId,
      wantAssertionsSigned: true,
      wantMessageSigned: true,
      assertionConsumerService: [
        { Binding: samlify.Constants.namespace.binding.post, Location: acsUrl },
      ],
    });
    const signed = await (made.signer ?? broker).createLoginResponse(
      sp,
      { extract: { request: { id: made.requestId } } },
      "post",
      {},
      { customTagReplacement: () => ({ id: responseId, context: xml }) },
    );
    return signed.context;
  }

  /** Why the portal refused the last Response, as its audit log says. */
  async function lastRefusal(): Promise<string> {
    const [event] = await subject.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "portal-eherkenning.login-refused"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    return String((event?.details as { detail?: string } | undefined)?.detail);
  }

  async function post(browser: ApiClient, samlResponse: string) {
    const answer = await browser.send(
      "POST",
      "/portal/saml/acs",
      `SAMLResponse=${encodeURIComponent(samlResponse)}`,
      { "content-type": "application/x-www-form-urlencoded" },
    );
    expect(answer.statusCode).toBe(303);
    return String(answer.headers.location);
  }

  it("asks the broker for the office's service at its level, signed, with a fresh login", async () => {
    const { xml } = await startLogin();
    expect(xml).toContain('ForceAuthn="true"');
    expect(xml).toContain('IsPassive="false"');
    expect(xml).toContain('Comparison="minimum"');
    expect(xml).toContain(levelFacts.EH3.urn);
    expect(xml).toMatch(/AttributeConsumingServiceIndex="\d+"/);
    expect(xml).toContain(`<saml:Issuer>${spEntityId}</saml:Issuer>`);
  });

  it("takes a good Response to the link page, once: the same Response again is refused", async () => {
    const { browser, requestId } = await startLogin();
    const response = await brokerResponse({ requestId });
    const loginCookie = browser.cookies.get("__Host-poort_eh_login") ?? "";
    expect(await post(browser, response)).toMatch(/\/portal\/eherkenning\/koppelen$/);
    const pending = await browser.get("/api/portal/eherkenning/link");
    expect(pending.json()).toMatchObject({
      kvkNumber: "90000006",
      companyName: "Bakkerij Bol B.V.",
    });
    // Even with the login's cookie kept, the request was answered once.
    browser.cookies.set("__Host-poort_eh_login", loginCookie);
    expect(await post(browser, response)).toMatch(/\?eherkenning=invalid$/);
    expect(await lastRefusal()).toBe("no-open-request");
  });

  it("refuses a Response for another audience", async () => {
    const { browser, requestId } = await startLogin();
    const response = await brokerResponse({
      requestId,
      audience: "https://andere-dienst.example.nl/saml/metadata",
    });
    expect(await post(browser, response)).toMatch(/\?eherkenning=invalid$/);
    expect(await lastRefusal()).toBe("audience");
  });

  it("refuses an assertion that has expired", async () => {
    const { browser, requestId } = await startLogin();
    const response = await brokerResponse({
      requestId,
      issuedAt: new Date(subject.clock.now().getTime() - 10 * MINUTE),
    });
    expect(await post(browser, response)).toMatch(/\?eherkenning=invalid$/);
    expect(await lastRefusal()).toBe("ERR_SUBJECT_UNCONFIRMED");
  });

  it("refuses a level below the office's, naming the level it demands", async () => {
    const { browser, requestId } = await startLogin();
    const response = await brokerResponse({ requestId, level: "EH2+" });
    expect(await post(browser, response)).toMatch(/\?eherkenning=level-too-low&niveau=EH3$/);
  });

  it("refuses a company that is not a client of the office", async () => {
    const { browser, requestId } = await startLogin();
    const response = await brokerResponse({ requestId, kvkNumber: "90000001" });
    expect(await post(browser, response)).toMatch(/\?eherkenning=unknown-company$/);
  });

  it("refuses a Response signed by another key than the broker's metadata holds", async () => {
    const { browser, requestId } = await startLogin();
    const response = await brokerResponse({ requestId, signer: impostor });
    expect(await post(browser, response)).toMatch(/\?eherkenning=invalid$/);
    expect(await lastRefusal()).toMatch(/CERTIFICATE|SIGNATURE/);
  });

  it("refuses a Response that answers another browser's request", async () => {
    const { requestId } = await startLogin();
    const response = await brokerResponse({ requestId });
    expect(await post(new ApiClient(subject.app), response)).toMatch(/\?eherkenning=invalid$/);
    expect(await lastRefusal()).toBe("no-browser-token");
  });
});
