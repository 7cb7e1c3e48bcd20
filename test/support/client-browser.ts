import { expect } from "vitest";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";

/** A client's browser on Poort's API, enough to log in and download: cookies and CSRF token. */
export async function clientBrowser(baseUrl: string, email: string) {
  const cookies = new Map<string, string>();
  let csrfToken = "";
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [name = "", value = ""] = (cookie.split(";")[0] ?? "").split("=");
      cookies.set(name, value);
    }
    return response;
  };
  const refresh = async () => {
    csrfToken = (await (await call("GET", "/api/session")).json()).csrfToken;
  };
  await refresh();
  const login = await call("POST", "/api/auth/login", {
    area: "portal",
    email,
    password: DEMO_PASSWORD,
  });
  expect(login.status, await login.clone().text()).toBe(200);
  await refresh();
  return call;
}

export type Browser = Awaited<ReturnType<typeof clientBrowser>>;

export async function download(browser: Browser, documentId: string): Promise<Buffer> {
  const response = await browser("GET", `/api/portal/documents/${documentId}/content`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}
