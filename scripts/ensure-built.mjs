import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** What each build reads, and the stamp it leaves when done. */
const targets = {
  server: {
    sources: [
      "src/server",
      "src/cli",
      "src/contracts",
      "tsconfig.json",
      "tsconfig.build.json",
      "package.json",
    ],
    stamp: "dist/.server-built",
    script: "build:server",
  },
  web: {
    sources: ["src/web", "src/contracts", "vite.config.ts", "package.json"],
    stamp: "dist/web/.built",
    script: "build:web",
  },
};

function newestChange(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce(
    (newest, child) => Math.max(newest, newestChange(path.join(entry, child))),
    stat.mtimeMs,
  );
}

function isFresh({ sources, stamp }) {
  const stampPath = path.join(root, stamp);
  if (!existsSync(stampPath)) return false;
  const builtAt = statSync(stampPath).mtimeMs;
  return sources.every((source) => newestChange(source) <= builtAt);
}

/**
 * Builds what is missing or older than its sources, so `npm start` and `npx poort` work on a
 * fresh clone and after a pull, and cost nothing when the build is current.
 */
export function ensureBuilt(names) {
  for (const name of names) {
    const target = targets[name];
    if (isFresh(target)) continue;
    process.stderr.write(`Building ${name}…\n`);
    const result = spawnSync("npm", ["run", "--silent", target.script], {
      cwd: root,
      stdio: ["ignore", process.stderr, "inherit"],
    });
    if (result.status !== 0) {
      process.stderr.write(`Building ${name} failed.\n`);
      process.exit(result.status ?? 1);
    }
    writeFileSync(path.join(root, target.stamp), new Date().toISOString());
  }
}
