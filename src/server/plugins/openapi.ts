import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/**
 * The OpenAPI document is generated from the same Zod contracts that validate the requests,
 * so it cannot drift from what the server accepts. Served at /api/openapi.json, readable at
 * /api/docs.
 */
export async function registerOpenApi(app: FastifyInstance, options: { version: string }) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Poort API",
        description:
          "The secure front door of the Dutch notarial chain: client portal, office certificates and eHerkenning.",
        version: options.version,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // Its page has inline scripts: swagger-ui sends a policy with their hashes for its routes.
    staticCSP: true,
    uiConfig: { url: "/api/openapi.json" },
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
