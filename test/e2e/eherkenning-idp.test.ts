import { generateServiceProviderMetadata, SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Level, levelFacts } from "#src/contracts/eherkenning/levels.ts";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import { idpFromMetadata, spKeyPair } from "#test/support/saml-sp.ts";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { browserForFile } from "./support/browser.ts";
import { loggedInPage } from "./support/demo-login.ts";
import { type Language, pageIn, type Texts } from "./support/eherkenning.ts";
import { checkPage } from "./support/layout.ts";
import { smsCodeSentBy } from "./support/outbox.ts";
import { fill } from "./support/translations.ts";

/**
 * The IdP's login pages in Chromium (issue 15), in Dutch and in English: a municipality's SP,
 * built with node-saml in this process and registered on the back office's page, sends the
 * demo means holder Eva Smit (EH2+, authorized for every service up to EH2+) to Poort. For the
 * parking permit (EH2+) she logs in with password and SMS code, the post page sends the signed
 * Response to the SP's ACS, and node-saml accepts it; for the environmental permit (EH3) the
 * page says her means' level is too low and how to get one that serves.
 */
const browser = browserForFile();
const eva = { email: "eva.smit@example.nl", phone: "+31612340022" };
const admin = { email: "beheer@poort-eherkenning.nl", phone: "+31612340011" };
const provider = "Gemeente Voorbeeldstad";
const spName = "Parkeerloket Voorbeeldstad";
const services = {
  parking: {
    nameNl: "Parkeervergunning bedrijven",
    nameEn: "Business parking permit",
    index: 2,
    level: "EH2+" as Level,
  },
  permit: {
    nameNl: "Omgevingsvergunning aanvragen",
    nameEn: "Apply for an environmental permit",
    index: 1,
    level: "EH3" as Level,
  },
};
// The SP's entity id is unique: the demo database outlives one run of this file.
const spHost = `parkeren-${Date.now().toString(36)}.voorbeeldstad.example`;
const SP_ENTITY = `https://${spHost}/saml/metadata`;
const ACS = `https://${spHost}/saml/acs`;

let signing: Awaited<ReturnType<typeof spKeyPair>>;
let encryption: Awaited<ReturnType<typeof spKeyPair>>;
let idp: ReturnType<typeof idpFromMetadata>;

it("has the supplier's admin register the municipality's SP by its metadata file", async () => {
  const now = new Date();
  signing = await spKeyPair(now, spHost);
  encryption = await spKeyPair(now, spHost);
  const metadataXml = generateServiceProviderMetadata({
    issuer: SP_ENTITY,
    callbackUrl: ACS,
    privateKey: signing.key,
    publicCerts: signing.cert,
    decryptionPvk: encryption.key,
    decryptionCert: encryption.cert,
    wantAssertionsSigned: true,
  });
  // On the back office's page, by its metadata file, for both of the municipality's services.
  const { page } = await loggedInPage(
    browser,
    "eherkenning/beheer",
    { email: admin.email, phone: admin.phone },
    "nl",
  );
  await page.goto("/eherkenning/beheer/dienstverleners");
  const r = nl.ehIdpAdmin.register;
  await page.getByRole("heading", { level: 1, name: nl.ehIdpAdmin.title }).waitFor();
  await checkPage(page, "service providers");
  await page.getByLabel(r.name).fill(spName);
  await page.getByLabel(r.byFile).check();
  await page.getByLabel(r.file).setInputFiles({
    name: "metadata.xml",
    mimeType: "application/samlmetadata+xml",
    buffer: Buffer.from(metadataXml),
  });
  for (const service of [services.parking, services.permit]) {
    await page
      .getByLabel(
        fill(r.serviceOption, { service: service.nameNl, provider, level: service.level }),
      )
      .check();
  }
  await page.getByRole("button", { name: r.submit }).click();
  await page.getByText(fill(r.done, { name: spName, entityId: SP_ENTITY })).waitFor();
  await page.getByRole("cell", { name: SP_ENTITY }).waitFor();
  await checkPage(page, "service provider registered");
  // The SP takes the IdP's entity id and certificate from its metadata, as a real one would.
  idp = idpFromMetadata(await (await page.request.get("/eherkenning/idp/metadata")).text());
  expect(idp.ssoRedirect).toMatch(/\/eherkenning\/idp\/sso$/);
});

/** The municipality's SP asking for one of its services at that service's level. */
function serviceProvider(service: { index: number; level: Level }) {
  return new SAML({
    entryPoint: idp.ssoRedirect,
    issuer: SP_ENTITY,
    callbackUrl: ACS,
    audience: SP_ENTITY,
    idpCert: idp.cert,
    idpIssuer: idp.entityId,
    privateKey: signing.key,
    decryptionPvk: encryption.key,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "sha256",
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    authnContext: [levelFacts[service.level].urn],
    racComparison: "minimum",
    forceAuthn: true,
    identifierFormat: null,
    attributeConsumingServiceIndex: String(service.index),
    validateInResponseTo: ValidateInResponseTo.always,
  });
}

/**
 * From the SP's redirect to the login page: it names the service, the provider and the level,
 * and Eva logs in with her password and the SMS code, each step checked as it stands.
 */
async function logInAtIdp(
  page: Page,
  sp: SAML,
  t: Texts,
  language: Language,
  service: (typeof services)[keyof typeof services],
) {
  // The IdP's public address may be another host name than the one the tests call (localhost
  // for 127.0.0.1): the run's language goes there too.
  await page
    .context()
    .addCookies([{ name: "poort_lang", value: language, url: new URL(idp.ssoRedirect).origin }]);
  await page.goto(await sp.getAuthorizeUrlAsync("relay-1", undefined, {}));
  const e = t.ehIdp;
  await page.getByRole("heading", { level: 1, name: e.login.title }).waitFor();
  await page
    .getByText(language === "nl" ? service.nameNl : service.nameEn, { exact: true })
    .waitFor();
  await page.getByText(spName, { exact: true }).waitFor();
  await page.getByText(e.levels[service.level], { exact: true }).waitFor();
  await checkPage(page, "IdP login");
  await page.getByLabel(t.account.fields.email).fill(eva.email);
  await page.getByLabel(t.account.fields.password).fill(DEMO_PASSWORD);
  const code = await smsCodeSentBy(page, eva.phone, () =>
    page.getByRole("button", { name: e.login.submit }).click(),
  );
  await page.getByRole("heading", { level: 1, name: e.login.secondFactorTitle }).waitFor();
  await checkPage(page, "IdP second step");
  await page.getByLabel(t.account.fields.code).fill(code);
}

describe.each([
  ["nl", nl],
  ["en", en],
] as [Language, Texts][])("the eHerkenning IdP's login in the browser, in %s", (language, t) => {
  const e = t.ehIdp;

  it("logs Eva in for the parking permit and posts a Response node-saml accepts", async () => {
    const page = await pageIn(browser, language);
    const sp = serviceProvider(services.parking);
    // The SP's ACS, on its own site: the test answers for it and keeps what was posted.
    let posted: URLSearchParams | undefined;
    await page.route(ACS, (route) => {
      posted = new URLSearchParams(route.request().postData() ?? "");
      return route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: '<!doctype html><html lang="nl"><title>Parkeerloket</title><main><h1>Ingelogd</h1></main></html>',
      });
    });
    await logInAtIdp(page, sp, t, language, services.parking);
    await page.getByRole("button", { name: t.account.secondFactor.submit }).click();
    await page.waitForURL(ACS);
    expect(posted?.get("RelayState")).toBe("relay-1");
    const samlResponse = posted?.get("SAMLResponse") ?? "";
    // node-saml checks both signatures, audience, times and InResponseTo before it answers.
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse });
    expect(profile?.issuer).toBe(idp.entityId);
    expect(profile?.["urn:etoegang:core:ServiceID"]).toBe(
      "urn:etoegang:DV:00000001823456789000:services:2",
    );
    expect(JSON.stringify(profile?.["urn:etoegang:core:LegalSubjectID"])).toContain(
      '{"_":"90000001","$":{"NameQualifier":"urn:etoegang:1.9:EntityConcernedID:KvKnr"}}',
    );
    // The reached level is in the AuthnContext, which node-saml leaves out of the profile.
    expect(Buffer.from(samlResponse, "base64").toString("utf8")).toMatch(
      new RegExp(`AuthnContextClassRef>${levelFacts["EH2+"].urn}<`),
    );
  });

  it("refuses her EH2+ means for the EH3 environmental permit, saying how to get one", async () => {
    const page = await pageIn(browser, language);
    await logInAtIdp(page, serviceProvider(services.permit), t, language, services.permit);
    await page.getByRole("button", { name: t.account.secondFactor.submit }).click();
    await page.getByRole("heading", { level: 1, name: e.levelTooLow.title }).waitFor();
    await page
      .getByText(
        fill(e.levelTooLow.explanation, { demanded: e.levels.EH3, held: e.levels["EH2+"] }),
      )
      .waitFor();
    expect(await page.getByRole("link", { name: e.apply }).getAttribute("href")).toBe(
      "/eherkenning/aanvragen",
    );
    await checkPage(page, "IdP level too low");
  });
});
