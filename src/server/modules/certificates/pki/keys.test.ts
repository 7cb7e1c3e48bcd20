import { describe, expect, it } from "vitest";
import {
  exportPrivateKey,
  generateKeyPair,
  importPrivateKey,
  type KeyAlgorithm,
  signingAlgorithm,
} from "./keys.ts";

describe.each<KeyAlgorithm>(["rsa-2048", "p-256"])("a %s key", (algorithm) => {
  it("survives PKCS#8 export and import, and still signs for its public key", async () => {
    const keys = await generateKeyPair(algorithm);
    const pkcs8 = await exportPrivateKey(keys.privateKey);
    const imported = await importPrivateKey(pkcs8, algorithm);
    expect(await exportPrivateKey(imported)).toEqual(pkcs8);
    const data = new TextEncoder().encode("Poort");
    const parameters = signingAlgorithm(algorithm);
    const signature = await crypto.subtle.sign(parameters, imported, data);
    expect(await crypto.subtle.verify(parameters, keys.publicKey, signature, data)).toBe(true);
  });
});
