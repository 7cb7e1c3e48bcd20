import { createHmac, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSecretKey, SecretBox, SecretBoxError } from "./secret-box.ts";

describe("SecretBox", () => {
  const box = new SecretBox(randomBytes(32));

  it("opens what it sealed", () => {
    for (const plaintext of ["JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "", "sleutel voor Zoë ✓"]) {
      expect(box.open(box.seal(plaintext))).toBe(plaintext);
    }
  });

  it("seals as v1.<iv>.<tag>.<ciphertext> with a fresh IV each time", () => {
    const first = box.seal("same secret");
    const second = box.seal("same secret");
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first.split(".")[1]).not.toBe(second.split(".")[1]);
    expect(first).not.toContain(Buffer.from("same secret").toString("base64url"));
  });

  it("refuses a sealed value that was altered", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    const [version, iv, tag, ciphertext] = sealed.split(".") as [string, string, string, string];
    const flipFirstByte = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString("base64url");
    };
    const altered = [
      [version, flipFirstByte(iv), tag, ciphertext],
      [version, iv, flipFirstByte(tag), ciphertext],
      [version, iv, tag, flipFirstByte(ciphertext)],
      [version, iv, tag, ciphertext.slice(0, -2)],
    ];
    for (const parts of altered) {
      expect(() => box.open(parts.join("."))).toThrow(/altered or sealed with another key/);
    }
  });

  it("refuses a value sealed with another key", () => {
    const other = new SecretBox(randomBytes(32));
    expect(() => other.open(box.seal("secret"))).toThrow(SecretBoxError);
  });

  it("refuses values that are not sealed v1 values", () => {
    const [, iv, tag, ciphertext] = box.seal("secret").split(".");
    for (const bad of ["", "plain text", `v2.${iv}.${tag}.${ciphertext}`, `v1.${iv}.${tag}`]) {
      expect(() => box.open(bad)).toThrow(/not a sealed v1 value/);
    }
    expect(() => box.open(`v1.${iv}.AAAA.${ciphertext}`)).toThrow(/damaged/);
  });

  it("needs a 32-byte key", () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32-byte key/);
  });
});

describe("loadSecretKey", () => {
  let dataDir: string;
  const secretKey = "an example secret key of more than 32 characters";

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-secret-key-"));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it("derives the key from SECRET_KEY with HKDF-SHA256, info 'poort secret box'", async () => {
    // RFC 5869 by hand (empty salt = 32 zero bytes; one block of output), to pin the derivation:
    // if it ever changed, every secret sealed before would stop opening.
    const prk = createHmac("sha256", Buffer.alloc(32)).update(secretKey).digest();
    const expected = createHmac("sha256", prk).update("poort secret box\x01").digest();
    expect(await loadSecretKey({ secretKey, dataDir })).toEqual(expected);
  });

  it("gives the same key for the same SECRET_KEY and another for another", async () => {
    const first = await loadSecretKey({ secretKey, dataDir });
    expect(await loadSecretKey({ secretKey, dataDir: "/nonexistent" })).toEqual(first);
    expect(await loadSecretKey({ secretKey: `${secretKey}!`, dataDir })).not.toEqual(first);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it("refuses a SECRET_KEY short enough to guess", async () => {
    await expect(loadSecretKey({ secretKey: "geheim", dataDir })).rejects.toThrow(
      /SECRET_KEY must be at least 32 characters/,
    );
    await expect(loadSecretKey({ secretKey: "", dataDir })).rejects.toThrow(SecretBoxError);
  });

  it("generates <dataDir>/secret.key once, readable by the owner only, and reuses it", async () => {
    const nested = path.join(dataDir, "not-yet-there");
    const first = await loadSecretKey({ dataDir: nested });
    const file = path.join(nested, "secret.key");
    const content = await readFile(file, "utf8");
    expect(Buffer.from(content, "base64url")).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(await loadSecretKey({ dataDir: nested })).toEqual(first);
    expect(await readFile(file, "utf8")).toBe(content);
    expect(await readdir(nested)).toEqual(["secret.key"]);
  });

  it("lets processes that start together agree on one key", async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadSecretKey({ dataDir })));
    for (const key of keys) expect(key).toEqual(keys[0]);
    expect(await readdir(dataDir)).toEqual(["secret.key"]);
  });

  it("gives the same key once the file's content is configured as SECRET_KEY", async () => {
    const embedded = await loadSecretKey({ dataDir });
    const content = await readFile(path.join(dataDir, "secret.key"), "utf8");
    expect(await loadSecretKey({ secretKey: content, dataDir: "/nonexistent" })).toEqual(embedded);
  });

  it("refuses a key file that has been emptied", async () => {
    await writeFile(path.join(dataDir, "secret.key"), "\n");
    await expect(loadSecretKey({ dataDir })).rejects.toThrow(/secret\.key must be at least/);
  });
});

describe("SecretBox.fingerprint", () => {
  it("is the same for the same value and key, and differs per value and per key", () => {
    const box = new SecretBox(Buffer.alloc(32, 7));
    const other = new SecretBox(Buffer.alloc(32, 8));
    expect(box.fingerprint("7KQ4M2XW9RTF")).toBe(box.fingerprint("7KQ4M2XW9RTF"));
    expect(box.fingerprint("7KQ4M2XW9RTF")).toMatch(/^[0-9a-f]{64}$/);
    expect(box.fingerprint("7KQ4M2XW9RTG")).not.toBe(box.fingerprint("7KQ4M2XW9RTF"));
    expect(other.fingerprint("7KQ4M2XW9RTF")).not.toBe(box.fingerprint("7KQ4M2XW9RTF"));
  });
});
