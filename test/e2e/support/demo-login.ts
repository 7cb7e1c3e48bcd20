import type { BrowserContextOptions, Page } from "playwright-core";
import { inject } from "vitest";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import nl from "../../../src/web/ui/i18n/nl.json" with { type: "json" };
import type { browserForFile, WatchedPage } from "./browser.ts";
import { smsCodeSentBy } from "./outbox.ts";

const a = nl.account;

/**
 * Logs a demo account in with the demo password, by the Dutch labels, and with the SMS code
 * from the dev outbox when the account has a second step on that number; waits until the
 * login pages are left behind.
 */
export async function logInAsDemo(page: Page, area: string, email: string, phone?: string) {
  await page.goto(`/${area}/login`);
  await page.getByLabel(a.fields.email).fill(email);
  await page.getByLabel(a.fields.password).fill(DEMO_PASSWORD);
  const submit = () => page.getByRole("button", { name: a.login.submit }).click();
  if (phone) {
    const code = await smsCodeSentBy(page, phone, submit);
    await page.getByLabel(a.fields.code).fill(code);
    await page.getByRole("button", { name: a.secondFactor.submit }).click();
  } else {
    await submit();
  }
  await page.waitForURL((url) => !url.pathname.includes("/login"));
}

/**
 * Logs a demo account in by the Dutch labels that `logInAsDemo` reads, then switches to the
 * run's language, which the next page loaded shows.
 */
export async function logInInLanguage(
  page: Page,
  area: string,
  account: { email: string; phone?: string },
  language: "nl" | "en",
): Promise<void> {
  const showLanguage = (value: "nl" | "en") =>
    page.context().addCookies([{ name: "poort_lang", value, url: inject("baseUrl") }]);
  await showLanguage("nl");
  await logInAsDemo(page, area, account.email, account.phone);
  await showLanguage(language);
}

/** A watched page in a browser context of its own, logged in as with `logInInLanguage`. */
export async function loggedInPage(
  browser: ReturnType<typeof browserForFile>,
  area: string,
  account: { email: string; phone?: string },
  language: "nl" | "en",
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const watched = await browser.newPage(options);
  await logInInLanguage(watched.page, area, account, language);
  return watched;
}
