import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import {
  expectNoAccessibilityViolations,
  launchChromium,
  openPage,
  type WatchedPage,
} from "./support/browser.ts";
import { expectPasswordAsTyped } from "./support/certificate-password.ts";
import { logInAsDemo } from "./support/demo-login.ts";
import { expectPageFits } from "./support/layout.ts";
import { fill } from "./support/translations.ts";

const baseUrl = inject("baseUrl");
const desktop = { width: 1280, height: 800 };
const mobile = { width: 360, height: 740 };
const texts = { nl, en };
type Language = keyof typeof texts;

/**
 * The layout on a desktop (1280 px) and a phone (360 px), in Dutch and English: tables that fit
 * or scroll in a region of their own, whole words, the certificate password as it is typed, a
 * skip link that covers nothing, and dossier pages without long empty or edit-only stretches.
 */
describe("the layout at 1280 and 360 px", () => {
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

  async function newPage(language: Language = "nl") {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: desktop });
    await chooseLanguage(context, language);
    contexts.push(context);
    const page = await openPage(context);
    watched.push(page);
    return page.page;
  }

  /** The interface language, as the language switch would set it; takes effect on loading. */
  function chooseLanguage(context: BrowserContext, language: Language) {
    return context.addCookies([{ name: "poort_lang", value: language, url: baseUrl }]);
  }

  /**
   * Every page in both languages and both widths: the page never scrolls sideways, a table too
   * wide scrolls in its own region, named by its caption and reachable by keyboard, and no word
   * in a table is broken across two lines.
   */
  async function expectTablesFitOrScroll(page: Page, paths: string[]) {
    for (const language of ["nl", "en"] as const) {
      await chooseLanguage(page.context(), language);
      for (const size of [desktop, mobile]) {
        await page.setViewportSize(size);
        for (const path of paths) {
          await page.goto(path);
          await page.locator("table").first().waitFor();
          const where = `${path} in ${language} at ${size.width} px`;
          expect(await page.evaluate(() => document.documentElement.lang), where).toBe(language);
          await expectPageFits(page, where);
          await expectNoAccessibilityViolations(page);
        }
      }
    }
  }

  it("fits the servicedesk's tables, the certificates of an office even at 1280 px", async () => {
    const page = await newPage();
    await logInAsDemo(page, "servicedesk", "noor@servicedesk.example.nl", "+31612340004");
    await page.goto("/servicedesk/kantoren?q=101234");
    const office = page.getByRole("link", { name: "Notariskantoor De Vries & Partners" });
    const officePath = (await office.getAttribute("href")) ?? "";
    await expectTablesFitOrScroll(page, [
      "/servicedesk/kantoren?q=Notari",
      officePath,
      "/servicedesk/mijn-gegevens",
    ]);

    // "Intrekking" and "Acties" were cut off at 1280 px: the table now fits without scrolling.
    await page.setViewportSize(desktop);
    for (const language of ["nl", "en"] as const) {
      await chooseLanguage(page.context(), language);
      await page.goto(officePath);
      const caption = fill(texts[language].servicedesk.certificates.office.certificatesCaption, {
        office: "Notariskantoor De Vries & Partners",
      });
      const region = page.getByRole("region", { name: caption });
      await region.waitFor();
      expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    }
  }, 180_000);

  it("fits or scrolls the back office's tables", async () => {
    const page = await newPage();
    await logInAsDemo(page, "office", "sara@devriespartners.nl", "+31612340001");
    await page.goto("/office/dossiers");
    const dossier = page.getByRole("link", { name: /2026\.0142/ }).first();
    const dossierPath = (await dossier.getAttribute("href")) ?? "";
    await expectTablesFitOrScroll(page, [
      "/office/dossiers",
      dossierPath,
      "/office/messages",
      "/office/clients",
      "/office/staff",
      "/office/mijn-gegevens",
    ]);
  }, 240_000);

  it("fits or scrolls the portal's tables", async () => {
    const page = await newPage();
    await logInAsDemo(page, "portal", "anna@bakkerijbol.nl");
    await page.goto("/portal/dossiers");
    // The demo company wrote to the office in 2026.0203: its Berichten tab has a table.
    const dossier = page.getByRole("link", { name: /2026\.0203/ }).first();
    const messagesPath = `${(await dossier.getAttribute("href")) ?? ""}?tab=messages`;
    await expectTablesFitOrScroll(page, [
      "/portal/dossiers",
      messagesPath,
      "/portal/mijn-gegevens",
    ]);
  }, 180_000);

  it("shows an issued certificate's password as it is typed, copies it, and prints it whole", async () => {
    const page = await newPage();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize(mobile);
    await logInAsDemo(page, "servicedesk", "noor@servicedesk.example.nl", "+31612340004");
    await page.goto("/servicedesk/kantoren?q=102345");
    await page.getByRole("link", { name: "Notariaat Aan de Amstel" }).click();
    const issue = nl.servicedesk.certificates.issue;
    const smsTo = "+31611122299";
    await page.getByLabel(issue.mobile).fill(smsTo);
    await page.getByRole("button", { name: issue.submit }).click();
    await page.getByRole("heading", { name: issue.doneHeading }).waitFor();

    // The SMS has the password as it is; the screen must show the very same.
    const sms = await page.request.get("/dev/outbox/sms");
    const { messages } = (await sms.json()) as { messages: Array<{ to: string; text: string }> };
    const password = /is ([a-z0-9-]+)$/.exec(messages.find((m) => m.to === smsTo)?.text ?? "")?.[1];
    expect(password).toMatch(/^([a-z0-9]{4}-){4}[a-z0-9]{4}$/);
    const shown = page.locator("#issued-password");
    await expectPasswordAsTyped(shown, password ?? "");
    await expectNoAccessibilityViolations(page);

    const copy = page.getByRole("button", { name: nl.certificates.password.copy });
    await copy.click();
    await page.getByRole("status").filter({ hasText: nl.copy.copied }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await expectNoAccessibilityViolations(page);

    await page.emulateMedia({ media: "print" });
    expect(await copy.isVisible()).toBe(false);
    await expectPasswordAsTyped(shown, password ?? "");
    expect(await shown.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(
      true,
    );
    await page.emulateMedia({ media: "screen" });
  });

  it("hides the skip link until it is focused, and then lets it cover nothing", async () => {
    const page = await newPage();
    await logInAsDemo(page, "portal", "anna@bakkerijbol.nl");
    for (const language of ["nl", "en"] as const) {
      await chooseLanguage(page.context(), language);
      for (const size of [desktop, mobile]) {
        await page.setViewportSize(size);
        await page.goto("/portal/mijn-gegevens");
        await page
          .getByRole("heading", { level: 1, name: texts[language].account.myDetails.title })
          .waitFor();
        const skip = page.getByRole("link", { name: texts[language].skipLink });
        const loggedInAs = page.getByText(
          fill(texts[language].account.accountBar.loggedInAs, { name: "Anna Bol" }),
        );
        const brand = page.locator(".poort-page-header__identity");
        expect(await isSeen(skip), `${language} ${size.width}: before focus`).toBe(false);

        await page.keyboard.press("Tab");
        expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
        expect(await isSeen(skip), `${language} ${size.width}: focused`).toBe(true);
        expect(await overlap(skip, brand), `${language} ${size.width}: over the header`).toBe(
          false,
        );
        // Scrolled down to "Ingelogd als", the focused link must not float over it.
        const top = (await loggedInAs.boundingBox())?.y ?? 0;
        await page.evaluate((y) => window.scrollTo({ top: y, behavior: "instant" }), top);
        expect(
          await overlap(skip, loggedInAs),
          `${language} ${size.width}: over "Ingelogd als"`,
        ).toBe(false);
        await expectNoAccessibilityViolations(page);

        await page.keyboard.press("Enter");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
        expect(await isSeen(skip), `${language} ${size.width}: after use`).toBe(false);
      }
    }
  });

  it("shows the office's progress as a short list, with the editor behind a button", async () => {
    const page = await newPage();
    await logInAsDemo(page, "office", "tom@devriespartners.nl", "+31612340002");
    const o = nl.office.dossiers;
    for (const size of [desktop, mobile]) {
      await page.setViewportSize(size);
      await page.goto("/office/dossiers");
      await page
        .getByRole("link", { name: /2026\.0142/ })
        .first()
        .click();
      const edit = page.getByRole("button", { name: o.progress.edit });
      await edit.waitFor();
      const firstTitle = page.getByLabel(fill(o.progress.stepTitle, { n: 1 }));
      const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);

      expect(await edit.getAttribute("aria-expanded")).toBe("false");
      expect(await firstTitle.isVisible()).toBe(false);
      // The hidden editor has the same summary; the list shows it too.
      const summary = fill(o.progress.summary, { done: 3, total: 8 });
      await page.getByText(summary).filter({ visible: true }).waitFor();
      await page.getByText("Koopovereenkomst ontvangen").waitFor();
      const closed = await pageHeight();
      await expectNoAccessibilityViolations(page);

      await edit.click();
      expect(await edit.getAttribute("aria-expanded")).toBe("true");
      expect(await firstTitle.inputValue()).toBe("Koopovereenkomst ontvangen");
      const open = await pageHeight();
      // The editor of eight steps alone is longer than a screen.
      expect(open - closed, `at ${size.width} px`).toBeGreaterThan(size.height);
      await expectNoAccessibilityViolations(page);

      await edit.click();
      expect(await firstTitle.isVisible()).toBe(false);
    }
  });

  it("closes the portal's Voortgang box around its summary", async () => {
    const page = await newPage();
    await logInAsDemo(page, "portal", "anna@bakkerijbol.nl");
    for (const size of [desktop, mobile]) {
      await page.setViewportSize(size);
      await page.goto("/portal/dossiers");
      await page.getByRole("link", { name: /2026\.0203/ }).click();
      const summary = page.locator("summary", { hasText: /^Voortgang/ });
      await summary.waitFor();
      const heights = await summary.evaluate((element) => ({
        box: (element.parentElement as HTMLElement).clientHeight,
        summary: (element as HTMLElement).offsetHeight,
      }));
      expect(heights.box, `at ${size.width} px`).toBe(heights.summary);
      await summary.click();
      const opened = () =>
        summary.evaluate((element) => element.parentElement?.hasAttribute("open"));
      await expect.poll(opened).toBe(true);
      await expectNoAccessibilityViolations(page);
    }
  });
});

/** Whether any of the element can be seen in the window: on screen, and not clipped away. */
async function isSeen(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const inWindow =
      box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
    return inWindow && box.width > 1 && box.height > 1;
  });
}

/** Whether two elements are drawn over one another. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [one, other] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  if (!one || !other) return false;
  return (
    one.x < other.x + other.width &&
    other.x < one.x + one.width &&
    one.y < other.y + other.height &&
    other.y < one.y + one.height
  );
}
