import type { APIRequestContext, BrowserContextOptions, Page } from "playwright-core";
import { expect, inject } from "vitest";
import type { SendAction } from "#src/contracts/actions.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import type { browserForFile, WatchedPage } from "./browser.ts";
import { logInAsDemo } from "./demo-login.ts";

/** The demo accounts that the tests of actions and questionnaires play. */
export const demo = {
  /** An admin of De Vries & Partners: only admins make questionnaires. */
  sara: { email: "sara@devriespartners.nl", phone: "+31612340001" },
  /** A handler of the same office. */
  tom: { email: "tom@devriespartners.nl", phone: "+31612340002" },
  /** A client, in the dossiers 2026.0142 and 2026.0157. */
  jan: { email: "jan.jansen@example.nl" },
};

/**
 * Logs a demo account in by the Dutch labels that `logInAsDemo` reads, then switches to the
 * run's language, which the next page loaded shows.
 */
export async function logInInLanguage(
  page: Page,
  area: "office" | "portal",
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
  area: "office" | "portal",
  account: { email: string; phone?: string },
  language: "nl" | "en",
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const watched = await browser.newPage(options);
  await logInInLanguage(watched.page, area, account, language);
  return watched;
}

/**
 * A call to the API in the session the request context holds, with its CSRF token as the web
 * apps send it; it must succeed, and gives the answer's JSON.
 */
export async function callApi(
  request: APIRequestContext,
  method: "GET" | "POST" | "PUT",
  url: string,
  body?: unknown,
) {
  const { csrfToken } = (await (await request.get("/api/session")).json()) as {
    csrfToken: string;
  };
  const response = await request.fetch(url, {
    method,
    data: body,
    headers: { "x-csrf-token": csrfToken },
  });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return response.json();
}

/**
 * A demo client logged in to the portal through the API only, in a browser context of its own
 * (no page to watch): the request context calls the portal API as that client.
 */
export async function clientThroughTheApi(
  browser: ReturnType<typeof browserForFile>,
  account: { email: string },
): Promise<APIRequestContext> {
  const { request } = await (await browser.newContext()).newPage();
  await callApi(request, "POST", "/api/auth/login", {
    area: "portal",
    email: account.email,
    password: DEMO_PASSWORD,
  });
  return request;
}

/** Makes a questionnaire template of the office, as one of its admins; gives its id. */
export async function createTemplate(
  admin: APIRequestContext,
  definition: QuestionnaireDefinition,
): Promise<string> {
  const template = await callApi(admin, "POST", "/api/office/questionnaire-templates", definition);
  return template.id;
}

/** Sends an action to clients of a dossier, as its staff; gives the id of each action made. */
export async function sendAction(
  staff: APIRequestContext,
  dossierId: string,
  action: SendAction,
): Promise<string[]> {
  const sent = await callApi(staff, "POST", `/api/office/dossiers/${dossierId}/actions`, action);
  return (sent.actions as { id: string }[]).map((made) => made.id);
}
