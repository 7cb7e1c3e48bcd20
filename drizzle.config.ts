import { defineConfig } from "drizzle-kit";

// `npm run db:generate` turns changes in the schema files into a new numbered SQL migration.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/**/schema.ts",
  out: "./src/server/platform/db/migrations",
});
