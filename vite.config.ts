import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { sourceAliases } from "./scripts/source-aliases.ts";

const webRoot = fileURLToPath(new URL("./src/web/", import.meta.url));

/**
 * One HTML entry per web app, by the URL prefix it owns (empty: the start page at /). The
 * server answers every path under a prefix with that app's index.html.
 */
const appPrefixes = [
  "",
  "portal",
  "office",
  "servicedesk",
  "selfservice",
  "eherkenning",
  "eherkenning/beheer",
  "dev/mailbox",
];

export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  resolve: sourceAliases.resolve,
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    rollupOptions: {
      input: Object.fromEntries(
        appPrefixes.map((prefix) => [
          prefix.replaceAll("/", "-") || "start",
          `${webRoot}${prefix ? `${prefix}/` : ""}index.html`,
        ]),
      ),
    },
  },
});
