import type { FastifyInstance } from "fastify";
import { LONE_SURROGATE } from "#src/contracts/text.ts";
import { validationFailed } from "../errors.ts";

/** A JSON escape of a surrogate (`\ud83d`): only through one can a parsed string hold a lone one. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;
/** A surrogate that is not half of a pair (with the u flag, a whole pair is one code point). */
const LONE = /\p{Cs}/u;

interface Place {
  key: string;
  parent: Place | undefined;
}

function pathOf(place: Place | undefined): string[] {
  const path: string[] = [];
  for (let at = place; at; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Where in a parsed JSON value a string or a key holds a lone surrogate, if anywhere. Walks
 * without recursion, since a body may nest thousands deep.
 */
export function loneSurrogateAt(value: unknown): string[] | undefined {
  const stack: Array<{ item: unknown; place: Place | undefined }> = [
    { item: value, place: undefined },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { item, place } = next;
    if (typeof item === "string") {
      if (LONE.test(item)) return pathOf(place);
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (LONE.test(key)) return pathOf({ key, parent: place });
        stack.push({ item: child, place: { key, parent: place } });
      }
    }
  }
  return undefined;
}

/**
 * JSON bodies as Fastify parses them (prototype poisoning refused), and refused with a 400 that
 * names the field when a string holds a lone surrogate: UTF-8 cannot hold one, so the drivers
 * turn it into U+FFFD in text, and PostgreSQL refuses its escape in jsonb (the audit details).
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, raw, done) => {
    const body = String(raw);
    parseJson(request, body, (error, value) => {
      if (error) return done(error, undefined);
      const at = SURROGATE_ESCAPE.test(body) && loneSurrogateAt(value);
      if (at) {
        const issue = { path: at, code: LONE_SURROGATE, message: "half of a surrogate pair" };
        return done(validationFailed("body", [issue]), undefined);
      }
      return done(null, value);
    });
  });
}
