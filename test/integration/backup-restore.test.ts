import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { cp, mkdtemp, open, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupManifestSchema } from "#src/server/platform/backup/backup-manifest.ts";
import { digestOf } from "#src/server/platform/blobs/content-digest.ts";
import { type Browser, clientBrowser, download } from "#test/support/client-browser.ts";
import { type ServerProcess, startServerProcess } from "#test/support/server-process.ts";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));

/** `npx poort <args>` from source, as the operator runs it, on the given DATA_DIR. */
async function poort(args: string[], dataDir: string, environment: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--conditions=source", "--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...environment } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** What the demo client sees: the dossiers (rows) and one document's bytes. */
async function whatJanSees(browser: Browser) {
  const { dossiers } = await (await browser("GET", "/api/portal/dossiers")).json();
  const dossier = dossiers.find((item: { number: string }) => item.number === "2026.0142");
  const { documents } = await (
    await browser("GET", `/api/portal/dossiers/${dossier.id}/documents?category=correspondence`)
  ).json();
  const documentId: string = documents[0].id;
  const bytes = await download(browser, documentId);
  // After the download, which marks the document read: the rows as the backup holds them.
  const after = await (await browser("GET", "/api/portal/dossiers")).json();
  return { dossiers: after.dossiers, documentId, bytes };
}

/**
 * Backup and restore of an embedded installation (issue 19): a backup of a running Poort,
 * checked by its manifest, restored into a new DATA_DIR on which Poort serves the same data;
 * damaged and partial backups refused by name, and no restore while Poort runs.
 */
describe("poort backup and poort restore", () => {
  let work: string;
  let dataDir: string;
  let backup: string;
  let running: ServerProcess | undefined;
  let before: Awaited<ReturnType<typeof whatJanSees>>;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "poort-backup-"));
    dataDir = path.join(work, "data");
    backup = path.join(work, "backup");
    running = await startServerProcess({ DATA_DIR: dataDir });
    before = await whatJanSees(await clientBrowser(running.url, "jan.jansen@example.nl"));
  }, 90_000);
  afterAll(async () => {
    await running?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it("backs up the running Poort through it, with a checksum of every file in the manifest", async () => {
    const made = await poort(["backup", "--to", backup], dataDir);
    expect(made.code, made.output).toBe(0);
    expect(made.output).toContain(`Poort runs on ${dataDir}`);
    expect(made.output).toContain(`Backup written to ${backup}`);
    expect(made.output).toContain("keep it as secret as the server itself");

    const manifest = backupManifestSchema.parse(
      JSON.parse(await readFile(path.join(backup, "manifest.json"), "utf8")),
    );
    const names = manifest.files.map((file) => file.path);
    expect(names).toContain("pglite.tar.gz");
    expect(names).toContain("secret.key");
    expect(names.some((name) => /^blobs\/[0-9a-f]{2}\/[0-9a-f-]{36}\.key$/.test(name))).toBe(true);
    expect(manifest.migration.tag).toMatch(/^\d{4}_/);
    for (const file of manifest.files) {
      const digest = await digestOf(createReadStream(path.join(backup, file.path)));
      expect(digest, file.path).toEqual({ size: file.size, sha256: file.sha256 });
    }
    expect(await readFile(path.join(backup, "secret.key"), "utf8")).toBe(
      (await readFile(path.join(dataDir, "secret.key"), "utf8")).trim(),
    );
    // Nothing was left beside it: the backup was written aside and renamed when whole.
    expect(await readdir(work)).toEqual(["backup", "data"]);
  }, 60_000);

  it("will not write a backup into a folder that holds something", async () => {
    const refused = await poort(["backup", "--to", backup], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Not backed up: ${backup} exists and is not an empty folder`);
  }, 30_000);

  it("will not restore while Poort runs on DATA_DIR", async () => {
    const refused = await poort(["restore", "--from", backup], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Not restored: Poort runs on ${dataDir}`);
  }, 30_000);

  it("refuses a damaged backup, naming the file whose checksum fails", async () => {
    const damaged = path.join(work, "damaged");
    await cp(backup, damaged, { recursive: true });
    const manifest = backupManifestSchema.parse(
      JSON.parse(await readFile(path.join(damaged, "manifest.json"), "utf8")),
    );
    const victim = manifest.files.find((file) => file.path.startsWith("blobs/") && file.size > 100);
    if (!victim) throw new Error("the demo has stored files");
    const file = await open(path.join(damaged, victim.path), "r+");
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, 50);
    await file.write(Buffer.from([(byte[0] ?? 0) ^ 0xff]), 0, 1, 50);
    await file.close();
    const target = path.join(work, "from-damaged");
    const refused = await poort(["restore", "--from", damaged], target);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(
      `Not restored: The backup is damaged: 1 file does not match the checksum in its manifest: ${victim.path}.`,
    );
    expect(await readdir(work)).not.toContain("from-damaged");
    await rm(damaged, { recursive: true });
  }, 30_000);

  it("refuses a partial backup: without its manifest, or with a file missing", async () => {
    const partial = path.join(work, "partial");
    await cp(backup, partial, { recursive: true });
    await rm(path.join(partial, "secret.key"));
    const missing = await poort(["restore", "--from", partial], path.join(work, "x"));
    expect(missing.output).toContain(
      "Not restored: The backup is incomplete: 1 file of its manifest is missing: secret.key.",
    );
    await rm(path.join(partial, "manifest.json"));
    const unfinished = await poort(["restore", "--from", partial], path.join(work, "x"));
    expect(unfinished.code).toBe(1);
    expect(unfinished.output).toContain(
      `Not restored: ${partial} holds no manifest.json: the backup did not finish (a partial backup) or it is no Poort backup.`,
    );
    await rm(partial, { recursive: true });
  }, 30_000);

  it("restores into a new DATA_DIR, where Poort serves the same rows and document bytes", async () => {
    const restoredDir = path.join(work, "restored");
    const restored = await poort(["restore", "--from", backup], restoredDir);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toContain(`Restored into ${restoredDir}`);
    await running?.stop();
    running = await startServerProcess({ DATA_DIR: restoredDir });
    const after = await whatJanSees(await clientBrowser(running.url, "jan.jansen@example.nl"));
    expect(after.dossiers).toEqual(before.dossiers);
    expect(after.documentId).toBe(before.documentId);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    await running.stop();
    running = undefined;
  }, 90_000);

  it("refuses on PostgreSQL, pointing to the README's section on the operator's own tools", async () => {
    // No connection is made: the configuration alone says this is no embedded installation.
    const refused = await poort(["backup", "--to", path.join(work, "pg")], dataDir, {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/poort",
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("this one uses PostgreSQL (DATABASE_URL is set)");
    expect(refused.output).toContain('see "Backup and restore" in README.md');
  }, 30_000);

  it("restores over an existing DATA_DIR, keeping the old one aside", async () => {
    const restored = await poort(["restore", "--from", backup], dataDir);
    expect(restored.code, restored.output).toBe(0);
    const aside = (await readdir(work)).find((name) => name.startsWith("data.before-restore-"));
    expect(aside).toBeDefined();
    expect(restored.output).toContain(`kept in ${path.join(work, aside as string)}`);
    expect(await readFile(path.join(work, aside as string, "secret.key"), "utf8")).toBe(
      await readFile(path.join(dataDir, "secret.key"), "utf8"),
    );
  }, 60_000);
});
