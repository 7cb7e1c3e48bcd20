import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestOffice } from "#test/support/accounts.ts";
import {
  createServicedeskStaff,
  issueByServicedesk,
  mailedPkcs12,
} from "#test/support/certificates.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";

const run = promisify(execFile);

/** A CA made elsewhere (here with openssl, as an operator might) and imported from files. */
describe("a certificate authority imported from files", () => {
  let folder: string;
  let subject: TestApp;
  const file = (name: string) => path.join(folder, name);

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "poort-ca-import-"));
    const ec = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out"];
    await run("openssl", [...ec, file("root.key")]);
    await run("openssl", [...ec, file("issuing.key")]);
    await run("openssl", [
      "req",
      "-x509",
      "-new",
      "-key",
      file("root.key"),
      "-subj",
      "/O=Beroepsorganisatie/CN=Import Root CA",
      "-days",
      "3650",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
      "-out",
      file("root.pem"),
    ]);
    await run("openssl", [
      "req",
      "-new",
      "-key",
      file("issuing.key"),
      "-subj",
      "/O=Beroepsorganisatie/CN=Import Issuing CA",
      "-out",
      file("issuing.csr"),
    ]);
    await writeFile(
      file("issuing.ext"),
      "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n",
    );
    await run("openssl", [
      "x509",
      "-req",
      "-in",
      file("issuing.csr"),
      "-CA",
      file("root.pem"),
      "-CAkey",
      file("root.key"),
      "-CAcreateserial",
      "-days",
      "1825",
      "-extfile",
      file("issuing.ext"),
      "-out",
      file("issuing.pem"),
    ]);
    subject = await createTestApp("pglite", {
      CA_ROOT_CERT_FILE: file("root.pem"),
      CA_ROOT_KEY_FILE: file("root.key"),
      CA_ISSUING_CERT_FILE: file("issuing.pem"),
      CA_ISSUING_KEY_FILE: file("issuing.key"),
    });
  });
  afterAll(async () => {
    await subject.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("signs office certificates that chain to the imported root", async () => {
    const chain = (await subject.app.inject({ method: "GET", url: "/pki/chain.pem" })).body;
    expect(chain).toContain((await readFile(file("root.pem"), "utf8")).trim().split("\n")[1]);
    const office = await createTestOffice(subject, "Notariskantoor Import");
    const servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
    const issued = await issueByServicedesk(servicedesk, office.id);
    await writeFile(file("office.p12"), await mailedPkcs12(subject, issued.sentTo));
    await run("openssl", [
      "pkcs12",
      "-in",
      file("office.p12"),
      "-passin",
      `pass:${issued.password}`,
      "-clcerts",
      "-nokeys",
      "-out",
      file("office.pem"),
    ]);
    const { stdout } = await run("openssl", [
      "verify",
      "-purpose",
      "sslclient",
      "-CAfile",
      file("root.pem"),
      "-untrusted",
      file("issuing.pem"),
      file("office.pem"),
    ]);
    expect(stdout).toContain("office.pem: OK");
  });
});
