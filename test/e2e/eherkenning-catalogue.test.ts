import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { launchChromium, openPage, type WatchedPage } from "./support/browser.ts";
import { logInAsDemo } from "./support/demo-login.ts";
import { checkPage } from "./support/layout.ts";

const baseUrl = inject("baseUrl");

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
  expect(watched.problems).toEqual([]);
  await context.close();
});

describe("the eHerkenning catalogue", () => {
  it.each([
    ["nl", nl],
    ["en", en],
  ] as const)(
    "leads from the front page to the overview of providers, in %s",
    async (language, texts) => {
      const { page } = watched;
      const c = texts.ehCatalogue;
      await context.addCookies([{ name: "poort_lang", value: language, url: baseUrl }]);
      await page.goto("/eherkenning");
      await page.getByRole("heading", { level: 1, name: c.home.title }).waitFor();
      for (const step of Object.values(c.home.steps)) {
        await page.getByRole("heading", { level: 3, name: step.title }).waitFor();
      }
      expect(await page.getByRole("link", { name: c.home.apply }).getAttribute("href")).toBe(
        "/eherkenning/aanvragen",
      );
      expect(await page.getByRole("link", { name: c.home.login }).getAttribute("href")).toBe(
        "/eherkenning/login",
      );
      await checkPage(page, "the front page");

      await page.getByRole("link", { name: c.home.providersLink }).click();
      await page.getByRole("heading", { level: 1, name: c.overview.title }).waitFor();
      await page.getByRole("heading", { level: 3, name: "Gemeente Voorbeeldstad" }).waitFor();
      const parking = language === "nl" ? "Parkeervergunning bedrijven" : "Business parking permit";
      await page.getByRole("cell", { name: parking }).waitFor();
      await checkPage(page, "the overview");

      await page.getByLabel(c.overview.filterLabel).fill("pensioen");
      await page
        .getByRole("heading", { level: 3, name: "Pensioenfonds Voorbeeldsector" })
        .waitFor();
      expect(await page.getByRole("heading", { level: 3 }).count()).toBe(1);
      await page.getByLabel(c.overview.filterLabel).fill("zzz");
      await page.getByText(c.overview.noMatch.replace("{{query}}", "zzz")).waitFor();
    },
  );

  it("lets the office's admin set the level the client portal demands", async () => {
    const { page } = watched;
    const e = nl.office.eherkenning;
    // The other demo office, so the application tests keep De Vries & Partners at EH3.
    await logInAsDemo(page, "office", "lisa@aandeamstel.nl", "+31612340003");
    await page.goto("/office/staff");
    await page.getByRole("heading", { level: 2, name: e.heading }).waitFor();
    const level = page.getByLabel(e.level);
    expect(await level.inputValue()).toBe("EH3");
    await level.selectOption("EH4");
    await page.getByRole("button", { name: e.save }).click();
    await page.getByText(e.saved).waitFor();
    await checkPage(page, "the office's eHerkenning level");

    await page.goto("/eherkenning/dienstverleners");
    const portal = page.getByRole("row", {
      name: /Klantenportaal Notariaat Aan de Amstel/,
    });
    await expect.poll(() => portal.textContent()).toContain("EH4");
  });
});
