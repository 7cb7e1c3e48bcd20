import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TempFolder, tempFolder } from "#test/support/openssl.ts";
import {
  createTestPki,
  issueTestOffice,
  type TestOffice,
  writeCaFiles,
  writeCertificate,
} from "#test/support/pki.ts";
import type { KeyAlgorithm } from "./keys.ts";

describe.each<KeyAlgorithm>(["rsa-2048", "p-256"])("an office certificate (%s)", (algorithm) => {
  let folder: TempFolder;
  let office: TestOffice;
  let text: string;

  beforeAll(async () => {
    folder = await tempFolder();
    const pki = await createTestPki(algorithm);
    office = await issueTestOffice(pki, algorithm);
    await writeCaFiles(folder, pki);
    await writeCertificate(folder, "office.pem", office.certificate);
    // utf8 shows the names as written instead of as \C3\A9 escapes.
    ({ stdout: text } = await folder.openssl([
      "x509",
      "-in",
      "office.pem",
      "-noout",
      "-text",
      "-nameopt",
      "utf8,sep_comma_plus_space",
    ]));
  });
  afterAll(() => folder.remove());

  it("verifies up to the root as a TLS client certificate under strict X.509 checks", async () => {
    const result = await folder.openssl([
      "verify",
      "-purpose",
      "sslclient",
      "-x509_strict",
      "-CAfile",
      "root.pem",
      "-untrusted",
      "issuing.pem",
      "office.pem",
    ]);
    expect(result).toMatchObject({ code: 0, stdout: "office.pem: OK\n" });
  });

  it("is no TLS server certificate", async () => {
    const result = await folder.openssl([
      "verify",
      "-purpose",
      "sslserver",
      "-CAfile",
      "root.pem",
      "-untrusted",
      "issuing.pem",
      "office.pem",
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("unsuitable certificate purpose");
  });

  it("names the office in UTF-8 with its debtor number", () => {
    expect(text).toContain(
      "Subject: O=De Vries & Partners Notarissen B.V., serialNumber=101234, " +
        "CN=Notariskantoor Hélène de Vries & Partners",
    );
  });

  it("is for TLS client authentication only, and no CA", () => {
    expect(text).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:FALSE\n/);
    expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature\n/);
    expect(text).toMatch(/X509v3 Extended Key Usage: \n\s+TLS Web Client Authentication\n/);
  });

  it("carries the office's mail address, revocation pointers and key identifiers", () => {
    expect(text).toMatch(/Subject Alternative Name: \n\s+email:kantoor@devries-notarissen.test\n/);
    expect(text).toMatch(
      /CRL Distribution Points: \n\s+Full Name:\n\s+URI:http:\/\/pki.poort.test\/kantoren.crl\n/,
    );
    expect(text).toContain("OCSP - URI:http://ocsp.poort.test/");
    expect(text).toContain("CA Issuers - URI:http://pki.poort.test/kantoren.cer");
    expect(text).toContain("X509v3 Subject Key Identifier:");
    expect(text).toContain("X509v3 Authority Key Identifier:");
  });

  it("has the 128-bit serial number it was given", async () => {
    const { stdout } = await folder.openssl(["x509", "-in", "office.pem", "-noout", "-serial"]);
    expect(stdout).toBe(`serial=${office.profile.serialNumber.toUpperCase()}\n`);
    expect(office.profile.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
  });
});
