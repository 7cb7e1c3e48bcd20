import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientBrowser, download } from "#test/support/client-browser.ts";
import { poortFromSource as poort } from "#test/support/poort-cli.ts";
import { databaseUrlFor, withAdminClient } from "#test/support/postgres-admin.ts";
import { type S3Server, s3Environment, startS3Server } from "#test/support/s3-server.ts";
import { type ServerProcess, startServerProcess } from "#test/support/server-process.ts";

/** `poort move --from <dir>`. */
const move = (from: string, environment: Record<string, string>) =>
  poort(["move", "--from", from], environment);

const databaseUrl = process.env.DATABASE_URL;

/**
 * The move from embedded to server (issue 18): the demo on an embedded installation, moved into
 * a new PostgreSQL database and an S3 bucket, serves the demo client the same document.
 */
describe.skipIf(!databaseUrl)(
  "poort move from embedded to PostgreSQL and S3 (skipped without DATABASE_URL: the move needs a PostgreSQL server)",
  () => {
    const targetName = `poort_move_${randomBytes(6).toString("hex")}`;
    let embeddedDir: string;
    let serverDir: string;
    let s3: S3Server;
    /** The server installation's configuration, without its secret. */
    let target: Record<string, string>;
    let embedded: ServerProcess | undefined;
    let server: ServerProcess | undefined;
    /** What the embedded installation served the demo client. */
    const before: { documentId: string; bytes: Buffer } = {
      documentId: "",
      bytes: Buffer.alloc(0),
    };

    beforeAll(async () => {
      embeddedDir = await mkdtemp(path.join(os.tmpdir(), "poort-move-embedded-"));
      serverDir = await mkdtemp(path.join(os.tmpdir(), "poort-move-server-"));
      s3 = await startS3Server();
      // Blank: the move migrates it itself.
      await withAdminClient(databaseUrl as string, (admin) =>
        admin.query(`CREATE DATABASE ${targetName}`),
      );
      target = {
        DATABASE_URL: databaseUrlFor(databaseUrl as string, targetName),
        ...s3Environment(s3),
        DATA_DIR: serverDir,
      };
    });
    afterAll(async () => {
      await embedded?.stop();
      await server?.stop();
      await s3?.close();
      await withAdminClient(databaseUrl as string, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`),
      );
      await rm(embeddedDir, { recursive: true, force: true });
      await rm(serverDir, { recursive: true, force: true });
    });

    it("serves the demo from the embedded installation, and will not move it while Poort runs on it", async () => {
      // The embedded default: its first start adds the demo data.
      embedded = await startServerProcess({ DATA_DIR: embeddedDir });
      const jan = await clientBrowser(embedded.url, "jan.jansen@example.nl");
      const { dossiers } = await (await jan("GET", "/api/portal/dossiers")).json();
      const dossier = dossiers.find((item: { number: string }) => item.number === "2026.0142");
      const { documents } = await (
        await jan("GET", `/api/portal/dossiers/${dossier.id}/documents?category=correspondence`)
      ).json();
      before.documentId = documents[0].id;
      before.bytes = await download(jan, before.documentId);
      expect(before.bytes.subarray(0, 5).toString()).toBe("%PDF-");

      const secretKey = await readFile(path.join(embeddedDir, "secret.key"), "utf8");
      const refused = await move(embeddedDir, { ...target, SECRET_KEY: secretKey });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain(`Not moved: Poort still runs on ${embeddedDir}`);
      // The audit log can be verified meanwhile: the running Poort reads it for the CLI.
      const verify = await poort(["audit", "verify"], { DATA_DIR: embeddedDir });
      expect(verify.code, verify.stdout).toBe(0);
      expect(verify.stdout).toMatch(/^Audit log intact: [1-9]\d* events/m);
      expect(await embedded.stop()).toBe(0);
      embedded = undefined;
    }, 90_000);

    it("refuses a SECRET_KEY that is not the installation's, naming the file to take it from", async () => {
      const refused = await move(embeddedDir, {
        ...target,
        SECRET_KEY: randomBytes(32).toString("base64url"),
      });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain(
        `Set SECRET_KEY to the content of ${path.join(embeddedDir, "secret.key")}.`,
      );
    });

    it("moves the database and the files, and the checksum report finds nothing lost", async () => {
      const secretKey = await readFile(path.join(embeddedDir, "secret.key"), "utf8");
      const moved = await move(embeddedDir, { ...target, SECRET_KEY: secretKey });
      expect(moved.code, moved.stdout).toBe(0);
      expect(moved.stdout).toMatch(/^ {2}documents +\d+ [0-9a-f]{16} = +\d+ [0-9a-f]{16}$/m);
      expect(moved.stdout).toMatch(/^ {2}blobs +\d+ [0-9a-f]{16} = +\d+ [0-9a-f]{16}$/m);
      expect(moved.stdout).not.toContain("≠");
      expect(moved.stdout).toContain("Nothing lost.");

      // The audit log's hash chain came along: the moved log verifies, up to the same head.
      const headOf = (stdout: string) => /^Head: (\d+:[0-9a-f]{64})$/m.exec(stdout)?.[1];
      const embeddedLog = await poort(["audit", "verify"], { DATA_DIR: embeddedDir });
      expect(embeddedLog.stdout).toMatch(/^Audit log intact: [1-9]\d* events/m);
      const movedLog = await poort(["audit", "verify"], { ...target, SECRET_KEY: secretKey });
      expect(movedLog.code, movedLog.stdout).toBe(0);
      expect(headOf(movedLog.stdout)).toBe(headOf(embeddedLog.stdout));
    }, 60_000);

    it("serves the demo client the same document from PostgreSQL and S3", async () => {
      const secretKey = await readFile(path.join(embeddedDir, "secret.key"), "utf8");
      server = await startServerProcess({ ...target, SECRET_KEY: secretKey });
      const jan = await clientBrowser(server.url, "jan.jansen@example.nl");
      const after = await download(jan, before.documentId);
      expect(after.equals(before.bytes)).toBe(true);
    }, 60_000);

    it("refuses to move into a database that is no longer empty", async () => {
      await server?.stop();
      server = undefined;
      const secretKey = await readFile(path.join(embeddedDir, "secret.key"), "utf8");
      const refused = await move(embeddedDir, { ...target, SECRET_KEY: secretKey });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/Not moved: The target database is not empty: .* hold rows/);
    });
  },
);
