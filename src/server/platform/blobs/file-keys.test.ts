import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileKeyError, FileKeyring, loadFileKeyring } from "./file-keys.ts";

const objectKey = "blobs/3f/3f2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f";
const secret = (name: string) => `${name}-${"x".repeat(40)}`;

describe("FileKeyring", () => {
  const keyring = new FileKeyring({ current: randomBytes(32) });

  it("unwraps the data key it wrapped, under its current key id", () => {
    const dataKey = keyring.newDataKey();
    const wrapped = keyring.wrap(dataKey, objectKey);
    expect(wrapped.keyId).toBe(keyring.currentKeyId);
    expect(wrapped.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(wrapped.wrappedKey, "base64url").includes(dataKey)).toBe(false);
    expect(keyring.unwrap(wrapped, objectKey).equals(dataKey)).toBe(true);
  });

  it("wraps the same data key differently each time", () => {
    const dataKey = keyring.newDataKey();
    expect(keyring.wrap(dataKey, objectKey).wrappedKey).not.toBe(
      keyring.wrap(dataKey, objectKey).wrappedKey,
    );
  });

  it("refuses a wrapped key given to another object, or altered", () => {
    const wrapped = keyring.wrap(keyring.newDataKey(), objectKey);
    expect(() => keyring.unwrap(wrapped, "blobs/aa/aa2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f")).toThrow(
      FileKeyError,
    );
    const bytes = Buffer.from(wrapped.wrappedKey, "base64url");
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    expect(() =>
      keyring.unwrap({ ...wrapped, wrappedKey: bytes.toString("base64url") }, objectKey),
    ).toThrow("fails authentication");
    expect(() =>
      keyring.unwrap({ ...wrapped, wrappedKey: wrapped.wrappedKey.slice(4) }, objectKey),
    ).toThrow("damaged");
  });

  it("refuses a key id no secret gives, naming where secrets are configured", () => {
    const other = new FileKeyring({ current: randomBytes(32) });
    const wrapped = other.wrap(other.newDataKey(), objectKey);
    expect(keyring.knows(wrapped.keyId)).toBe(false);
    expect(() => keyring.unwrap(wrapped, objectKey)).toThrow("PREVIOUS_SECRET_KEYS");
  });

  it("still unwraps under a previous secret, and wraps only under the current one", () => {
    const oldSecret = randomBytes(32);
    const before = new FileKeyring({ current: oldSecret });
    const dataKey = before.newDataKey();
    const wrappedBefore = before.wrap(dataKey, objectKey);
    const after = new FileKeyring({ current: randomBytes(32), previous: [oldSecret] });
    expect(after.currentKeyId).not.toBe(before.currentKeyId);
    expect(after.unwrap(wrappedBefore, objectKey).equals(dataKey)).toBe(true);
    expect(after.wrap(dataKey, objectKey).keyId).toBe(after.currentKeyId);
  });
});

describe("loadFileKeyring", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-file-keys-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("takes the embedded key file, so moving its content into SECRET_KEY keeps every file readable", async () => {
    const embedded = await loadFileKeyring({ previousSecretKeys: [], dataDir });
    const wrapped = embedded.wrap(embedded.newDataKey(), objectKey);
    const fileContent = (await readFile(path.join(dataDir, "secret.key"), "utf8")).trim();
    const configured = await loadFileKeyring({
      secretKey: fileContent,
      previousSecretKeys: [],
      dataDir,
    });
    expect(configured.currentKeyId).toBe(embedded.currentKeyId);
    expect(configured.unwrap(wrapped, objectKey)).toHaveLength(32);
  });

  it("gives each secret its own key id, and knows the previous ones", async () => {
    const rotated = await loadFileKeyring({
      secretKey: secret("new"),
      previousSecretKeys: [secret("old"), secret("older")],
      dataDir,
    });
    const old = await loadFileKeyring({
      secretKey: secret("old"),
      previousSecretKeys: [],
      dataDir,
    });
    const older = await loadFileKeyring({
      secretKey: secret("older"),
      previousSecretKeys: [],
      dataDir,
    });
    expect(new Set([rotated.currentKeyId, old.currentKeyId, older.currentKeyId]).size).toBe(3);
    expect(rotated.knows(old.currentKeyId)).toBe(true);
    expect(rotated.knows(older.currentKeyId)).toBe(true);
    expect(old.knows(rotated.currentKeyId)).toBe(false);
  });
});
