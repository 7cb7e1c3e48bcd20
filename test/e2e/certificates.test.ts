import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import {
  expectNoAccessibilityViolations,
  launchChromium,
  openPage,
  type WatchedPage,
} from "./support/browser.ts";
import { expectPasswordAsTyped } from "./support/certificate-password.ts";
import { smsCodeSentBy, waitForMail } from "./support/outbox.ts";

const baseUrl = inject("baseUrl");
const mtlsUrl = inject("mtlsUrl");
const dataDir = inject("dataDir");
const s = nl.selfservice;
const sd = nl.servicedesk.certificates;

/**
 * The office certificate in a real browser (SPEC A3–A11): the demo office's certificate is
 * imported into the browser profile, the self-service is walked from the request screen to
 * the printed confirmation, and the servicedesk screens show the result.
 */
describe("office certificates in the browser", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watched: WatchedPage[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const { problems } of watched) expect(problems).toEqual([]);
    await Promise.all(contexts.map((context) => context.close()));
    await browser.close();
  });

  async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
    const context = await browser.newContext({ baseURL: baseUrl, ...options });
    await context.addCookies([{ name: "poort_lang", value: "nl", url: baseUrl }]);
    contexts.push(context);
    const page = await openPage(context);
    watched.push(page);
    return page.page;
  }

  it("walks the self-service with the demo office's certificate, up to the printed confirmation", async () => {
    const folder = path.join(dataDir, "demo-certificate");
    const page = await newPage({
      ignoreHTTPSErrors: true,
      clientCertificates: [
        {
          origin: mtlsUrl,
          pfx: await readFile(path.join(folder, "devriespartners.p12")),
          passphrase: (await readFile(path.join(folder, "password.txt"), "utf8")).trim(),
        },
      ],
    });
    await page.goto(`${mtlsUrl}/selfservice/certificate`);
    await page.getByLabel(s.login.username).fill("sara@devriespartners.nl");
    await page.getByLabel("Wachtwoord", { exact: true }).fill(DEMO_PASSWORD);
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Inloggen" }).click();

    await page.getByRole("heading", { name: "Certificaat aanvragen" }).waitFor();
    await page.getByLabel("E-mail", { exact: true }).fill("ict");
    await page.getByLabel("Gebruik telefoonnummer").check();
    await page.getByLabel("Telefoonnummer", { exact: true }).fill("06 11122233");
    await page.getByLabel("Ik ga akkoord met de Algemene Gebruikersvoorwaarden").check();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Certificaat aanvragen" }).click();

    await page.getByRole("heading", { name: "Bevestiging van uw aanvraag" }).waitFor();
    const password = (await page.locator("#certificate-password").textContent())?.trim() ?? "";
    expect(password.length).toBeGreaterThan(16);
    await expectPasswordAsTyped(page.locator("#certificate-password"), password);
    await expectNoAccessibilityViolations(page);
    const copy = page.getByRole("button", { name: nl.certificates.password.copy });
    expect(await copy.isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Afdrukken" }).isVisible()).toBe(false);
    expect(await copy.isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });

    const mailPage = await newPage();
    await waitForMail(
      mailPage,
      "info@devriespartners.nl",
      "Bevestiging aanvraag KNB kantoorcertificaat",
    );
    await waitForMail(
      mailPage,
      "ict@devriespartners.nl",
      "Certificaat voor inloggen op KNB PEC applicaties",
    );
  });

  it("shows the servicedesk the office, its certificates and the expiry overview", async () => {
    const page = await newPage();
    await page.goto("/servicedesk/login");
    await page.getByLabel(nl.account.fields.email).fill("noor@servicedesk.example.nl");
    await page.getByLabel(nl.account.fields.password).fill(DEMO_PASSWORD);
    const code = await smsCodeSentBy(page, "+31612340004", () =>
      page.getByRole("button", { name: nl.account.login.submit }).click(),
    );
    await page.getByLabel(nl.account.fields.code).fill(code);
    await page.getByRole("button", { name: nl.account.secondFactor.submit }).click();
    await page.waitForURL((url) => !url.pathname.includes("/login"));

    await page.goto("/servicedesk/kantoren");
    await page.getByRole("searchbox", { name: "Zoek op naam of debiteurnummer" }).fill("101234");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.getByRole("link", { name: "Notariskantoor De Vries & Partners" }).click();
    await page
      .getByRole("button", { name: /^Intrekken / })
      .first()
      .waitFor();
    await expectNoAccessibilityViolations(page);
    expect(sd).toBeDefined();

    await page.goto("/servicedesk/verlopen");
    await page
      .getByRole("table", { name: "Kantoorcertificaten die in de komende 60 dagen verlopen" })
      .or(page.getByText(/geen/i))
      .first()
      .waitFor();
    await expectNoAccessibilityViolations(page);
  });
});
