import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { digestOf, RunningDigest } from "./content-digest.ts";

const sha256 = (...parts: Buffer[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
};

const first = Buffer.from("%PDF-1.4\nAkte van levering, ");
const second = Buffer.from("Kade 12 te Amsterdam\n%%EOF\n");

describe("RunningDigest", () => {
  it("takes the SHA-256 of content that passes in several streams, one after the other", async () => {
    const running = new RunningDigest();
    const passed: Buffer[] = [];
    for (const part of [first, second]) {
      for await (const chunk of running.measure(Readable.from([part]))) passed.push(chunk);
    }
    expect(Buffer.concat(passed)).toEqual(Buffer.concat([first, second]));
    expect(running.finish()).toEqual({
      size: first.length + second.length,
      sha256: sha256(first, second),
    });
  });

  it("passes the bytes on unchanged in a pipeline, counting them", async () => {
    const running = new RunningDigest();
    const written: Buffer[] = [];
    await pipeline(Readable.from([first, second]), running.passThrough(), async (bytes) => {
      for await (const chunk of bytes) written.push(chunk as Buffer);
    });
    expect(Buffer.concat(written)).toEqual(Buffer.concat([first, second]));
    expect(running.size).toBe(first.length + second.length);
  });

  it("hands the source's error to whoever reads the measured stream", async () => {
    async function* breaksOff() {
      yield first;
      throw new Error("connection lost");
    }
    const measured = new RunningDigest().measure(Readable.from(breaksOff()));
    await expect(digestOf(measured)).rejects.toThrow("connection lost");
  });

  it("digests an empty stream as the SHA-256 of nothing", async () => {
    expect(await digestOf(Readable.from([]))).toEqual({ size: 0, sha256: sha256() });
  });
});
