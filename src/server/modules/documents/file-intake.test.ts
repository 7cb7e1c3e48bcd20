import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiskBlobStore } from "#src/server/platform/blobs/disk-blob-store.ts";
import type { AllowedType } from "#src/server/platform/files/content-type.ts";
import {
  createVirusScanner,
  type ScanResult,
  type VirusScanner,
  VirusScanUnavailableError,
} from "#src/server/platform/files/virus-scanner.ts";
import { EICAR, EICAR_SIGNATURE } from "#test/support/clamd.ts";
import { samplePdf } from "#test/support/dossiers.ts";
import { acceptFile, safeFileName, type WaitingFile } from "./file-intake.ts";

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
  let blobs: DiskBlobStore;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "poort-intake-"));
    blobs = new DiskBlobStore(path.join(folder, "blobs"));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  let uploads = 0;
  async function waiting(name: string, content: Buffer, digested: boolean): Promise<WaitingFile> {
    uploads += 1;
    const filePath = path.join(folder, `upload-${uploads}`);
    await writeFile(filePath, content);
    const digest = digested ? { size: content.length, sha256: sha256(content) } : undefined;
    return { filePath, declaredName: name, digest };
  }
  const intake = (scanner: VirusScanner) => ({ blobs, scanner, maxFileBytes: 1024 * 1024 });
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

  it.each([
    ["its transport's digest, no scanner", true, () => createVirusScanner(undefined)],
    ["its transport's digest, a scanner", true, () => new ReadingScanner()],
    ["no digest from its transport, a scanner", false, () => new ReadingScanner()],
    ["no digest from its transport, no scanner", false, () => createVirusScanner(undefined)],
  ])(
    "stores the file with the real SHA-256 of its bytes (%s)",
    async (_case, digested, scanner) => {
      const content = samplePdf("akte");
      const file = await waiting("akte.pdf", content, digested);
      const accepted = await acceptFile(intake(scanner()), file);
      expect(accepted.blob).toMatchObject({ size: content.length, sha256: sha256(content) });
      expect(await storedBytes(accepted.blob.key)).toEqual(content);
      expect(existsSync(file.filePath)).toBe(false);
    },
  );

  it("scans a file once, reading it to its end", async () => {
    const scanner = new ReadingScanner();
    const accepted = await acceptFile(intake(scanner), await waiting("a.pdf", samplePdf(), false));
    expect(scanner.opened).toBe(1);
    expect(accepted.scan).toEqual({ status: "clean", engine: "test" });
  });

  it.each([
    ["with", true],
    ["without", false],
  ])(
    "refuses an infected file %s its transport's digest, and stores nothing",
    async (_case, digested) => {
      const before = await storedKeys();
      const infected = Buffer.concat([samplePdf("besmet"), Buffer.from(`\n% ${EICAR}\n`)]);
      const refused = acceptFile(
        intake(new ReadingScanner()),
        await waiting("besmet.pdf", infected, digested),
      );
      await expect(refused).rejects.toMatchObject({
        code: "file_infected",
        signature: EICAR_SIGNATURE,
      });
      expect(await storedKeys()).toEqual(before);
    },
  );

  it("refuses a file whose bytes are no PDF although its name says so, before any scan", async () => {
    const before = await storedKeys();
    const scanner = new ReadingScanner();
    const program = Buffer.from("MZ\x90\x00 this is a program, not a PDF");
    const refused = acceptFile(intake(scanner), await waiting("factuur.pdf", program, true));
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
    const refused = acceptFile(intake(silent), await waiting("a.pdf", samplePdf(), true));
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
