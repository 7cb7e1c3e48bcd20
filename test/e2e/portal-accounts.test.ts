import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import {
  expectNoAccessibilityViolations,
  launchChromium,
  openPage,
  type WatchedPage,
} from "./support/browser.ts";

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

/** Logs in on the login page and waits for the page that follows. */
/**
 * Logs in, then opens "Mijn gegevens" from the menu, or waits for `nextHeading`. Only the very
 * first login opens "Mijn gegevens" by itself, and other test files log the demo accounts in too.
 */
async function logIn(page: Page, email: string, nextHeading?: string) {
  await page.goto("/portal/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  if (nextHeading) {
    await page.getByRole("heading", { level: 1, name: nextHeading }).waitFor();
    return;
  }
  await page.getByRole("button", { name: "Uitloggen", exact: true }).waitFor();
  await page.getByRole("link", { name: "Mijn gegevens" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Mijn gegevens" }).waitFor();
}

/** The code in the newest text message to this number, from the dev outbox. */
async function latestSmsCode(page: Page, to: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      code = await page.evaluate(async (number) => {
        const { messages } = (await (await fetch("/dev/outbox/sms")).json()) as {
          messages: { to: string; text: string; sentAt: string }[];
        };
        const newest = messages
          .filter((message) => message.to === number)
          .sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt))[0];
        return newest?.text.match(/(?<!\d)\d{6}(?!\d)/)?.[0];
      }, to);
      return code;
    })
    .toBeDefined();
  return code ?? "";
}

describe("the client portal", () => {
  it("sends a visitor who is not logged in to the login page", async () => {
    const { page } = watched;
    await page.goto("/portal/mijn-gegevens");
    await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/portal/login");
    expect(await page.getByLabel("E-mailadres").getAttribute("autocomplete")).toBe("email");
    expect(await page.getByLabel("Wachtwoord").getAttribute("autocomplete")).toBe(
      "current-password",
    );
    await expectNoAccessibilityViolations(page);
  });

  it("logs a company's main account in to Mijn gegevens, saves a choice and logs out", async () => {
    const { page } = watched;
    await logIn(page, "anna@bakkerijbol.nl");
    await page.getByRole("heading", { level: 2, name: "Accounts | Extra accounts" }).waitFor();
    await page.getByRole("cell", { name: "piet@bakkerijbol.nl" }).waitFor();
    await page.getByRole("table", { name: "Uw actieve sessies" }).waitFor();
    await expectNoAccessibilityViolations(page);

    const messages = page.getByLabel("mijn behandelaar mij een bericht heeft gestuurd");
    const wasChecked = await messages.isChecked();
    await messages.setChecked(!wasChecked);
    await page.getByRole("button", { name: "Notificaties opslaan" }).click();
    await page.getByText("Uw keuze voor notificaties is opgeslagen.").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Mijn gegevens" }).waitFor();
    await expect.poll(() => messages.isChecked()).toBe(!wasChecked);

    await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
    await page.getByText("U bent uitgelogd.").waitFor();
    await page.goto("/portal/mijn-gegevens");
    await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
  });

  it("shows a company's main account what is recorded of an extra account (Inzien)", async () => {
    const { page } = watched;
    await logIn(page, "anna@bakkerijbol.nl");

    const view = page.getByRole("button", { name: "Piet Bol inzien" });
    await view.click();
    const dialog = page.getByRole("dialog", { name: "Gegevens van Piet Bol" });
    await dialog.waitFor();
    const details = await dialog
      .locator(".utrecht-data-list__item")
      .evaluateAll((items) =>
        items.map((item) => [...item.children].map((part) => part.textContent)),
      );
    expect(details).toEqual([
      ["Naam", "Piet Bol"],
      ["E-mailadres", "piet@bakkerijbol.nl"],
      ["Mobiel nummer", "Niet bekend"],
      ["Status", "Actief"],
      ["Aangemaakt op", expect.stringMatching(/^\d{1,2} \w+ \d{4}$/)],
      ["Verificatie in twee stappen", "Staat uit"],
    ]);
    const sluiten = dialog.getByRole("button", { name: "Sluiten" });
    expect(await sluiten.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAccessibilityViolations(page);

    // Escape closes it and gives the focus back to the button that opened it.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await view.evaluate((element) => element === document.activeElement)).toBe(true);
    await view.click();
    await sluiten.click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("sets up 2-step verification by SMS and then asks for a code at login", async () => {
    const { page } = watched;
    const mobile = "+31687654321";
    await logIn(page, "jan.jansen@example.nl");
    await page.getByRole("button", { name: "Verificatie per sms instellen" }).click();
    await page.getByLabel("Mobiel nummer").fill(mobile);
    await page.getByRole("button", { name: "Stuur de code" }).click();
    const code = page.getByLabel("Code");
    expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
    await code.fill(await latestSmsCode(page, mobile));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.getByRole("heading", { level: 3, name: "Uw herstelcodes" }).waitFor();
    expect(await page.locator(".poort-recovery-codes li").count()).toBeGreaterThan(0);
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Ik heb de codes bewaard" }).click();
    await page
      .getByText("u ontvangt bij het inloggen een code per sms", { exact: false })
      .waitFor();

    await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
    await page.getByText("U bent uitgelogd.").waitFor();
    await logIn(page, "jan.jansen@example.nl", "Verificatie in twee stappen");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Code").fill(await latestSmsCode(page, mobile));
    await page.getByRole("button", { name: "Verder" }).click();
    // Not the first login any more: Home opens, not "Mijn gegevens" (B1).
    await page.getByRole("heading", { level: 1, name: "Welkom, Jan Jansen" }).waitFor();
    await page.getByRole("link", { name: "Mijn gegevens" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Mijn gegevens" }).waitFor();

    // A client may turn it off again, with the password; the demo account is left as it was.
    await page.getByRole("button", { name: "Verificatie in twee stappen uitzetten" }).click();
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Uitzetten" }).click();
    await page.getByRole("button", { name: "Verificatie per sms instellen" }).waitFor();
  });

  it("answers a forgotten password neutrally", async () => {
    const { page } = watched;
    await page.goto("/portal/login");
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" }).waitFor();
    await page.getByLabel("E-mailadres").fill("niemand@example.nl");
    await page.getByRole("button", { name: "Stuur de link" }).click();
    const heading = page.getByRole("heading", { level: 1, name: "Kijk in uw e-mail" });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAccessibilityViolations(page);
  });

  it("explains a link that no longer works, with a way forward", async () => {
    const { page } = watched;
    await page.goto(`/portal/set-password/${"x".repeat(43)}`);
    await page.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" }).waitFor();
    await page.getByRole("link", { name: "Vraag een nieuwe link aan" }).waitFor();
    await expectNoAccessibilityViolations(page);
    // Chromium logs the 410 we asked for; it is the answer under test, not a fault.
    expect(watched.problems.length).toBeGreaterThan(0);
    for (const problem of watched.problems) expect(problem).toContain("410");
    watched.problems.splice(0);
  });
});
