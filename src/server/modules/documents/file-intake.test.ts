import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline, type Readable, Transform } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import type { AllowedType } from "#src/server/platform/files/content-type.ts";
import {
  createVirusScanner,
  type ScanResult,
  type VirusScanner,
  VirusScanUnavailableError,
} from "#src/server/platform/files/virus-scanner.ts";
import { EICAR, EICAR_SIGNATURE } from "#test/support/clamd.ts";
import { samplePdf } from "#test/support/dossiers.ts";
import { createTestFileStore, type TestFileStore } from "#test/support/file-stores.ts";
import { createTestDatabase, type TestDatabase } from "#test/support/test-database.ts";
import { acceptFile, safeFileName, type WaitingFile } from "./file-intake.ts";
import { waitingOnDisk } from "./receive-upload.ts";

const pdf: AllowedType = { mime: "application/pdf", extensions: ["pdf"] };

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A scanner that reads what it is given to the end and finds the EICAR string, as clamd does. */
class ReadingScanner implements VirusScanner {
  opened = 0;
  async scan(open: () => Readable): Promise<ScanResult> {
    this.opened += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of open()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).includes(EICAR)
      ? { status: "infected", engine: "test", signature: EICAR_SIGNATURE }
      : { status: "clean", engine: "test" };
  }
}

describe("the intake of a waiting upload", () => {
  let folder: string;
  let database: TestDatabase;
  let files: TestFileStore;
  let blobs: BlobStore;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "poort-intake-"));
    database = await createTestDatabase("pglite");
    files = await createTestFileStore();
    blobs = files.store;
  });
  afterAll(async () => {
    await database.drop();
    await files.remove();
    await rm(folder, { recursive: true, force: true });
  });

  let uploads = 0;
  /** The file waiting on disk, counting how often it is opened and how many bytes are read. */
  async function waiting(name: string, content: Buffer) {
    uploads += 1;
    const filePath = path.join(folder, `upload-${uploads}`);
    await writeFile(filePath, content);
    const onDisk = waitingOnDisk(filePath, name, content.length);
    const reads = { opened: 0, bytes: 0 };
    const file: WaitingFile = {
      ...onDisk,
      open: async () => {
        reads.opened += 1;
        // Counted on the way through, not with a "data" listener: that would set the file
        // flowing before the reader attaches, and the first bytes could pass it by.
        const counting = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            reads.bytes += chunk.length;
            done(null, chunk);
          },
        });
        // Destroying what is returned (as the type check does) closes the file too.
        return pipeline(await onDisk.open(), counting, () => {});
      },
    };
    return Object.assign(file, { reads });
  }
  const intake = (scanner: VirusScanner) => ({ blobs, scanner, maxFileBytes: 4 * 1024 * 1024 });
  async function storedKeys(): Promise<string[]> {
    const keys: string[] = [];
    for await (const blob of blobs.list()) keys.push(blob.key);
    return keys;
  }
  async function storedBytes(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await blobs.get(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** A PDF of about a MiB: large enough that a second read of it would show in the count. */
  const largePdf = () => Buffer.concat([samplePdf("akte"), Buffer.alloc(1024 * 1024, "%")]);

  it.each([
    ["no scanner", () => createVirusScanner(undefined)],
    ["a scanner", () => new ReadingScanner()],
  ])(
    "stores the file with the real SHA-256 of its bytes, reading it once after its first bytes (%s)",
    async (_case, scanner) => {
      const content = largePdf();
      const file = await waiting("akte.pdf", content);
      const accepted = await acceptFile(intake(scanner()), file);
      expect(accepted.blob).toMatchObject({ size: content.length, sha256: sha256(content) });
      expect(await storedBytes(accepted.blob.key)).toEqual(content);
      // The type check's look at the head, then one pass that the store and scanner share.
      expect(file.reads.opened).toBe(2);
      expect(file.reads.bytes).toBeLessThan(content.length + 256 * 1024);
    },
  );

  it("scans a file once, reading it to its end", async () => {
    const scanner = new ReadingScanner();
    const accepted = await acceptFile(intake(scanner), await waiting("a.pdf", samplePdf()));
    expect(scanner.opened).toBe(1);
    expect(accepted.scan).toEqual({ status: "clean", engine: "test" });
  });

  it("refuses an infected file, and keeps nothing of it in the store", async () => {
    const before = await storedKeys();
    const infected = Buffer.concat([samplePdf("besmet"), Buffer.from(`\n% ${EICAR}\n`)]);
    const refused = acceptFile(intake(new ReadingScanner()), await waiting("besmet.pdf", infected));
    await expect(refused).rejects.toMatchObject({
      code: "file_infected",
      signature: EICAR_SIGNATURE,
    });
    expect(await storedKeys()).toEqual(before);
  });

  it("refuses a file whose bytes are no PDF although its name says so, before any scan", async () => {
    const before = await storedKeys();
    const scanner = new ReadingScanner();
    const program = Buffer.from("MZ\x90\x00 this is a program, not a PDF");
    const refused = acceptFile(intake(scanner), await waiting("factuur.pdf", program));
    await expect(refused).rejects.toMatchObject({ code: "file_type_not_allowed" });
    expect(scanner.opened).toBe(0);
    expect(await storedKeys()).toEqual(before);
  });

  it("refuses a file when the scanner gives no verdict, rather than store it unscanned", async () => {
    const before = await storedKeys();
    const silent: VirusScanner = {
      async scan() {
        throw new VirusScanUnavailableError("clamd down");
      },
    };
    const refused = acceptFile(intake(silent), await waiting("a.pdf", samplePdf()));
    await expect(refused).rejects.toMatchObject({ code: "virus_scan_unavailable" });
    expect(await storedKeys()).toEqual(before);
  });
});

describe("the name a stored file is offered under", () => {
  it.each([
    ["a right-to-left override", "factuur\u202Efdp.exe", "factuurfdp.exe.pdf"],
    ["a left-to-right override and embeddings", "a\u202Db\u202Ac\u202Bd\u202C.pdf", "abcd.pdf"],
    ["marks", "brief\u200E\u200F\u061C.pdf", "brief.pdf"],
    ["isolates", "brief\u2066exe.\u2069\u2067x\u2068.pdf", "briefexe.x.pdf"],
    ["zero-width characters and a byte-order mark", "\uFEFFak\u200Bte\u200C\u200D.pdf", "akte.pdf"],
    ["control characters, C0 and C1", "ak\u0000te\u001f\u007f\u0085\u009f.pdf", "akte.pdf"],
  ])("strips %s, which could make the name lie about its extension", (_kind, declared, offered) => {
    expect(safeFileName(declared, pdf)).toBe(offered);
  });

  it("keeps letters of every script, and spaces", () => {
    expect(safeFileName("Überdracht akte €10 – وثيقة.pdf", pdf)).toBe(
      "Überdracht akte €10 – وثيقة.pdf",
    );
  });

  it("falls back to a plain name when nothing visible is left", () => {
    expect(safeFileName("\u202E\u200B", pdf)).toBe("document.pdf");
  });
});
