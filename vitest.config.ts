import { defineConfig } from "vitest/config";
import { sourceAliases } from "./scripts/source-aliases.ts";

export default defineConfig({
  ...sourceAliases,
  test: {
    include: [
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
      "test/integration/**/*.test.ts",
      "test/scale-out/**/*.test.ts",
    ],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/fail-on-console-error.ts"],
    // PGlite copies and SMTP round trips take seconds on 2 cores; no test asserts timing.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
