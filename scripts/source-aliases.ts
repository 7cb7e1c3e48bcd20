import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * `#src/*` and `#test/*` imports (package.json "imports") lead to dist/ by default, where the
 * built server runs under plain Node.js, and to the sources under the "source" condition, which
 * tsx (`--conditions=source`) and the type-check (`customConditions`) use. Vite and Vitest do
 * not apply custom conditions to subpath imports (vitest-dev/vitest#9005), so they get the
 * same mapping as aliases: without them, tests would run stale code from dist/, or none.
 */
export const sourceAliases = {
  resolve: {
    alias: [
      { find: /^#src\/(.*)$/, replacement: `${root}src/$1` },
      { find: /^#test\/(.*)$/, replacement: `${root}test/$1` },
    ],
  },
};
