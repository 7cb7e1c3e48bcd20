import { defineConfig } from "vitest/config";
import { sourceConditions } from "./scripts/source-conditions.ts";

export default defineConfig({
  ...sourceConditions,
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/integration/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/fail-on-console-error.ts"],
    // PGlite copies and SMTP round trips take seconds on 2 cores; no test asserts timing.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
