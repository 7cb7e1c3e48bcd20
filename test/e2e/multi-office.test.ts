import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import {
  expectNoAccessibilityViolations,
  launchChromium,
  openPage,
  type WatchedPage,
} from "./support/browser.ts";
import { logInAsDemo } from "./support/demo-login.ts";
import { linkPath, waitForMail } from "./support/outbox.ts";
import { fill } from "./support/translations.ts";

const baseUrl = inject("baseUrl");
const a = nl.account;
const p = nl.portal;
const PASSWORD = "twee-kantoren-een-wachtwoord";
const person = { email: "lotte.visser@example.nl", name: "Lotte Visser" };
const offices = {
  devries: {
    name: "Notariskantoor De Vries & Partners",
    staff: { email: "sara@devriespartners.nl", phone: "+31612340001" },
    dossier: { number: "2026.0901", description: "Levering Lindengracht 5, Amsterdam" },
  },
  amstel: {
    name: "Notariaat Aan de Amstel",
    staff: { email: "lisa@aandeamstel.nl", phone: "+31612340003" },
    dossier: { number: "2026.0902", description: "Testament Lotte Visser" },
  },
};

/**
 * One person, client of two offices with one e-mail address (ADR 0011), in Chromium by the
 * Dutch labels: both offices invite the address and give it a dossier, the person activates
 * with the mailed link, logs in, chooses an office and sees that office's dossier and not the
 * other's, then switches to the other office and sees the reverse.
 */
describe("one login, two notary offices", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watched: WatchedPage[] = [];
  const dossierIds: Record<keyof typeof offices, string> = { devries: "", amstel: "" };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const { problems } of watched) expect(problems).toEqual([]);
    await Promise.all(contexts.map((context) => context.close()));
    await browser.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 800 },
    });
    await context.addCookies([{ name: "poort_lang", value: "nl", url: baseUrl }]);
    contexts.push(context);
    const page = await openPage(context);
    watched.push(page);
    return page.page;
  }

  /** A call to the API in the page's session, with its CSRF token, as the web apps make it. */
  async function api(page: Page, method: "GET" | "POST", url: string, data?: object) {
    const { csrfToken } = await (await page.request.get("/api/session")).json();
    const response = await page.request.fetch(url, {
      method,
      headers: { "x-csrf-token": csrfToken },
      ...(data ? { data } : {}),
    });
    expect(response.status(), `${method} ${url}`).toBeLessThan(300);
    return response.json();
  }

  /** The page never scrolls sideways at 1280 px. */
  async function expectFitsTheWidth(page: Page) {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }

  it("both offices invite the same address and each gives the client a dossier", async () => {
    for (const [key, office] of Object.entries(offices) as Array<
      [keyof typeof offices, (typeof offices)[keyof typeof offices]]
    >) {
      const staff = await newPage();
      await logInAsDemo(staff, "office", office.staff.email, office.staff.phone);
      await api(staff, "POST", "/api/office/clients", {
        kind: "person",
        name: person.name,
        email: person.email,
        locale: "nl",
      });
      const options = await api(staff, "GET", "/api/office/dossier-options");
      const client = options.clients.find(
        (candidate: { name: string }) => candidate.name === person.name,
      );
      const created = await api(staff, "POST", "/api/office/dossiers", {
        ...office.dossier,
        clientIds: [client.id],
      });
      dossierIds[key] = created.id;
    }
  });

  it("the person activates the account with the newest mailed link", async () => {
    const page = await newPage();
    // The second office's invitation carries the link that works now: the newest one.
    const invitation = await waitForMail(
      page,
      person.email,
      `Uw account bij ${offices.amstel.name}`,
    );
    await page.goto(linkPath(invitation, "activate"));
    await page.getByLabel(a.fields.email).fill(person.email);
    await page.getByRole("button", { name: a.activate.submit }).click();
    await page.getByRole("heading", { name: a.activate.sentTitle }).waitFor();
    const confirmation = await waitForMail(page, person.email, "Stel uw wachtwoord in");
    await page.goto(linkPath(confirmation, "set-password"));
    await page.getByLabel(a.fields.newPassword, { exact: true }).fill(PASSWORD);
    await page.getByLabel(a.fields.passwordConfirmation).fill(PASSWORD);
    await page.getByRole("button", { name: a.setPassword.submit }).click();
    // Logged in, but of two offices: the portal asks which first.
    await page.getByRole("heading", { level: 1, name: p.chooseOffice.title }).waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("logs in, chooses an office, sees that office's dossier only, and switches", async () => {
    const page = await newPage();
    await page.goto("/portal/login");
    await page.getByLabel(a.fields.email).fill(person.email);
    await page.getByLabel(a.fields.password).fill(PASSWORD);
    await page.getByRole("button", { name: a.login.submit }).click();
    await page.getByRole("heading", { level: 1, name: p.chooseOffice.title }).waitFor();
    await expectNoAccessibilityViolations(page);
    await expectFitsTheWidth(page);

    const visit = async (
      chosen: keyof typeof offices,
      other: keyof typeof offices,
    ): Promise<void> => {
      await page.getByRole("button", { name: offices[chosen].name, exact: true }).click();
      await page
        .getByText(fill(p.offices.current, { office: offices[chosen].name }), { exact: true })
        .waitFor();
      await page
        .getByRole("navigation", { name: a.menu.label })
        .getByRole("link", { name: p.dossiers.title })
        .click();
      await page.getByRole("heading", { level: 1, name: p.dossiers.title }).waitFor();
      await page.getByText(offices[chosen].dossier.description).waitFor();
      expect(await page.getByText(offices[other].dossier.description).count()).toBe(0);
      expect(await page.getByText(offices[other].dossier.number).count()).toBe(0);
      await expectNoAccessibilityViolations(page);
      await expectFitsTheWidth(page);
      // Not even its address leads to the other office's dossier.
      const foreign = await page.request.get(`/api/portal/dossiers/${dossierIds[other]}`);
      expect(foreign.status()).toBe(404);
    };

    await visit("devries", "amstel");
    await page.getByRole("link", { name: p.offices.switch }).click();
    await page.getByRole("heading", { level: 1, name: p.chooseOffice.title }).waitFor();
    await page.getByText(fill(p.chooseOffice.current, { office: offices.devries.name })).waitFor();
    await visit("amstel", "devries");

    const opened = await page.goto(`/portal/dossiers/${dossierIds.amstel}`);
    expect(opened?.ok()).toBe(true);
    await page
      .getByRole("heading", {
        level: 1,
        name: fill(p.dossier.heading, offices.amstel.dossier),
      })
      .waitFor();
  });
});
