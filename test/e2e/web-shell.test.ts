import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import {
  expectNoAccessibilityViolations,
  launchChromium,
  openPage,
  type WatchedPage,
} from "./support/browser.ts";
import { logInAsDemo } from "./support/demo-login.ts";

const baseUrl = inject("baseUrl");
/** The areas the start page links to; the self-service lives on the mTLS listener. */
const areaLinks = [
  { path: "/portal", nl: "Klantenportaal", en: "Client portal" },
  { path: "/office", nl: "Backoffice notariskantoor", en: "Notary office back office" },
  { path: "/servicedesk", nl: "Servicedesk", en: "Service desk" },
  {
    path: "/selfservice/certificate",
    nl: "Certificaat-selfservice",
    en: "Certificate self-service",
  },
  { path: "/eherkenning", nl: "eHerkenning", en: "eHerkenning" },
];
const areaPages = areaLinks.filter((area) => !area.path.startsWith("/selfservice"));

let browser: Browser;
let context: BrowserContext;
let watched: WatchedPage;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(async () => {
  context = await browser.newContext({ baseURL: baseUrl, locale: "nl-NL" });
  watched = await openPage(context);
});
afterEach(async () => {
  // A CSP violation or script error shows up as a console error.
  expect(watched.problems).toEqual([]);
  await context.close();
});

describe("the start page", () => {
  it("introduces Poort and leads to every area and, in embedded mode, the mailbox", async () => {
    const { page } = watched;
    await page.goto("/");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Welkom bij Poort");
    for (const area of areaLinks) {
      const link = page.getByRole("link", { name: new RegExp(`^${area.nl}`) }).first();
      expect(await link.getAttribute("href")).toBe(area.path);
    }
    await page.getByRole("link", { name: /^Ontwikkelpostbus/ }).waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("switches to English, remembers it, and the server answers in English too", async () => {
    const { page } = watched;
    await page.goto("/");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Welcome to Poort" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await context.cookies()).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "poort_lang", value: "en" })]),
    );
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Welcome to Poort" }).waitFor();
    const apiError = await page.evaluate(async () => (await fetch("/api/unknown")).json());
    expect(apiError.error.message).toBe("This page or item does not exist.");
    // Chromium logs the 404 we asked for; it is the answer under test, not a fault.
    expect(watched.problems).toEqual([expect.stringContaining("404")]);
    watched.problems.splice(0);
    await expectNoAccessibilityViolations(page);
  });
});

describe.each(["nl", "en"] as const)("each area's page shell in %s", (language) => {
  it.each(areaPages)(
    "$path has its name, a working skip link and no accessibility faults",
    async (area) => {
      const { page } = watched;
      await context.addCookies([{ name: "poort_lang", value: language, url: baseUrl }]);
      const response = await page.goto(area.path);
      expect(response?.status()).toBe(200);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.locator(".poort-page-header__app").textContent()).toBe(area[language]);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", {
        name: language === "nl" ? "Naar de hoofdinhoud" : "Skip to main content",
      });
      expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
      await expectNoAccessibilityViolations(page);
    },
  );
});

describe("an unknown address", () => {
  it("shows a page-not-found page with status 404 and a way back", async () => {
    const { page } = watched;
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).waitFor();
    await expectNoAccessibilityViolations(page);
    // Chromium logs the 404 status of the document itself; that is the point of this page.
    expect(watched.problems).toEqual([expect.stringContaining("404")]);
    watched.problems.splice(0);
  });
});

describe("the build", () => {
  it("is React's production build, even when a test run (NODE_ENV=test) built it", async () => {
    // React's development build is slower and larger, and under StrictMode it runs every
    // effect twice, every request a page makes on loading included.
    const { page } = watched;
    const messages: string[] = [];
    page.on("console", (message) => messages.push(message.text()));
    const sessionRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/session")) sessionRequests.push(request.url());
    });
    await page.goto("/portal/login");
    await page.getByRole("button", { name: "Inloggen" }).waitFor();
    await expect.poll(() => sessionRequests.length).toBe(1);
    expect(messages.filter((text) => text.includes("React DevTools"))).toEqual([]);
  });
});

describe("a login page left open", () => {
  it("logs in after a login in another tab changed the session", async () => {
    // Each login starts a session with a CSRF token of its own, so the token this page
    // fetched on loading is no longer the one the server expects.
    const { page } = watched;
    const loaded = page.waitForResponse("**/api/session");
    await page.goto("/portal/login");
    await loaded;
    const other = await openPage(context);
    await logInAsDemo(other.page, "portal", "jan.jansen@example.nl");

    await page.getByLabel("E-mailadres").fill("jan.jansen@example.nl");
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL((url) => !url.pathname.includes("/login"));
    await page.getByRole("link", { name: "Dossiers" }).first().waitFor();
    // The server refused the old token before acting on it; the page sent the login again.
    expect(watched.problems).toEqual(["403 POST /api/auth/login"]);
    watched.problems.splice(0);
  });
});

describe("the dev mailbox", () => {
  it("shows the demo mail in HTML and as text, and the demo text message", async () => {
    const { page } = watched;
    await page.goto("/dev/mailbox");
    await page.getByRole("link", { name: "Welkom bij Poort" }).click();
    const frame = page.frameLocator("iframe[title*='Welkom bij Poort']");
    await frame.getByText("Poort draait in de ingebouwde modus").waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Platte tekst" }).click();
    expect(await page.locator("pre").textContent()).toContain("Beste ontwikkelaar,");
    const sms = page.getByRole("table", { name: /sms/i });
    expect(await sms.textContent()).toContain("+31612345678");
  });
});
