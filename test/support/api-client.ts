import type { App } from "#src/server/app.ts";

interface Response {
  statusCode: number;
  body: string;
  rawPayload: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by the tests' assertions
  json(): any;
  headers: Record<string, unknown>;
}

/**
 * A browser's view of the API for `app.inject`: keeps the cookies it is given and sends the
 * CSRF token with every state-changing request, as the web apps do.
 */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    private readonly app: App,
    readonly ip = "198.51.100.7",
  ) {}

  get(url: string, headers: Record<string, string> = {}) {
    return this.send("GET", url, undefined, headers);
  }

  post(url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.#change("POST", url, body, headers);
  }

  patch(url: string, body: unknown, headers: Record<string, string> = {}) {
    return this.#change("PATCH", url, body, headers);
  }

  /** A request that changes something: with the session's CSRF token, as the web apps send. */
  async #change(
    method: "POST" | "PATCH",
    url: string,
    body: unknown,
    headers: Record<string, string>,
  ) {
    if (!this.csrfToken) await this.refreshCsrfToken();
    return this.send(method, url, body, { "x-csrf-token": this.csrfToken ?? "", ...headers });
  }

  /** What the web apps do on load and after each login step. */
  async refreshCsrfToken(): Promise<void> {
    this.csrfToken = (await this.get("/api/session")).json().csrfToken;
  }

  async send(
    method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Response> {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size > 0
          ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") }
          : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    for (const cookie of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const expired =
        cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === "") this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }
}
