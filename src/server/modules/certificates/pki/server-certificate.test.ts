import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TempFolder, tempFolder } from "#test/support/openssl.ts";
import { createTestPki, type TestPki, writeCaFiles, writeCertificate } from "#test/support/pki.ts";
import { generateKeyPair } from "./keys.ts";
import { newSerialNumber } from "./serial-numbers.ts";
import { issueServerCertificate } from "./server-certificate.ts";

describe("the server certificate for Poort's mTLS listener", () => {
  let folder: TempFolder;
  let pki: TestPki;

  beforeAll(async () => {
    folder = await tempFolder();
    pki = await createTestPki("p-256");
    const keys = await generateKeyPair("p-256");
    const certificate = await issueServerCertificate(pki.issuing, keys.publicKey, {
      hostnames: ["localhost", "127.0.0.1", "::1"],
      serialNumber: newSerialNumber(),
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 86_400_000),
    });
    await writeCaFiles(folder, pki);
    await writeCertificate(folder, "server.pem", certificate);
  });
  afterAll(() => folder.remove());

  it("verifies as a TLS server certificate for each of its names and addresses", async () => {
    const verify = (...check: string[]) =>
      folder.openssl([
        "verify",
        "-purpose",
        "sslserver",
        "-x509_strict",
        ...check,
        "-CAfile",
        "root.pem",
        "-untrusted",
        "issuing.pem",
        "server.pem",
      ]);
    for (const check of [
      ["-verify_hostname", "localhost"],
      ["-verify_ip", "127.0.0.1"],
      ["-verify_ip", "::1"],
    ]) {
      expect(await verify(...check), check.join(" ")).toMatchObject({ code: 0 });
    }
    expect((await verify("-verify_hostname", "poort.example")).code).not.toBe(0);
  });

  it("refuses to be made without a hostname", async () => {
    const keys = await generateKeyPair("p-256");
    await expect(
      issueServerCertificate(pki.issuing, keys.publicKey, {
        hostnames: [],
        serialNumber: newSerialNumber(),
        notBefore: new Date(),
        notAfter: new Date(Date.now() + 1000),
      }),
    ).rejects.toThrow(RangeError);
  });
});
