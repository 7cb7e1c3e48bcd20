import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkArchitecture } from "../../scripts/architecture/check.ts";
import { importCycles } from "../../scripts/architecture/cycles.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "test/fixtures/architecture");

describe("the architecture lint", () => {
  it("finds nothing in Poort itself", () => {
    expect(checkArchitecture(root)).toEqual([]);
  });

  it("refuses a module that imports another module's repository, and web importing server", () => {
    expect(checkArchitecture(fixture)).toEqual([
      expect.stringMatching(
        /^src\/server\/modules\/alpha\/service\.ts → src\/server\/modules\/beta\/repository\.ts: another-modules-repository:/,
      ),
      expect.stringMatching(
        /^src\/web\/app\/page\.ts → src\/server\/modules\/alpha\/service\.ts: web-imports-server:/,
      ),
    ]);
  });

  it("fails `npm run lint`'s step with the finding", async () => {
    const run = promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/architecture/check.ts", fixture],
      { cwd: root },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("another-modules-repository"),
    });
  });

  it("finds cycles, type-only imports included", () => {
    const edge = (from: string, to: string, typeOnly = false) => ({ from, to, typeOnly });
    expect(
      importCycles([
        edge("a.ts", "b.ts"),
        edge("b.ts", "c.ts", true),
        edge("c.ts", "a.ts"),
        edge("c.ts", "d.ts"),
        edge("e.ts", "e.ts"),
      ]),
    ).toEqual([["a.ts", "b.ts", "c.ts"], ["e.ts"]]);
  });

  it("keeps the maps true: every module in ARCHITECTURE.md and README.md, every folder they name there", () => {
    const architecture = readFileSync(path.join(root, "ARCHITECTURE.md"), "utf8");
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const modules = readdirSync(path.join(root, "src/server/modules"));
    for (const name of modules) {
      expect(architecture).toContain(`\`src/server/modules/${name}/\``);
      expect(readme).toContain(`\`${name}\``);
    }
    const named = [...`${architecture}\n${readme}`.matchAll(/^\| `([a-z][\w./-]*\/)` \|/gm)];
    for (const [, folder] of named) {
      if (folder?.includes("<")) continue;
      expect(existsSync(path.join(root, folder ?? "")), folder).toBe(true);
    }
  });
});
