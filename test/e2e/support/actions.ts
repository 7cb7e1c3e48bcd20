import type { APIRequestContext } from "playwright-core";
import { expect } from "vitest";
import type { SendAction } from "#src/contracts/actions.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import type { browserForFile } from "./browser.ts";

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
