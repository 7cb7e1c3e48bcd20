import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { defineEndpoint } from "#src/contracts/api/endpoint.ts";
import { pathOf } from "./endpoint-path.ts";

const attachment = defineEndpoint({
  method: "GET",
  path: "/api/mails/:mailId/attachments/:attachmentId",
});
const list = defineEndpoint({
  method: "GET",
  path: "/api/things",
  query: z.object({ q: z.string().optional(), page: z.number().optional() }),
});
const plain = defineEndpoint({ method: "GET", path: "/api/plain" });
const documents = defineEndpoint({
  method: "GET",
  path: "/api/documents",
  query: z.object({ category: z.enum(["letters", "deeds"]) }),
});

describe("pathOf", () => {
  it("gives a path without parameters as it is", () => {
    expect(pathOf(plain)).toBe("/api/plain");
  });

  it("puts each parameter in its place, encoded as one path segment", () => {
    expect(pathOf(attachment, { params: { mailId: "m 1", attachmentId: "a/b?c#d" } })).toBe(
      "/api/mails/m%201/attachments/a%2Fb%3Fc%23d",
    );
  });

  it("writes the query values that are set, in the given order, as a form would", () => {
    expect(pathOf(list, { query: { page: 2, q: "akte 12 & co" } })).toBe(
      "/api/things?page=2&q=akte+12+%26+co",
    );
    expect(pathOf(list, { query: { q: undefined, page: 1 } })).toBe("/api/things?page=1");
  });

  it("leaves out the question mark when no query value is set", () => {
    expect(pathOf(list, { query: {} })).toBe("/api/things");
    expect(pathOf(list)).toBe("/api/things");
  });

  it("refuses to build a path with a parameter missing", () => {
    const untyped = pathOf as (endpoint: unknown, parts: unknown) => string;
    expect(() => untyped(attachment, { params: { mailId: "m1" } })).toThrow(/attachmentId/);
  });

  it("knows the parameters and the query by their types", () => {
    expectTypeOf(pathOf<typeof attachment>)
      .parameter(1)
      .toEqualTypeOf<
        { params: { mailId: string; attachmentId: string } } & { query?: undefined }
      >();
    // @ts-expect-error: the path has parameters, so they are required
    expect(() => pathOf(attachment)).toThrow();
    // @ts-expect-error: this endpoint takes no query
    pathOf(plain, { query: { q: "x" } });
    // @ts-expect-error: its contract requires a category
    pathOf(documents);
    expect(pathOf(documents, { query: { category: "deeds" } })).toBe(
      "/api/documents?category=deeds",
    );
  });
});
