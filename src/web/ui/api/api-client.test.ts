import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { ZodError, z } from "zod";
import { defineEndpoint } from "#src/contracts/api/endpoint.ts";
import { ApiError, apiRequest, callApi, fetchSession, forgetCsrfToken } from "./api-client.ts";

afterEach(() => {
  vi.unstubAllGlobals();
  forgetCsrfToken();
});

function serve(handler: (url: string, init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => handler(url, init));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

/** The server's answer to a change whose CSRF token it does not expect. */
const csrfFailed = () =>
  Response.json(
    {
      error: {
        code: "csrf_failed",
        message: "Laad de pagina opnieuw.",
        details: [],
        requestId: "r",
      },
    },
    { status: 403 },
  );

const headersOf = (init: RequestInit | undefined) =>
  (init?.headers ?? {}) as Record<string, string>;

describe("apiRequest", () => {
  it("fetches the session first and sends its CSRF token with a change", async () => {
    const fetchMock = serve((url) =>
      url === "/api/session" ? Response.json({ csrfToken: "token-1" }) : Response.json({ ok: 1 }),
    );
    expect(await apiRequest("POST", "/api/auth/login", { body: { a: 1 } })).toEqual({ ok: 1 });
    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual([
      "/api/session",
      "/api/auth/login",
    ]);
    const init = fetchMock.mock.calls[1]?.[1];
    expect(headersOf(init)["x-csrf-token"]).toBe("token-1");
    expect(headersOf(init)["content-type"]).toBe("application/json");
    expect(init?.body).toBe('{"a":1}');
  });

  it("uses the token of the latest session answer", async () => {
    let token = "before-login";
    const fetchMock = serve((url) =>
      url === "/api/session"
        ? Response.json({ csrfToken: token })
        : new Response(null, { status: 204 }),
    );
    await fetchSession();
    token = "after-login";
    await fetchSession();
    expect(await apiRequest("POST", "/api/auth/logout")).toBeNull();
    expect(headersOf(fetchMock.mock.calls[2]?.[1])["x-csrf-token"]).toBe("after-login");
  });

  it("waits for the page's own session request instead of starting a second one", async () => {
    // A browser without a token cookie gets a new token from each session answer and keeps
    // the cookie of the last: two requests at once could leave the page with the other token.
    let release = () => {};
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    let issued = 0;
    const fetchMock = serve(() => new Response(null, { status: 204 }));
    fetchMock.mockImplementation(async (url: string) => {
      if (url !== "/api/session") return new Response(null, { status: 204 });
      issued += 1;
      const token = `token-${issued}`;
      await answered;
      return Response.json({ csrfToken: token });
    });
    const loading = fetchSession();
    const login = apiRequest("POST", "/api/auth/login", { body: {} });
    release();
    await Promise.all([loading, login]);
    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual([
      "/api/session",
      "/api/auth/login",
    ]);
    expect(headersOf(fetchMock.mock.calls[1]?.[1])["x-csrf-token"]).toBe("token-1");
  });

  it("keeps the token of the newest session request when an older answer comes late", async () => {
    const releases: Array<() => void> = [];
    const fetchMock = serve(() => new Response(null, { status: 204 }));
    fetchMock.mockImplementation(async (url: string) => {
      if (url !== "/api/session") return new Response(null, { status: 204 });
      const token = `token-${releases.length + 1}`;
      await new Promise<void>((resolve) => releases.push(resolve));
      return Response.json({ csrfToken: token });
    });
    const older = fetchSession();
    const newer = fetchSession();
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    releases[1]?.();
    await newer;
    releases[0]?.();
    await older;
    await apiRequest("POST", "/api/auth/logout");
    expect(headersOf(fetchMock.mock.calls[2]?.[1])["x-csrf-token"]).toBe("token-2");
  });

  it("sends a change refused by the CSRF check once more, with the session's token now", async () => {
    let sessions = 0;
    const fetchMock = serve((url, init) => {
      if (url === "/api/session") {
        sessions += 1;
        return Response.json({ csrfToken: `token-${sessions}` });
      }
      return headersOf(init)["x-csrf-token"] === "token-2"
        ? Response.json({ ok: 1 })
        : csrfFailed();
    });
    expect(await apiRequest("POST", "/api/dossiers", { body: { a: 1 } })).toEqual({ ok: 1 });
    const posts = fetchMock.mock.calls.filter((call) => call[0] === "/api/dossiers");
    expect(posts.map((call) => headersOf(call[1])["x-csrf-token"])).toEqual(["token-1", "token-2"]);
    expect(posts[1]?.[1]?.body).toBe('{"a":1}');
  });

  it("sends a refused change only once more, and then shows the refusal", async () => {
    const fetchMock = serve((url) =>
      url === "/api/session" ? Response.json({ csrfToken: "stale" }) : csrfFailed(),
    );
    await expect(apiRequest("POST", "/api/dossiers", { body: {} })).rejects.toMatchObject({
      status: 403,
      code: "csrf_failed",
    });
    expect(fetchMock.mock.calls.filter((call) => call[0] === "/api/dossiers")).toHaveLength(2);
  });

  it("sends no CSRF token with a read", async () => {
    const fetchMock = serve(() => Response.json({}));
    await apiRequest("GET", "/api/me/profile");
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(headersOf(fetchMock.mock.calls[0]?.[1])["x-csrf-token"]).toBeUndefined();
  });

  it("throws the server's error with code, message and details", async () => {
    serve(() =>
      Response.json(
        {
          error: {
            code: "validation_failed",
            message: "Controleer uw invoer.",
            details: [{ path: "password", code: "too_common", message: "Te bekend." }],
            requestId: "r1",
          },
        },
        { status: 400 },
      ),
    );
    const error = await apiRequest("GET", "/api/x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "Controleer uw invoer.",
      details: [{ code: "too_common" }],
    });
  });

  it("turns an answer without an error body into an unknown error", async () => {
    serve(() => new Response("Bad gateway", { status: 502 }));
    await expect(apiRequest("GET", "/api/x")).rejects.toMatchObject({
      code: "unknown",
      status: 502,
    });
  });
});

describe("callApi", () => {
  const dossier = defineEndpoint({
    method: "PATCH",
    path: "/api/office/dossiers/:dossierId",
    body: z.object({ description: z.string(), status: z.string().default("in-progress") }),
    response: z.object({ id: z.string(), updatedAt: z.iso.datetime().transform(Date.parse) }),
  });

  it("sends the body to the endpoint's address and checks the answer by its contract", async () => {
    const fetchMock = serve((url) =>
      url === "/api/session"
        ? Response.json({ csrfToken: "token-1" })
        : Response.json({ id: "d/1", updatedAt: "2026-05-01T10:00:00Z", extra: true }),
    );
    const answer = await callApi(dossier, {
      params: { dossierId: "d/1" },
      body: { description: "Levering" },
    });
    expect(answer).toEqual({ id: "d/1", updatedAt: Date.parse("2026-05-01T10:00:00Z") });
    expectTypeOf(answer).toEqualTypeOf<{ id: string; updatedAt: number }>();
    const [url, init] = fetchMock.mock.calls[1] ?? [];
    expect(url).toBe("/api/office/dossiers/d%2F1");
    expect(init?.method).toBe("PATCH");
    expect(headersOf(init)["x-csrf-token"]).toBe("token-1");
    expect(init?.body).toBe('{"description":"Levering"}');
  });

  it("reads with the query string of its contract, and without a body", async () => {
    const list = defineEndpoint({
      method: "GET",
      path: "/api/portal/dossiers",
      query: z.object({ q: z.string().optional() }),
      response: z.object({ dossiers: z.array(z.string()) }),
    });
    const fetchMock = serve(() => Response.json({ dossiers: ["2026.0142"] }));
    expect(await callApi(list, { query: { q: "akte 12" } })).toEqual({ dossiers: ["2026.0142"] });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/portal/dossiers?q=akte+12");
    expect(init?.method).toBe("GET");
    expect(init?.body).toBeUndefined();
  });

  it("refuses an answer that breaks the contract", async () => {
    serve((url) =>
      url === "/api/session" ? Response.json({ csrfToken: "t" }) : Response.json({ id: 1 }),
    );
    await expect(
      callApi(dossier, { params: { dossierId: "d1" }, body: { description: "x" } }),
    ).rejects.toThrow(ZodError);
  });

  it("throws the server's error answer as an ApiError", async () => {
    serve((url) =>
      url === "/api/session"
        ? Response.json({ csrfToken: "t" })
        : Response.json(
            {
              error: { code: "not_found", message: "Niet gevonden.", details: [], requestId: "r" },
            },
            { status: 404 },
          ),
    );
    await expect(
      callApi(dossier, { params: { dossierId: "d1" }, body: { description: "x" } }),
    ).rejects.toMatchObject({ status: 404, code: "not_found", message: "Niet gevonden." });
  });

  it("answers null for 204 No Content", async () => {
    const logOut = defineEndpoint({ method: "POST", path: "/api/auth/logout", response: z.null() });
    serve((url) =>
      url === "/api/session"
        ? Response.json({ csrfToken: "t" })
        : new Response(null, { status: 204 }),
    );
    expect(await callApi(logOut)).toBeNull();
  });

  it("types the body by the contract's input", () => {
    // @ts-expect-error: the body is required by the contract
    void callApi(dossier, { params: { dossierId: "d1" } }).catch(() => undefined);
    void callApi(dossier, {
      params: { dossierId: "d1" },
      // @ts-expect-error: a description is text
      body: { description: 12 },
    }).catch(() => undefined);
  });
});
