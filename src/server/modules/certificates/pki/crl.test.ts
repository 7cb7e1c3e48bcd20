import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TempFolder, tempFolder } from "#test/support/openssl.ts";
import {
  createTestPki,
  issueTestOffice,
  type TestPki,
  writeCaFiles,
  writeCertificate,
} from "#test/support/pki.ts";
import { buildCrl, type RevokedEntry } from "./crl.ts";
import type { KeyAlgorithm } from "./keys.ts";
import { newSerialNumber } from "./serial-numbers.ts";

const day = 86_400_000;

describe.each<KeyAlgorithm>(["p-256", "rsa-2048"])("a CRL signed with %s", (algorithm) => {
  let folder: TempFolder;
  let pki: TestPki;
  let revokedSerial: string;
  const period = () => ({ thisUpdate: new Date(), nextUpdate: new Date(Date.now() + day) });

  beforeAll(async () => {
    folder = await tempFolder();
    pki = await createTestPki(algorithm);
    const [revoked, good] = await Promise.all([
      issueTestOffice(pki, algorithm),
      issueTestOffice(pki, algorithm),
    ]);
    revokedSerial = revoked.certificate.serialNumber;
    const entries: RevokedEntry[] = [
      {
        serialNumber: revokedSerial,
        revokedAt: new Date(Date.now() - 60_000),
        reason: "keyCompromise",
      },
      { serialNumber: newSerialNumber(), revokedAt: new Date(), reason: "unspecified" },
    ];
    await writeCaFiles(folder, pki);
    await writeCertificate(folder, "revoked.pem", revoked.certificate);
    await writeCertificate(folder, "good.pem", good.certificate);
    await folder.write(
      "office.crl",
      await buildCrl(pki.issuing, { crlNumber: 42, revoked: entries, ...period() }),
    );
  });
  afterAll(() => folder.remove());

  const verifyCrl = (file: string) =>
    folder.openssl([
      "crl",
      "-in",
      file,
      "-inform",
      "DER",
      "-CAfile",
      "issuing.pem",
      "-verify",
      "-noout",
    ]);

  it("verifies against the issuing CA", async () => {
    expect(await verifyCrl("office.crl")).toMatchObject({ code: 0, stderr: "verify OK\n" });
  });

  it("lists each serial with its reason code, leaving out 'unspecified', and its CRL number", async () => {
    const { stdout } = await folder.openssl([
      "crl",
      "-in",
      "office.crl",
      "-inform",
      "DER",
      "-noout",
      "-text",
    ]);
    expect(stdout).toContain("Version 2 (0x1)");
    expect(stdout).toMatch(/X509v3 CRL Number: \n\s+42\n/);
    expect(stdout).toContain("X509v3 Authority Key Identifier:");
    expect(stdout).toMatch(
      new RegExp(
        `Serial Number: ${revokedSerial.toUpperCase()}\\n.*\\n\\s+CRL entry extensions:\\n` +
          "\\s+X509v3 CRL Reason Code: \\n\\s+Key Compromise\\n",
      ),
    );
    expect(stdout.match(/CRL Reason Code/g)).toHaveLength(1);
  });

  it("makes openssl refuse the revoked certificate and accept the other", async () => {
    const verify = (file: string) =>
      folder.openssl([
        "verify",
        "-crl_check",
        "-CRLfile",
        "office.crl",
        "-CAfile",
        "root.pem",
        "-untrusted",
        "issuing.pem",
        file,
      ]);
    const revoked = await verify("revoked.pem");
    expect(revoked.code).not.toBe(0);
    expect(revoked.stderr).toContain("certificate revoked");
    expect(await verify("good.pem")).toMatchObject({ code: 0, stdout: "good.pem: OK\n" });
  });

  it("can be empty, leaving out the list", async () => {
    await folder.write(
      "empty.crl",
      await buildCrl(pki.issuing, { crlNumber: 1n, revoked: [], ...period() }),
    );
    expect(await verifyCrl("empty.crl")).toMatchObject({ code: 0 });
    const { stdout } = await folder.openssl([
      "crl",
      "-in",
      "empty.crl",
      "-inform",
      "DER",
      "-noout",
      "-text",
    ]);
    expect(stdout).toContain("No Revoked Certificates.");
  });
});

describe("a CRL of 100,000 entries", () => {
  it("is built and verifies", async () => {
    const folder = await tempFolder();
    try {
      const pki = await createTestPki("p-256");
      const reasons = [
        "keyCompromise",
        "superseded",
        "cessationOfOperation",
        "unspecified",
      ] as const;
      const revoked = Array.from({ length: 100_000 }, (_, i) => ({
        serialNumber: newSerialNumber(),
        revokedAt: new Date(Date.now() - i * 1000),
        reason: reasons[i % reasons.length] ?? "unspecified",
      }));
      const crl = await buildCrl(pki.issuing, {
        crlNumber: 2n ** 64n,
        thisUpdate: new Date(),
        nextUpdate: new Date(Date.now() + day),
        revoked,
      });
      await writeCaFiles(folder, pki);
      await folder.write("big.crl", crl);
      const result = await folder.openssl([
        "crl",
        "-in",
        "big.crl",
        "-inform",
        "DER",
        "-CAfile",
        "issuing.pem",
        "-verify",
        "-noout",
      ]);
      expect(result).toMatchObject({ code: 0, stderr: "verify OK\n" });
    } finally {
      await folder.remove();
    }
  });
});

describe("buildCrl", () => {
  it("refuses a period that ends before it starts, and a serial that is not hex", async () => {
    const { issuing } = await createTestPki("p-256");
    const now = new Date();
    await expect(
      buildCrl(issuing, { crlNumber: 1, thisUpdate: now, nextUpdate: now, revoked: [] }),
    ).rejects.toThrow(RangeError);
    const revoked: RevokedEntry[] = [{ serialNumber: "xyz", revokedAt: now, reason: "superseded" }];
    await expect(
      buildCrl(issuing, {
        crlNumber: 1,
        thisUpdate: now,
        nextUpdate: new Date(+now + day),
        revoked,
      }),
    ).rejects.toThrow(RangeError);
  });
});
