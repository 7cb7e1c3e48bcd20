import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import {
  expectNoAccessibilityViolations,
  launchChromium,
  openPage,
  type WatchedPage,
} from "./support/browser.ts";
import { linkPath, waitForMail } from "./support/outbox.ts";

const baseUrl = inject("baseUrl");

const languages = {
  nl: {
    account: "fatima.elamrani@example.nl",
    forgot: "Wachtwoord vergeten?",
    email: "E-mailadres",
    send: "Stuur de link",
    sent: "Kijk in uw e-mail",
    resetSubject: "Nieuw wachtwoord instellen",
    newPassword: "Nieuw wachtwoord",
    repeat: "Herhaal het nieuwe wachtwoord",
    setPassword: "Instellen wachtwoord",
    confirmationSubject: "Uw wachtwoord is ingesteld",
    landing: "Welkom, Fatima El Amrani",
    linkInvalid: "Deze link werkt niet meer",
  },
  en: {
    account: "piet@bakkerijbol.nl",
    forgot: "Forgot your password?",
    email: "E-mail address",
    send: "Send the link",
    sent: "Check your e-mail",
    resetSubject: "Set a new password",
    newPassword: "New password",
    repeat: "Repeat the new password",
    setPassword: "Set password",
    confirmationSubject: "Your password has been set",
    landing: "Welcome, Piet Bol",
    linkInvalid: "This link no longer works",
  },
} as const;

let browser: Browser;
let context: BrowserContext;
let watched: WatchedPage;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(async () => {
  context = await browser.newContext({ baseURL: baseUrl });
  watched = await openPage(context);
});
afterEach(async () => {
  expect(watched.problems.filter((problem) => !problem.includes("410"))).toEqual([]);
  await context.close();
});

describe.each(Object.entries(languages))("forgotten password (B2) in %s", (language, text) => {
  it("mails a link, sets a new password with it, logs in and confirms by mail; the link then is spent", async () => {
    const { page } = watched;
    await context.addCookies([{ name: "poort_lang", value: language, url: baseUrl }]);
    // A client who has used the portal before: after the reset, Home opens (B1), in the
    // client's own language, which is also the mails' language.
    await useThePortalOnce(text.account, language as keyof typeof languages);

    await page.goto("/portal/login");
    await page.getByRole("link", { name: text.forgot }).click();
    await page.getByLabel(text.email).fill(text.account);
    await page.getByRole("button", { name: text.send }).click();
    await page.getByRole("heading", { name: text.sent }).waitFor();
    await expectNoAccessibilityViolations(page);

    const mail = await waitForMail(page, text.account, text.resetSubject);
    const link = linkPath(mail, "set-password");
    await page.goto(link);
    await page.getByLabel(text.newPassword, { exact: true }).fill("nieuwe-lente-aan-de-gracht");
    await page.getByLabel(text.repeat).fill("nieuwe-lente-aan-de-gracht");
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: text.setPassword }).click();
    await page.getByRole("heading", { level: 1, name: text.landing }).waitFor();
    await waitForMail(page, text.account, text.confirmationSubject);

    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: text.linkInvalid }).waitFor();
    await expectNoAccessibilityViolations(page);
  });
});

/** Logs in once with the demo password and chooses the language Poort mails in. */
async function useThePortalOnce(email: string, locale: "nl" | "en") {
  const response = await watched.page.request.get("/api/session");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const headers = { "x-csrf-token": csrfToken };
  const login = await watched.page.request.post("/api/auth/login", {
    headers,
    data: { area: "portal", email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const session = (await (await watched.page.request.get("/api/session")).json()) as {
    csrfToken: string;
  };
  const patched = await watched.page.request.patch("/api/me/profile", {
    headers: { "x-csrf-token": session.csrfToken },
    data: { locale },
  });
  expect(patched.status()).toBe(200);
  await watched.page.request.post("/api/auth/logout", {
    headers: { "x-csrf-token": session.csrfToken },
  });
}
