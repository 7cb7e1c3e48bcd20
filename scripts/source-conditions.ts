import { defaultClientConditions, defaultServerConditions } from "vite";

/**
 * `#src/*` imports (package.json "imports") lead to dist/ by default, where the built server
 * runs under plain Node.js; the "source" condition leads them to the TypeScript sources, for
 * every tool that runs the sources: Vite, Vitest, tsx and the type-check.
 */
export const sourceConditions = {
  resolve: { conditions: ["source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["source", ...defaultServerConditions] } },
};
