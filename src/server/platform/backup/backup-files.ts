import { createReadStream, createWriteStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { type ContentDigest, digestOf, RunningDigest } from "../blobs/content-digest.ts";

/**
 * Copies a file, taking its size and SHA-256 on the way. The copy is readable by the owner only:
 * a backup holds the secret and everything it opens.
 */
export async function copyMeasured(source: string, target: string): Promise<ContentDigest> {
  const digest = new RunningDigest();
  await pipeline(
    createReadStream(source),
    digest.passThrough(),
    createWriteStream(target, { flags: "wx", mode: 0o600 }),
  );
  return digest.finish();
}

/** The size and SHA-256 of a file. */
export function measure(file: string): Promise<ContentDigest> {
  return digestOf(createReadStream(file));
}

/**
 * The files below `root`, as paths relative to it with `/` between segments, sorted. Folders
 * whose name starts with a dot (a store's writes in progress) are left out.
 */
export async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join("/"))
    .filter((relative) => !relative.split("/").some((segment) => segment.startsWith(".")))
    .sort();
}

/** A moment as a name in a folder can carry it: 2026-05-01T10-20-30Z. */
export function stampOf(moment: Date): string {
  return moment
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}
