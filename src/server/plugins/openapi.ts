import { readFileSync } from "node:fs";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

const { version } = JSON.parse(
  readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
) as { version: string };

/**
 * The OpenAPI document is generated from the same Zod contracts that validate the requests,
 * so it cannot drift from what the server accepts. Served at /api/openapi.json, readable at
 * /api/docs.
 */
export async function registerOpenApi(
  app: FastifyInstance,
  options: {
    title?: string;
    description?: string;
    /** The routes the document describes; every route when absent. */
    describes?: (url: string) => boolean;
  } = {},
) {
  const describes = options.describes;
  await app.register(swagger, {
    openapi: {
      info: {
        title: options.title ?? "Poort API",
        description:
          options.description ??
          "The secure front door of the Dutch notarial chain: client portal, office certificates and eHerkenning.",
        version,
      },
    },
    // The named schemas (`.meta({ id })`, e.g. a recursive one) as components, which the
    // routes' schemas refer to.
    transformObject: jsonSchemaTransformObject,
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      if (!describes || describes(input.url)) return transformed;
      return { ...transformed, schema: { ...transformed.schema, hide: true } };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // Its page has inline scripts: swagger-ui sends a policy with their hashes for its routes.
    staticCSP: true,
    uiConfig: { url: "/api/openapi.json" },
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
