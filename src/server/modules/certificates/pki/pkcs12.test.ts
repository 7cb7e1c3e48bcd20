import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TempFolder, tempFolder } from "#test/support/openssl.ts";
import {
  createTestPki,
  issueTestOffice,
  type TestOffice,
  type TestPki,
  writeCertificate,
} from "#test/support/pki.ts";
import { generateInstallPassword } from "./password.ts";
import { buildPkcs12 } from "./pkcs12.ts";

const variants = [
  {
    legacy: false,
    info: [
      "MAC: sha256, Iteration 2048",
      "PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256",
      "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256",
    ],
  },
  {
    legacy: true,
    info: [
      "MAC: sha1, Iteration 2048",
      "PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048",
      "Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048",
    ],
  },
];

describe.each(variants)("a PKCS#12 file (legacy: $legacy)", ({ legacy, info }) => {
  let folder: TempFolder;
  let pki: TestPki;
  let office: TestOffice;
  const password = generateInstallPassword();
  const read = (...args: string[]) =>
    folder.openssl(["pkcs12", "-in", "office.p12", "-passin", `pass:${password}`, ...args]);

  beforeAll(async () => {
    folder = await tempFolder();
    pki = await createTestPki("rsa-2048");
    office = await issueTestOffice(pki, "rsa-2048");
    const p12 = await buildPkcs12({
      certificate: office.certificate,
      privateKey: office.keys.privateKey,
      chain: [pki.issuing.certificate, pki.root.certificate],
      password,
      friendlyName: "De Vries & Partners",
      legacy,
    });
    await folder.write("office.p12", p12);
    await writeCertificate(folder, "office.pem", office.certificate);
  });
  afterAll(() => folder.remove());

  // OpenSSL 3 needs -legacy only for RC2 and the like; 3DES it reads by default.
  it("opens with the password, encrypted as the variant says, without -legacy", async () => {
    const result = await read("-info", "-noout");
    expect(result.code).toBe(0);
    for (const line of info) expect(result.stderr).toContain(line);
  });

  it("refuses a wrong password", async () => {
    const result = await folder.openssl([
      "pkcs12",
      "-in",
      "office.p12",
      "-passin",
      `pass:${password}x`,
      "-noout",
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Mac verify error");
  });

  it("holds the key of the certificate", async () => {
    const { stdout: key } = await read("-nocerts", "-nodes");
    await folder.write("key.pem", key);
    const fromKey = await folder.openssl(["pkey", "-in", "key.pem", "-pubout"]);
    const fromCertificate = await folder.openssl([
      "x509",
      "-in",
      "office.pem",
      "-pubkey",
      "-noout",
    ]);
    expect(fromKey.code).toBe(0);
    expect(fromKey.stdout).toContain("-----BEGIN PUBLIC KEY-----");
    expect(fromKey.stdout).toBe(fromCertificate.stdout);
  });

  it("holds the certificate, named and paired with the key, and the chain", async () => {
    const { stdout } = await read("-nokeys");
    const subjects = [...stdout.matchAll(/^subject=.*CN = (.*)$/gm)].map(([, name]) => name);
    expect(subjects).toEqual([
      "Notariskantoor H\\C3\\A9l\\C3\\A8ne de Vries & Partners",
      "Poort Test Kantoren CA",
      "Poort Test Root CA",
    ]);
    expect(stdout).toContain("friendlyName: De Vries & Partners");
    expect(stdout).toMatch(/localKeyID: [0-9A-F ]{59}/);
  });
});
