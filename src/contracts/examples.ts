import type { z } from "zod";

/**
 * Examples for the OpenAPI documents (issue 16: every office API endpoint with request and
 * response examples), kept beside the schemas they illustrate so that they change together.
 * `src/contracts/office-api-examples.test.ts` parses every example with its schema.
 *
 * How one reaches the document: `.meta({ examples })` becomes JSON Schema `examples`
 * (fastify-type-provider-zod's `jsonSchemaTransform`), which @fastify/swagger turns into the
 * media type's `example` for a request or response body, the parameter's `example` for a query
 * field, and a nested schema's `example` elsewhere (OpenAPI 3.0 has no `examples` array).
 */

/** The schema with `example` as its example in the OpenAPI documents. */
export function withExample<S extends z.ZodType>(schema: S, example: z.input<S>): S {
  return schema.meta({ examples: [example] });
}

/**
 * The schema with named examples, shown by name (`examples` of the media type or parameter).
 * Zod's JSON Schema drops `examples` from the request side of a schema that transforms its
 * input (they describe the output), so such a request body or query field needs this form:
 * @fastify/swagger's `x-examples`, which it keeps. Only for a request body or query field
 * itself, never for a schema nested in another (there it would be taken for one example).
 */
export function withNamedExamples<S extends z.ZodType>(
  schema: S,
  examples: Record<string, z.input<S>>,
): S {
  const named = Object.fromEntries(
    Object.entries(examples).map(([name, value]) => [name, { value }]),
  );
  return schema.meta({ "x-examples": named });
}

/** Ids that the examples share, so that they tell one story: dossier 2026.0142 in Weesp. */
export const exampleIds = {
  office: "0b6f3c2e-5d41-4a8e-9c17-2f8e6a1d4b90",
  dossier: "3f6c2a1e-8b4d-4c7a-9e21-5d0b7f4a9c13",
  otherDossier: "7a2e9d14-3c6b-4f05-8d9a-1b4c7e2f6a38",
  handler: "c41d8e7a-2b9f-4e63-a5d0-8f1b3c6e9a27",
  clientJan: "5e8b1f3a-7c2d-4a96-b4e1-0d9c6a3f8b52",
  accountJan: "9d3a6c1f-4e8b-4b27-8a5c-2f7e1d0b6c94",
  clientCompany: "e2b7c4d9-1a6f-4c38-9e05-7b3d8a2f1c60",
  accountCompany: "4c9f2e7b-8d1a-4f5c-b369-e0a7d3c1b8f5",
  document: "8f1e4b7c-9a2d-4d36-b0c5-3e6a9f2d7b14",
  letter: "a6d3f8b1-2c7e-4e94-9f50-1b8c4d7a3e26",
  message: "1c7a4e9b-6f3d-4b82-a1e5-9d2c8f6b0a73",
  reply: "b5e2a8d7-3f9c-4a16-8e4b-6c1f0d9a2e85",
  action: "d8a1c6f4-7e2b-4c59-b3d6-0f9e5a8c1b47",
  uploadRequest: "f3c9b2e6-5a8d-4e71-9c04-8b2d6e1f7a39",
  answersPdf: "e7c3a9f1-4b6d-4e82-b5a0-9d1f3c8e2b64",
  template: "6b4e1d9c-8f3a-4d27-a6b5-2e0c7f9d3a18",
  libraryTemplate: "2d8f5a3c-1b7e-4f96-8c2a-5e9d0b4f7c61",
  progressSteps: [
    "7e3b9c1d-4a8f-4e25-b6c9-1d0f8a3e5b72",
    "0a5d8f2e-6c1b-4b93-9e47-3f2a7c9d1e86",
    "9c2f6a4d-3e8b-4d51-a7f0-8b1e5d2c6a94",
    "4f8a1c7e-2d9b-4e36-8b05-6c3f9e1a7d20",
  ],
  uploadItems: ["3b7d2f9a-5c1e-4a84-9d63-0e8f4b2c7a15", "c6e0a3f8-9b4d-4f27-a1c5-7d2b8e6f3a49"],
} as const;
