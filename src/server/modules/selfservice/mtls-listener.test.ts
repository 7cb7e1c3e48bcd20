import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveStaff, createTestOffice, TEST_PASSWORD } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import {
  createServicedeskStaff,
  issueByServicedesk,
  type MtlsListener,
  mailedPkcs12,
  mtlsRequest,
  startMtlsListener,
} from "#test/support/certificates.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";

const run = promisify(execFile);
const csrf = { "x-csrf-token": "x", cookie: "__Host-poort_csrf=x" };

/** The listener's guards: the form's rules on the server, the proxy header, instant revocation. */
describe("the mTLS listener's guards", () => {
  let subject: TestApp;
  let folder: string;
  let servicedesk: ApiClient;
  let listener: MtlsListener;
  let officeId: string;
  let identity: { pfx: Buffer; passphrase: string };
  let certificatePem: string;

  beforeAll(async () => {
    subject = await createTestApp("pglite", { MTLS_TRUSTED_PROXIES: "127.0.0.1" });
    folder = await mkdtemp(path.join(os.tmpdir(), "poort-mtls-"));
    const office = await createTestOffice(subject, "Notariskantoor Bakker");
    officeId = office.id;
    await createActiveStaff(subject, office.id, "eva@bakker.nl");
    servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
    const issued = await issueByServicedesk(servicedesk, office.id);
    identity = { pfx: await mailedPkcs12(subject, issued.sentTo), passphrase: issued.password };
    await writeFile(path.join(folder, "a.p12"), identity.pfx);
    await run("openssl", [
      "pkcs12",
      "-in",
      path.join(folder, "a.p12"),
      "-passin",
      `pass:${issued.password}`,
      "-clcerts",
      "-nokeys",
      "-out",
      path.join(folder, "a.pem"),
    ]);
    certificatePem = await readFile(path.join(folder, "a.pem"), "utf8");
    listener = await startMtlsListener(subject);
  });
  afterAll(async () => {
    await listener.close();
    await subject.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("keeps the mail domain and demands the terms on the server, whatever the form sends", async () => {
    const form = (
      await mtlsRequest(listener, "/api/selfservice/login", identity, {
        method: "POST",
        body: { email: "eva@bakker.nl", password: TEST_PASSWORD },
        headers: csrf,
      })
    ).json();
    const submit = (body: Record<string, unknown>) =>
      mtlsRequest(listener, "/api/selfservice/requests", identity, {
        method: "POST",
        body: {
          requestToken: form.requestToken,
          acceptTerms: true,
          emailLocalPart: "ict",
          ...body,
        },
        headers: csrf,
      });
    const otherDomain = await submit({ emailLocalPart: "ict@elders.example" });
    expect(otherDomain.status).toBe(400);
    const noTerms = await submit({ acceptTerms: false });
    expect(noTerms.status).toBe(400);
    const badMobile = await submit({ mobile: "12" });
    expect(badMobile.status).toBe(400);
    // None of the refusals spent the form: it still issues one certificate.
    expect((await submit({})).status).toBe(201);
  });

  it("believes the certificate header of a configured proxy only", async () => {
    const header = { "x-ssl-client-cert": encodeURIComponent(certificatePem) };
    const viaProxy = await mtlsRequest(
      listener,
      "/api/selfservice/certificate",
      {},
      { headers: header },
    );
    expect(viaProxy.status).toBe(200);
    const viaStranger = await mtlsRequest(
      listener,
      "/api/selfservice/certificate",
      {},
      { headers: header, localAddress: "127.0.0.2" },
    );
    expect(viaStranger.status).toBe(403);
    expect(viaStranger.json().error.code).toBe("certificate_missing");
  });

  it("turns a certificate away the moment the servicedesk revokes it", async () => {
    const before = await mtlsRequest(listener, "/api/selfservice/certificate", identity);
    expect(before.status).toBe(200);
    const detail = (await servicedesk.get(`/api/servicedesk/offices/${officeId}`)).json();
    const presented = detail.certificates.find(
      (certificate: { serialNumber: string }) =>
        certificate.serialNumber === before.json().serialNumber,
    );
    const revoked = await servicedesk.post(`/api/servicedesk/certificates/${presented.id}/revoke`, {
      reason: "keyCompromise",
    });
    expect(revoked.json()).toMatchObject({ state: "revoked", revocationReason: "keyCompromise" });
    const after = await mtlsRequest(listener, "/api/selfservice/certificate", identity);
    expect(after.status).toBe(403);
    expect(after.json().error.code).toBe("certificate_revoked");
  });
});
