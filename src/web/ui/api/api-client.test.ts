import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiRequest, fetchSession, forgetCsrfToken } from "./api-client.ts";

afterEach(() => {
  vi.unstubAllGlobals();
  forgetCsrfToken();
});

function serve(handler: (url: string, init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => handler(url, init));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

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
