import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TempFolder, tempFolder } from "#test/support/openssl.ts";
import { createTestPki, writeCaFiles } from "#test/support/pki.ts";

describe("the root and issuing CA", () => {
  let folder: TempFolder;
  const text = (file: string) =>
    folder.openssl(["x509", "-in", file, "-noout", "-text"]).then(({ stdout }) => stdout);

  beforeAll(async () => {
    folder = await tempFolder();
    await writeCaFiles(folder, await createTestPki("p-256"));
  });
  afterAll(() => folder.remove());

  it("make a root that signs certificates and CRLs only", async () => {
    const root = await text("root.pem");
    expect(root).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:TRUE\n/);
    expect(root).toMatch(/X509v3 Key Usage: critical\n\s+Certificate Sign, CRL Sign\n/);
    expect(root).toContain("X509v3 Subject Key Identifier:");
  });

  it("make an issuing CA that may sign end-entity certificates only, revocable by the root's CRL", async () => {
    const issuing = await text("issuing.pem");
    expect(issuing).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:TRUE, pathlen:0\n/);
    expect(issuing).toMatch(/X509v3 Key Usage: critical\n\s+Certificate Sign, CRL Sign\n/);
    expect(issuing).toContain("URI:http://pki.poort.test/root.crl");
    expect(issuing).toContain("X509v3 Authority Key Identifier:");
  });

  it("chain up under strict checks", async () => {
    const result = await folder.openssl([
      "verify",
      "-x509_strict",
      "-check_ss_sig",
      "-CAfile",
      "root.pem",
      "issuing.pem",
    ]);
    expect(result).toMatchObject({ code: 0, stdout: "issuing.pem: OK\n" });
  });
});
