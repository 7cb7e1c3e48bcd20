import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONE_SURROGATE } from "#src/contracts/text.ts";
import { registerErrorHandler } from "./error-handler.ts";
import { loneSurrogateAt, registerJsonBodyParser } from "./json-body.ts";

describe("JSON bodies", () => {
  const app = Fastify();

  beforeAll(async () => {
    registerJsonBodyParser(app);
    registerErrorHandler(app);
    app.post("/echo", async (request) => ({ body: request.body }));
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (payload: string) =>
    app.inject({
      method: "POST",
      url: "/echo",
      headers: { "content-type": "application/json" },
      payload,
    });

  it("keeps whole surrogate pairs, escaped or not", async () => {
    const answer = await post('{"name":"\\ud83d\\udca5 💥"}');
    expect(answer.json()).toEqual({ body: { name: "💥 💥" } });
  });

  it.each([
    ["a high half", '{"steps":[{"title":"a\\ud83d"}]}', "body.steps.0.title"],
    ["a low half", '{"steps":[{"title":"\\udca5b"}]}', "body.steps.0.title"],
    ["a key", '{"\\ud800":1}', "body.\ud800"],
  ])("refuses %s on its own with a 400 that names where", async (_, payload, path) => {
    const answer = await post(payload);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.details).toEqual([
      expect.objectContaining({ path, code: LONE_SURROGATE }),
    ]);
  });

  it("still refuses what Fastify refuses: broken JSON, an empty body, a __proto__ key", async () => {
    for (const payload of ["{", "", '{"__proto__":{"a":1}}']) {
      const answer = await post(payload);
      expect(answer.statusCode, payload).toBe(400);
      expect(answer.json().error.code).toBe("malformed_request");
    }
  });

  it("looks through JSON nested thousands deep without running out of stack", () => {
    const deep = JSON.parse(`${'{"a":'.repeat(50_000)}"\\ud800"${"}".repeat(50_000)}`);
    expect(loneSurrogateAt(deep)).toHaveLength(50_000);
  });
});
