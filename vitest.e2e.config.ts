import { defineConfig } from "vitest/config";
import { sourceAliases } from "./scripts/source-aliases.ts";

export default defineConfig({
  ...sourceAliases,
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/support/global-setup.ts"],
    setupFiles: ["test/support/fail-on-console-error.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Poort and one Chromium serve all files; running them one by one keeps 2 cores calm.
    fileParallelism: false,
  },
});
