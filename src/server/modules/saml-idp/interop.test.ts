import { X509Certificate } from "node:crypto";
import { promisify } from "node:util";
import { generateServiceProviderMetadata, SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import { DOMParser } from "@xmldom/xmldom";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import xmlenc from "xml-encryption";
import { serviceIdOf } from "#src/contracts/eherkenning/authorization-scope.ts";
import { type Level, levelFacts } from "#src/contracts/eherkenning/levels.ts";
import { accounts } from "#src/server/modules/accounts/schema.ts";
import {
  catalogueServices,
  serviceProviders,
} from "#src/server/modules/service-catalogue/schema.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import { activateByMail } from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { seedApplication } from "#test/support/eherkenning-review.ts";
import { lastSmsTo } from "#test/support/outbox.ts";
import { idpFromMetadata, spKeyPair } from "#test/support/saml-sp.ts";
import { createSupplierStaff } from "#test/support/supplier-staff.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { ATTRIBUTE, QUALIFIER } from "./assertion-xml.ts";
import { samlIdpDeps } from "./deps.ts";
import { pseudonymFor } from "./pseudonyms.ts";
import { registerServiceProvider } from "./service-providers.ts";

const decrypt = promisify(xmlenc.decrypt);
const SP_ENTITY = "https://dienst.example.nl/saml/metadata";
const ACS = "https://dienst.example.nl/saml/acs";
const OIN = "00000009876543210000";

/**
 * The IdP driven by another maintained SAML library (node-saml) as the SP: metadata, a signed
 * AuthnRequest by redirect, the means holder's login, and node-saml's own checks of the Response
 * (both signatures, audience, times, InResponseTo) plus the eHerkenning attributes.
 */
describe.each(testDatabaseKinds)("SAML IdP interop with node-saml, on %s", (kind) => {
  let subject: TestApp;
  let signing: Awaited<ReturnType<typeof spKeyPair>>;
  let encryption: Awaited<ReturnType<typeof spKeyPair>>;
  let idpCert: string;
  const services: Record<"eh2" | "eh3" | "other", { id: string; index: number; uuid: string }> =
    {} as never;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const now = subject.clock.now();
    signing = await spKeyPair(now);
    encryption = await spKeyPair(now);
    const db = subject.services.database.db;
    const [provider] = await db
      .insert(serviceProviders)
      .values({ oin: OIN, name: "Dienst", createdAt: now })
      .returning();
    const add = async (index: number, level: Level) => {
      const [row] = await db
        .insert(catalogueServices)
        .values({
          providerId: provider?.id ?? "",
          serviceIndex: index,
          nameNl: `Dienst ${index}`,
          nameEn: `Service ${index}`,
          level,
          createdAt: now,
        })
        .returning();
      return { id: row?.id ?? "", index, uuid: row?.serviceUuid ?? "" };
    };
    services.eh2 = await add(1, "EH2+");
    services.eh3 = await add(2, "EH3");
    services.other = await add(3, "EH2+");
    const metadataXml = generateServiceProviderMetadata({
      issuer: SP_ENTITY,
      callbackUrl: ACS,
      logoutCallbackUrl: "https://dienst.example.nl/saml/logout",
      privateKey: signing.key,
      publicCerts: signing.cert,
      decryptionPvk: encryption.key,
      decryptionCert: encryption.cert,
      wantAssertionsSigned: true,
      // node-saml offers its logout endpoint for HTTP-POST only; Poort answers a LogoutRequest
      // by redirect, which node-saml reads as well (validateRedirectAsync).
    }).replace(
      /(<SingleLogoutService[^>]*Binding=")urn:oasis:names:tc:SAML:2\.0:bindings:HTTP-POST"/,
      '$1urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"',
    );
    expect(metadataXml).toContain("bindings:HTTP-Redirect");
    await registerServiceProvider(
      samlIdpDeps(subject.services),
      {
        name: "Dienst",
        metadataXml,
        catalogueServiceIds: [services.eh2.id, services.eh3.id, services.other.id],
      },
      { type: "operator" },
    );
    // The SP takes the IdP's certificate from its metadata, as a real one would.
    const metadata = (await subject.app.inject({ url: "/eherkenning/idp/metadata" })).body;
    idpCert = idpFromMetadata(metadata).cert;
    // node-saml checks times against Date: it runs on the test clock.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
  });
  afterEach(() => vi.setSystemTime(subject.clock.now()));
  afterAll(async () => {
    vi.useRealTimers();
    await subject.close();
  });

  function serviceProvider(
    index: number,
    level: Level,
    overrides: Partial<ConstructorParameters<typeof SAML>[0]> = {},
  ) {
    return new SAML({
      entryPoint: `${subject.services.config.publicUrl}/eherkenning/idp/sso`,
      issuer: SP_ENTITY,
      callbackUrl: ACS,
      audience: SP_ENTITY,
      idpCert,
      idpIssuer: `${subject.services.config.publicUrl}/eherkenning/idp/metadata`,
      privateKey: signing.key,
      decryptionPvk: encryption.key,
      signatureAlgorithm: "sha256",
      digestAlgorithm: "sha256",
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: true,
      authnContext: [levelFacts[level].urn],
      racComparison: "minimum",
      forceAuthn: true,
      identifierFormat: null,
      attributeConsumingServiceIndex: String(index),
      validateInResponseTo: ValidateInResponseTo.always,
      acceptedClockSkewMs: 0,
      ...overrides,
    });
  }

  /** A means holder issued through part 1, activated with SMS. */
  let holderNumber = 0;
  async function issueMeans(scope?: { kind: "services"; serviceIds: string[] }) {
    holderNumber += 1;
    const email = `houder${holderNumber}@example.nl`;
    const reviewer = await createSupplierStaff(
      subject,
      `rev${holderNumber}@poort-eherkenning.nl`,
      "reviewer",
    );
    const seeded = await seedApplication(subject, { email, ...(scope ? { scope } : {}) });
    expect(
      (await reviewer.post(`/api/eherkenning/beheer/applications/${seeded.id}/approval`))
        .statusCode,
    ).toBe(200);
    const holder = await activateByMail(subject, email);
    await holder.post("/api/me/two-factor/sms", { mobile: "+31612345678" });
    const code = /(\d{6})/.exec(await lastSmsTo(subject, "+31612345678"))?.[1];
    expect((await holder.post("/api/me/two-factor/sms/confirm", { code })).statusCode).toBe(200);
    return email;
  }

  /** The browser: from the SP's redirect to the IdP's answer, logging in on the way. */
  async function signOn(sp: SAML, email: string) {
    const url = new URL(await sp.getAuthorizeUrlAsync("relay-1", undefined, {}));
    const browser = new ApiClient(subject.app);
    const accepted = await browser.get(`${url.pathname}${url.search}`);
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toMatch(/\/eherkenning\/idp\/inloggen$/);
    await logIn(browser, email);
    return { browser, url };
  }

  /** The holder's ordinary login with password and SMS code, after the request arrived. */
  async function logIn(browser: ApiClient, email: string) {
    const before = await browser.get("/api/eherkenning/idp/login");
    expect(before.json().loggedIn).toBe(false);
    await browser.post("/api/auth/login", {
      area: "eherkenning",
      email,
      password: "zonnige-kade-47-brug",
    });
    await browser.refreshCsrfToken();
    const code = /(\d{6})/.exec(await lastSmsTo(subject, "+31612345678"))?.[1];
    expect(
      (await browser.post("/api/auth/second-factor", { method: "sms", code })).statusCode,
    ).toBe(200);
    await browser.refreshCsrfToken();
    expect((await browser.get("/api/eherkenning/idp/login")).json().loggedIn).toBe(true);
  }

  /** A refusal a person reaches in the browser: a page in their language, naming the code. */
  function expectRefusalPage(
    answer: { headers: Record<string, unknown>; body: string },
    code: string,
    locale: "nl" | "en",
  ) {
    expect(String(answer.headers["content-type"])).toContain("text/html");
    expect(answer.body).toContain(`<html lang="${locale}">`);
    expect(answer.body).toContain(`<code>${code}</code>`);
  }

  async function postedResponse(browser: ApiClient) {
    const page = await browser.get("/eherkenning/idp/doorsturen");
    expect(page.statusCode).toBe(200);
    expect(String(page.headers["content-security-policy"])).toContain(
      "form-action https://dienst.example.nl",
    );
    const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const relayState = /name="RelayState" value="([^"]+)"/.exec(page.body)?.[1];
    expect(/action="([^"]+)"/.exec(page.body)?.[1]).toBe(ACS);
    return { samlResponse, relayState };
  }

  it("publishes metadata with the signing certificate and the SSO and SLO endpoints", async () => {
    const answer = await subject.app.inject({ url: "/eherkenning/idp/metadata" });
    expect(answer.statusCode).toBe(200);
    const xml = answer.body;
    expect(xml).toContain('Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"');
    expect(xml).toContain('Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"');
    expect(xml).toContain("SingleLogoutService");
    const base64 = /<(?:ds:)?X509Certificate>([^<]+)</.exec(xml)?.[1] ?? "";
    const certificate = new X509Certificate(Buffer.from(base64.replace(/\s+/g, ""), "base64"));
    expect(certificate.subject).toContain("eHerkenning IdP");
    expect(certificate.publicKey.asymmetricKeyType).toBe("rsa");
  });

  it("signs in a means holder: node-saml accepts both signatures and reads every attribute", async () => {
    const email = await issueMeans();
    const sp = serviceProvider(services.eh2.index, "EH2+");
    const { browser } = await signOn(sp, email);
    const answer = await browser.post("/api/eherkenning/idp/answer", {});
    expect(answer.json()).toEqual({ outcome: "post" });
    const posted = await postedResponse(browser);
    expect(posted.relayState).toBe("relay-1");
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: posted.samlResponse });
    expect(profile?.issuer).toBe(`${subject.services.config.publicUrl}/eherkenning/idp/metadata`);
    const xml = Buffer.from(posted.samlResponse, "base64").toString("utf8");
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    // Two signatures: the Response's and the Assertion's, RSA-SHA256, exclusive c14n.
    expect(xml.match(/<ds:SignatureValue>/g)).toHaveLength(2);
    expect(xml).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
    expect(xml).toContain('Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"');
    expect(xml).toContain('Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"');
    expect(xml).toContain(
      `<saml:AuthnContextClassRef>${levelFacts["EH2+"].urn}</saml:AuthnContextClassRef>`,
    );
    expect(xml).toContain(`<saml:Audience>${SP_ENTITY}</saml:Audience>`);
    expect(profile?.[ATTRIBUTE.serviceId]).toBe(serviceIdOf(OIN, services.eh2.index));
    expect(profile?.[ATTRIBUTE.serviceUuid]).toBe(services.eh2.uuid);
    const legal = doc.getElementsByTagName("saml:Attribute");
    const byName = (name: string) =>
      Array.from({ length: legal.length }, (_, i) => legal.item(i)).filter(
        (node) => node?.getAttribute("Name") === name,
      );
    const kvk = byName(ATTRIBUTE.legalSubjectId)[0]?.getElementsByTagName("saml:NameID").item(0);
    expect(kvk?.getAttribute("NameQualifier")).toBe(QUALIFIER.kvk);
    expect(kvk?.textContent).toBe("90000001");
    const encrypted = byName(ATTRIBUTE.actingSubjectId)[0]
      ?.getElementsByTagName("saml:EncryptedID")
      .item(0);
    expect(encrypted).toBeTruthy();
    const encryptedData = encrypted?.getElementsByTagName("xenc:EncryptedData").item(0);
    const nameId = await decrypt(String(encryptedData), { key: encryption.key });
    const [account] = await subject.services.database.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.email, email), eq(accounts.kind, "means")));
    const pseudonym = pseudonymFor(subject.services.secrets, account?.id ?? "", SP_ENTITY);
    expect(nameId).toContain(`>${pseudonym}</saml:NameID>`);
    expect(byName(ATTRIBUTE.branchNumber)).toHaveLength(0);
  });

  it("is refused by an SP that expects another audience", async () => {
    const email = await issueMeans();
    const sp = serviceProvider(services.eh2.index, "EH2+");
    const { browser } = await signOn(sp, email);
    await browser.post("/api/eherkenning/idp/answer", {});
    const { samlResponse } = await postedResponse(browser);
    const other = serviceProvider(services.eh2.index, "EH2+", {
      audience: "https://andere-dienst.example.nl/saml/metadata",
      validateInResponseTo: ValidateInResponseTo.never,
    });
    await expect(other.validatePostResponseAsync({ SAMLResponse: samlResponse })).rejects.toThrow(
      /audience/i,
    );
  });

  it("is refused once the assertion has expired", async () => {
    const email = await issueMeans();
    const sp = serviceProvider(services.eh2.index, "EH2+");
    const { browser } = await signOn(sp, email);
    await browser.post("/api/eherkenning/idp/answer", {});
    const { samlResponse } = await postedResponse(browser);
    vi.setSystemTime(new Date(subject.clock.now().getTime() + 6 * MINUTE));
    await expect(sp.validatePostResponseAsync({ SAMLResponse: samlResponse })).rejects.toThrow(
      /subject confirmation|expired|NotOnOrAfter/i,
    );
  });

  it("answers a request once: a replayed assertion, request or collection is refused", async () => {
    const email = await issueMeans();
    const sp = serviceProvider(services.eh2.index, "EH2+");
    const { browser, url } = await signOn(sp, email);
    await browser.post("/api/eherkenning/idp/answer", {});
    const { samlResponse } = await postedResponse(browser);
    await sp.validatePostResponseAsync({ SAMLResponse: samlResponse });
    // node-saml forgets an InResponseTo once answered: the same assertion again is refused.
    await expect(sp.validatePostResponseAsync({ SAMLResponse: samlResponse })).rejects.toThrow(
      /InResponseTo/i,
    );
    // The IdP: the same AuthnRequest again, and the Response a second time.
    const again = await new ApiClient(subject.app).get(`${url.pathname}${url.search}`, {
      "accept-language": "en-GB,en;q=0.8",
    });
    expect(again.statusCode).toBe(400);
    expectRefusalPage(again, "saml_request_stale", "en");
    expect(again.body).toContain("expired or was already used");
    const collectedAgain = await browser.get("/eherkenning/idp/doorsturen");
    expect(collectedAgain.statusCode).toBe(410);
    expectRefusalPage(collectedAgain, "saml_login_missing", "nl");
    expect((await browser.post("/api/eherkenning/idp/answer", {})).statusCode).toBe(410);
  });

  it("refuses an EH2+ means for a service that demands EH3, and audits why", async () => {
    const email = await issueMeans();
    const sp = serviceProvider(services.eh3.index, "EH3");
    const { browser } = await signOn(sp, email);
    const answer = await browser.post("/api/eherkenning/idp/answer", {});
    expect(answer.json()).toEqual({
      outcome: "level-too-low",
      meansLevel: "EH2+",
      demandedLevel: "EH3",
    });
    expect((await browser.get("/eherkenning/idp/doorsturen")).statusCode).toBe(410);
    const refused = await subject.services.database.db.execute(
      "select details from audit_events where action = 'saml.login-refused'",
    );
    expect(JSON.stringify(refused)).toContain("level-too-low");
  });

  it("refuses a means without an authorization for the requested service", async () => {
    const email = await issueMeans({ kind: "services", serviceIds: [services.eh2.id] });
    const sp = serviceProvider(services.other.index, "EH2+");
    const { browser } = await signOn(sp, email);
    const answer = await browser.post("/api/eherkenning/idp/answer", {});
    expect(answer.json()).toEqual({ outcome: "no-authorization" });
  });

  it("refuses a request for a service the SP may not ask for, and an unsigned request", async () => {
    const notAllowed = serviceProvider(99, "EH2+");
    const url = new URL(await notAllowed.getAuthorizeUrlAsync("", undefined, {}));
    const refused = await subject.app.inject({ url: `${url.pathname}${url.search}` });
    expectRefusalPage(refused, "saml_service_not_allowed", "nl");
    const unsigned = new URL(
      await serviceProvider(services.eh2.index, "EH2+", {
        privateKey: undefined,
      }).getAuthorizeUrlAsync("", undefined, {}),
    );
    const answer = await subject.app.inject({ url: `${unsigned.pathname}${unsigned.search}` });
    expectRefusalPage(answer, "saml_request_invalid", "nl");
  });

  it("answers a person with a page in their language: unknown SP, a request without SAMLRequest", async () => {
    const stranger = serviceProvider(services.eh2.index, "EH2+", {
      issuer: "https://onbekend.example.nl/saml/metadata",
    });
    const url = new URL(await stranger.getAuthorizeUrlAsync("", undefined, {}));
    const unknown = await subject.app.inject({
      url: `${url.pathname}${url.search}`,
      headers: { "accept-language": "en" },
    });
    expect(unknown.statusCode).toBe(403);
    expectRefusalPage(unknown, "saml_unknown_service_provider", "en");
    const empty = await subject.app.inject({ url: "/eherkenning/idp/sso?RelayState=x" });
    expect(empty.statusCode).toBe(400);
    expectRefusalPage(empty, "saml_request_invalid", "nl");
    expect(empty.body).toContain("Inloggen met eHerkenning lukt niet");
  });

  it("accepts a signed AuthnRequest by the HTTP-POST binding", async () => {
    const email = await issueMeans();
    // The POST binding carries the XML plain (base64, not deflated), signed inside.
    const sp = serviceProvider(services.eh2.index, "EH2+", {
      authnRequestBinding: "HTTP-POST",
      skipRequestCompression: true,
    });
    const message = await sp.getAuthorizeMessageAsync("relay-post", undefined, {});
    const samlRequest = String(message.SAMLRequest);
    expect(Buffer.from(samlRequest, "base64").toString("utf8")).toMatch(/<(ds:)?Signature[ >]/);
    const browser = new ApiClient(subject.app);
    const accepted = await browser.send(
      "POST",
      "/eherkenning/idp/sso",
      new URLSearchParams({ SAMLRequest: samlRequest, RelayState: "relay-post" }).toString(),
      { "content-type": "application/x-www-form-urlencoded" },
    );
    expect(accepted.statusCode).toBe(303);
    await logIn(browser, email);
    expect((await browser.post("/api/eherkenning/idp/answer", {})).json()).toEqual({
      outcome: "post",
    });
    const posted = await postedResponse(browser);
    expect(posted.relayState).toBe("relay-post");
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: posted.samlResponse });
    expect(profile?.[ATTRIBUTE.serviceId]).toBe(serviceIdOf(OIN, services.eh2.index));
  });

  it("ends the sessions by single logout and answers node-saml with a signed LogoutResponse", async () => {
    const email = await issueMeans();
    const sp = serviceProvider(services.eh2.index, "EH2+", {
      logoutUrl: `${subject.services.config.publicUrl}/eherkenning/idp/slo`,
    });
    const { browser } = await signOn(sp, email);
    await browser.post("/api/eherkenning/idp/answer", {});
    const { samlResponse } = await postedResponse(browser);
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse });
    if (!profile) throw new Error("no profile");
    const logout = new URL(await sp.getLogoutUrlAsync(profile, "relay-out", {}));
    const answer = await new ApiClient(subject.app).get(`${logout.pathname}${logout.search}`);
    expect(answer.statusCode).toBe(303);
    const back = new URL(String(answer.headers.location));
    expect(back.origin + back.pathname).toBe("https://dienst.example.nl/saml/logout");
    const query = Object.fromEntries(back.searchParams);
    const validated = await sp.validateRedirectAsync(query, back.search.slice(1));
    expect(validated.loggedOut).toBe(true);
    // The holder's Poort session ended with it.
    expect((await browser.get("/api/eherkenning/means/mine")).statusCode).toBe(401);
  });

  it("names the branch of a branch-limited authorization, and the RSIN beside the KvK number", async () => {
    const email = await issueMeans();
    const db = subject.services.database.db;
    await db.execute(
      `update authorizations set branch_number = '990000000011'
         where means_id = (select m.id from means m join accounts a on a.id = m.account_id
                           where a.email = '${email}' and a.kind = 'means')`,
    );
    const sp = serviceProvider(services.eh2.index, "EH2+");
    const { browser } = await signOn(sp, email);
    expect((await browser.post("/api/eherkenning/idp/answer", {})).json()).toEqual({
      outcome: "post",
    });
    const { samlResponse } = await postedResponse(browser);
    await sp.validatePostResponseAsync({ SAMLResponse: samlResponse });
    const xml = Buffer.from(samlResponse, "base64").toString("utf8");
    expect(xml).toContain(`Name="${ATTRIBUTE.branchNumber}"`);
    expect(xml).toMatch(/ServiceRestriction:Vestigingsnr"[\s\S]*?>990000000011</);
    expect(xml).toContain(`<saml:NameID NameQualifier="${QUALIFIER.rsin}">857200148</saml:NameID>`);
    expect(xml).toContain(`<saml:NameID NameQualifier="${QUALIFIER.kvk}">90000001</saml:NameID>`);
  });

  it("lets a holder who acts for two companies choose, and names the chosen one", async () => {
    const email = await issueMeans();
    const db = subject.services.database.db;
    await db.execute(
      `insert into authorizations (means_id, scope_kind, service_id, provider_id, level,
         kvk_number, company_name, rsin, branch_number, application_id, valid_from, valid_until,
         created_at)
       select means_id, scope_kind, service_id, provider_id, level, '90000002',
         'Bakkerij Van den Berg Test', null, null, application_id, valid_from, valid_until,
         created_at
         from authorizations
        where means_id = (select m.id from means m join accounts a on a.id = m.account_id
                          where a.email = '${email}' and a.kind = 'means')`,
    );
    const sp = serviceProvider(services.eh2.index, "EH2+");
    const { browser } = await signOn(sp, email);
    const offered = (await browser.post("/api/eherkenning/idp/answer", {})).json();
    expect(offered.outcome).toBe("choose");
    expect(offered.choices.map((choice: { kvkNumber: string }) => choice.kvkNumber).sort()).toEqual(
      ["90000001", "90000002"],
    );
    const wrong = await browser.post("/api/eherkenning/idp/answer", {
      authorizationId: "00000000-0000-4000-8000-000000000000",
    });
    expect(wrong.json().error.code).toBe("saml_authorization_choice");
    const bakery = offered.choices.find(
      (choice: { kvkNumber: string }) => choice.kvkNumber === "90000002",
    );
    expect(
      (
        await browser.post("/api/eherkenning/idp/answer", {
          authorizationId: bakery.authorizationId,
        })
      ).json(),
    ).toEqual({ outcome: "post" });
    const { samlResponse } = await postedResponse(browser);
    await sp.validatePostResponseAsync({ SAMLResponse: samlResponse });
    const xml = Buffer.from(samlResponse, "base64").toString("utf8");
    expect(xml).toContain(`<saml:NameID NameQualifier="${QUALIFIER.kvk}">90000002</saml:NameID>`);
    expect(xml).not.toContain(QUALIFIER.rsin);
  });
});
