import { z } from "zod";

export const healthResponseSchema = z.object({ status: z.literal("ok") });

export const readinessResponseSchema = z.object({
  status: z.literal("ready"),
  database: z.enum(["pglite", "postgres"]),
});
