import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponseSchema } from "#src/contracts/error.ts";
import { healthResponseSchema, readinessResponseSchema } from "#src/contracts/health.ts";
import { AppError } from "#src/server/errors.ts";
import type { DatabaseHandle } from "#src/server/platform/db/database.ts";
import type { Readiness } from "./readiness.ts";

/**
 * Liveness (the process answers) and readiness (it can reach its database and is not shutting
 * down), for load balancers.
 */
export const healthRoutes: FastifyPluginAsyncZod<{
  database: DatabaseHandle;
  readiness: Readiness;
}> = async (app, { database, readiness }) => {
  app.get(
    "/health",
    {
      schema: {
        tags: ["operations"],
        summary: "Liveness: the process is up",
        response: { 200: healthResponseSchema },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/ready",
    {
      schema: {
        tags: ["operations"],
        summary: "Readiness: the database answers and the instance is not shutting down",
        response: { 200: readinessResponseSchema, 503: errorResponseSchema },
      },
    },
    async () => {
      if (readiness.draining) throw new AppError("shutting_down");
      try {
        await database.db.execute(sql`SELECT 1`);
      } catch (error) {
        throw new AppError("database_unavailable", [], { cause: error });
      }
      return { status: "ready" as const, database: database.kind };
    },
  );
};
