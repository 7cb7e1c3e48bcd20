import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as accounts from "./accounts.ts";
import * as actions from "./actions.ts";
import * as dossiers from "./dossiers.ts";
import * as messages from "./messages.ts";
import * as officeEvents from "./office-events.ts";
import * as questionnaireTemplates from "./questionnaire-templates.ts";

/**
 * The examples of the office API's OpenAPI document (issue 16), kept beside their schemas
 * (`withExample`, `withNamedExamples` in `./examples.ts`): each one is valid for its schema, and
 * every operation of the document shows one for its request body, query fields and answer.
 */

const modules = { accounts, actions, dossiers, messages, officeEvents, questionnaireTemplates };

type Example = { name: string; schema: z.ZodType; value: unknown; whole: boolean };

/** The examples on a schema's metadata: `examples`, and the named ones of `x-examples`. */
function examplesOf(schema: z.ZodType): unknown[] {
  const meta = z.globalRegistry.get(schema) as
    | { examples?: unknown[]; "x-examples"?: Record<string, { value: unknown }> }
    | undefined;
  return [
    ...(meta?.examples ?? []),
    ...Object.values(meta?.["x-examples"] ?? {}).map((named) => named.value),
  ];
}

/** Every example of the exported schemas and of their fields (a query's are per field). */
function collectExamples(): Example[] {
  const found: Example[] = [];
  for (const [moduleName, exports] of Object.entries(modules)) {
    for (const [exportName, schema] of Object.entries(exports)) {
      if (!(schema instanceof z.ZodType)) continue;
      const name = `${moduleName}.${exportName}`;
      for (const value of examplesOf(schema)) found.push({ name, schema, value, whole: true });
      if (!(schema instanceof z.ZodObject)) continue;
      for (const [field, fieldSchema] of Object.entries(
        schema.shape as Record<string, z.ZodType>,
      )) {
        for (const value of examplesOf(fieldSchema)) {
          found.push({ name: `${name}.${field}`, schema: fieldSchema, value, whole: false });
        }
      }
    }
  }
  return found;
}

describe("the office API's examples", () => {
  const examples = collectExamples();

  it("are found on the contracts", () => {
    expect(examples.length).toBeGreaterThan(40);
  });

  it.each(examples.map((example) => [example.name, example] as const))(
    "%s is valid for its schema",
    (_name, { schema, value, whole }) => {
      const result = schema.safeParse(value);
      expect(result.error?.issues ?? []).toEqual([]);
      // A key the schema does not know would be stripped: the example would mislead.
      if (whole && typeof value === "object") expect(result.data).toMatchObject(value as object);
    },
  );
});

interface Media {
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface Operation {
  parameters?: Array<Media & { in: string; name: string }>;
  requestBody?: { content: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
}

describe("the office API's OpenAPI document (sdk/office-api/openapi.json)", () => {
  const document = JSON.parse(
    readFileSync(new URL("../../sdk/office-api/openapi.json", import.meta.url), "utf8"),
  ) as { paths: Record<string, Record<string, Operation>> };
  const operations = Object.entries(document.paths)
    .filter(([path]) => path.startsWith("/api/office/v1/"))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
  const hasExample = (media: Media | undefined) =>
    media !== undefined && (media.example !== undefined || media.examples !== undefined);

  it("describes the office API", () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it("shows an example of every JSON request body, query field and 2xx JSON answer", () => {
    const missing: string[] = [];
    for (const { name, operation } of operations) {
      // A multipart upload's body is described by its summary, not a JSON schema.
      const body = operation.requestBody?.content["application/json"];
      if (operation.requestBody && body && !hasExample(body)) missing.push(`${name} body`);
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === "query" && !hasExample(parameter)) {
          missing.push(`${name} ?${parameter.name}`);
        }
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        // Files are downloaded (no JSON), and a 204 has no body.
        if (!/^2\d\d$/.test(status) || status === "204") continue;
        const json = response.content?.["application/json"];
        if (json && !hasExample(json)) missing.push(`${name} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
