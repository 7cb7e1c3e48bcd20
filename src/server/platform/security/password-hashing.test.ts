import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./password-hashing.ts";

const password = "correct horse battery staple";

/** A hash as an older Poort with weaker parameters would have stored it. */
function legacyHash(secret: string, N: number): string {
  const salt = Buffer.from("0123456789abcdef");
  const key = scryptSync(secret, salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
  return `scrypt$${N}$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
}

describe("password hashing", () => {
  it("stores a self-describing scrypt string that verifies", async () => {
    const stored = await hashPassword(password);
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword(password, stored)).toBe(true);
  });

  it("refuses a wrong password", async () => {
    const stored = await hashPassword(password);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(first).not.toBe(second);
    expect(first.split("$")[4]).not.toBe(second.split("$")[4]);
  });

  it("matches the same password in another Unicode normal form", async () => {
    const composed = "Crème brûlée op zondag".normalize("NFC");
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it("returns false, without throwing, for a stored value it cannot read", async () => {
    const good = await hashPassword(password);
    const [, N, r, p, salt, key] = good.split("$");
    const malformed = [
      "",
      "not a hash",
      "$2b$12$abcdefghijklmnopqrstuuKX5cCsQWSm0eBLoDHkbDFpd7qgC8eYK", // bcrypt
      `argon2$${N}$${r}$${p}$${salt}$${key}`,
      `scrypt$${N}$${r}$${p}$${salt}`,
      `scrypt$${N}$${r}$${p}$${salt}$${key}$extra`,
      `scrypt$abc$${r}$${p}$${salt}$${key}`,
      `scrypt$32767$${r}$${p}$${salt}$${key}`, // N not a power of two
      `scrypt$${N}$0$${p}$${salt}$${key}`,
      `scrypt$${N}$${r}$${p}$${salt}$not*base64`,
      `scrypt$${N}$${r}$${p}$$${key}`,
      `scrypt$${N}$${r}$${p}$${salt}$AAAA`, // a 3-byte "hash" would match too easily
      // Parameters that would cost gigabytes or minutes are refused before any work.
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${key}`,
      `scrypt$${N}$1024$${p}$${salt}$${key}`,
      `scrypt$65536$1$${p}$${salt}$${key}`, // scrypt itself refuses N ≥ 2^(16·r)
    ];
    for (const stored of malformed) {
      await expect(verifyPassword(password, stored), stored).resolves.toBe(false);
    }
  });

  it("verifies a hash made with older parameters and asks for a rehash", async () => {
    const old = legacyHash(password, 2 ** 14);
    expect(await verifyPassword(password, old)).toBe(true);
    expect(await verifyPassword("something else", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("needs no rehash for a current hash, and one for a stronger or unreadable value", async () => {
    expect(needsRehash(await hashPassword(password))).toBe(false);
    expect(needsRehash(legacyHash(password, 2 ** 16))).toBe(false);
    expect(needsRehash("$2b$12$abcdefghijklmnopqrstuuKX5cCsQWSm0eBLoDHkbDFpd7qgC8eYK")).toBe(true);
  });
});
