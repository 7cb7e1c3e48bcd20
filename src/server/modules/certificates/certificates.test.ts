import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
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
import { deliveredMails, lastSmsTo } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { certificatesDeps } from "./deps.ts";
import { sendExpiryReminders } from "./expiry-reminders.ts";
import { listReminders, unscopedListOfficeCertificates } from "./repository.ts";

const run = promisify(execFile);
const DAY_MS = 24 * 60 * 60_000;

describe.each(testDatabaseKinds)("office certificates, on %s", (kind) => {
  let subject: TestApp;
  let folder: string;
  let servicedesk: ApiClient;
  let listener: MtlsListener;
  let officeA: { id: string; email: string };
  let officeB: { id: string; email: string };
  let certificateA: { pfx: Buffer; passphrase: string };
  let certificateB: { pfx: Buffer; passphrase: string };
  let notAfterB: number;
  /** The password of the certificate the self-service issued. */
  let selfServicePassword: string;

  /** openssl with files written from the given contents; resolves with its exit code and output. */
  async function openssl(args: string[], files: Record<string, string | Buffer> = {}) {
    for (const [name, content] of Object.entries(files)) {
      await writeFile(path.join(folder, name), content);
    }
    try {
      const { stdout, stderr } = await run("openssl", args, { cwd: folder });
      return { code: 0, output: `${stdout}${stderr}` };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
    }
  }

  beforeAll(async () => {
    subject = await createTestApp(kind);
    folder = await mkdtemp(path.join(os.tmpdir(), "poort-certs-"));
    officeA = await createTestOffice(subject, "Notariskantoor De Vries & Partners");
    officeB = await createTestOffice(subject, "Notariaat Aan de Amstel");
    await createActiveStaff(subject, officeA.id, "sara@devries.nl");
    await createActiveStaff(subject, officeB.id, "lisa@amstel.nl");
    servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
    listener = await startMtlsListener(subject);
  });
  afterAll(async () => {
    await listener.close();
    await subject.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("publishes the CA chain and a CRL that openssl verifies", async () => {
    const chain = await subject.app.inject({ method: "GET", url: "/pki/chain.pem" });
    expect(chain.body.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    const crl = await subject.app.inject({ method: "GET", url: "/pki/issuing.crl" });
    expect(crl.headers["content-type"]).toBe("application/pkix-crl");
    const verified = await openssl(
      ["crl", "-in", "issuing.crl", "-inform", "DER", "-CAfile", "chain.pem", "-noout"],
      { "issuing.crl": crl.rawPayload, "chain.pem": chain.body },
    );
    expect(verified.output).toContain("verify OK");
  });

  it("the servicedesk issues a certificate: confirmation to the registered address, the PKCS#12 to the chosen one", async () => {
    const issued = await issueByServicedesk(servicedesk, officeA.id, "kantoor");
    const domain = officeA.email.split("@")[1];
    expect(issued.sentTo).toBe(`kantoor@${domain}`);
    const mails = await deliveredMails(subject);
    expect(mails.find((mail) => mail.to === officeA.email)?.subject).toBe(
      "Bevestiging aanvraag KNB kantoorcertificaat",
    );
    // The subject as in seed 000, section 1.4.
    expect(mails.find((mail) => mail.to === issued.sentTo)?.subject).toBe(
      "Certificaat voor inloggen op KNB PEC applicaties",
    );
    const p12 = await mailedPkcs12(subject, issued.sentTo);
    const right = await openssl(
      ["pkcs12", "-in", "a.p12", "-passin", `pass:${issued.password}`, "-noout"],
      { "a.p12": p12 },
    );
    expect(right.code).toBe(0);
    const wrong = await openssl(["pkcs12", "-in", "a.p12", "-passin", "pass:fout", "-noout"]);
    expect(wrong.code).not.toBe(0);
    certificateA = { pfx: p12, passphrase: issued.password };

    const extracted = await openssl([
      "pkcs12",
      "-in",
      "a.p12",
      "-passin",
      `pass:${issued.password}`,
      "-clcerts",
      "-nokeys",
      "-out",
      "a.pem",
    ]);
    expect(extracted.code).toBe(0);
    const chain = (await subject.app.inject({ method: "GET", url: "/pki/chain.pem" })).body;
    const verify = await openssl(
      ["verify", "-purpose", "sslclient", "-x509_strict", "-CAfile", "chain.pem", "a.pem"],
      { "chain.pem": chain },
    );
    expect(verify.output).toContain("a.pem: OK");
  });

  it("lets a valid office certificate with a staff login of that office request a new certificate, once", async () => {
    const context = await mtlsRequest(listener, "/api/selfservice/certificate", certificateA);
    expect(context.status).toBe(200);
    expect(context.json().officeName).toBe("Notariskantoor De Vries & Partners");

    const login = await mtlsRequest(listener, "/api/selfservice/login", certificateA, {
      method: "POST",
      body: { email: "sara@devries.nl", password: TEST_PASSWORD },
      headers: { "x-csrf-token": "x", cookie: "__Host-poort_csrf=x" },
    });
    expect(login.status).toBe(200);
    const form = login.json();
    expect(form).toMatchObject({ registeredEmail: officeA.email, reissueDemanded: false });

    const submit = () =>
      mtlsRequest(listener, "/api/selfservice/requests", certificateA, {
        method: "POST",
        body: {
          requestToken: form.requestToken,
          emailLocalPart: "ict",
          mobile: "06 12345678",
          acceptTerms: true,
        },
        headers: { "x-csrf-token": "x", cookie: "__Host-poort_csrf=x" },
      });
    const [first, second] = await Promise.all([submit(), submit()]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    const confirmation = (first.status === 201 ? first : second).json();
    expect(confirmation).toMatchObject({
      officeName: "Notariskantoor De Vries & Partners",
      sentTo: `ict@${officeA.email.split("@")[1]}`,
      mobile: "+31612345678",
    });
    expect(await lastSmsTo(subject, "+31612345678")).toContain(confirmation.password);
    selfServicePassword = confirmation.password;
  });

  it("answers curl with the office certificate, and explains to curl without one", async () => {
    const { readFile } = await import("node:fs/promises");
    await writeFile(path.join(folder, "curl.p12"), certificateA.pfx);
    await writeFile(path.join(folder, "ca.pem"), listener.ca);
    const curl = async (args: string[]) => {
      const url = `https://localhost:${listener.port}/api/selfservice/certificate`;
      try {
        const { stdout } = await run(
          "curl",
          [
            "-s",
            "-w",
            "\n%{http_code}",
            "--cacert",
            "ca.pem",
            "--resolve",
            `localhost:${listener.port}:127.0.0.1`,
            ...args,
            url,
          ],
          { cwd: folder },
        );
        return stdout;
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    };
    const withCertificate = await curl([
      "--cert-type",
      "P12",
      "--cert",
      `curl.p12:${certificateA.passphrase}`,
    ]);
    expect(withCertificate).toContain('"debtorNumber"');
    expect(withCertificate.trim().endsWith("200")).toBe(true);
    const without = await curl([]);
    expect(without).toContain("certificate_missing");
    expect(without.trim().endsWith("403")).toBe(true);
    expect(await readFile(path.join(folder, "ca.pem"), "utf8")).toContain("BEGIN CERTIFICATE");
  });

  it("refuses a missing certificate, a foreign one and a staff login of another office with a page that explains", async () => {
    const none = await mtlsRequest(
      listener,
      "/selfservice/certificate",
      {},
      {
        headers: { accept: "text/html" },
      },
    );
    expect(none.status).toBe(403);
    expect(none.body).toContain("Er is geen kantoorcertificaat meegestuurd");

    const selfSigned = await openssl([
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-subj",
      "/CN=Indringer",
      "-days",
      "30",
      "-keyout",
      "foreign.key",
      "-out",
      "foreign.pem",
    ]);
    expect(selfSigned.code).toBe(0);
    const { readFile } = await import("node:fs/promises");
    const foreign = await mtlsRequest(
      listener,
      "/selfservice/certificate",
      {
        cert: await readFile(path.join(folder, "foreign.pem"), "utf8"),
        key: await readFile(path.join(folder, "foreign.key"), "utf8"),
      },
      { headers: { accept: "text/html" } },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain("geen kantoorcertificaat van deze dienst");

    const otherOffice = await mtlsRequest(listener, "/api/selfservice/login", certificateA, {
      method: "POST",
      body: { email: "lisa@amstel.nl", password: TEST_PASSWORD },
      headers: { "x-csrf-token": "x", cookie: "__Host-poort_csrf=x" },
    });
    expect(otherOffice.status).toBe(403);
    expect(otherOffice.json().error.code).toBe("certificate_office_mismatch");
  });

  it("shows the office the servicedesk's demand for a reissue (A11), until it has requested one", async () => {
    const demanded = await servicedesk.post(
      `/api/servicedesk/offices/${officeA.id}/reissue-demands`,
      { reason: "Het wachtwoord is mogelijk bij derden bekend." },
    );
    expect(demanded.statusCode).toBe(201);
    expect(demanded.json().openReissueDemand.reason).toContain("derden");
    const csrf = { "x-csrf-token": "x", cookie: "__Host-poort_csrf=x" };
    const login = () =>
      mtlsRequest(listener, "/api/selfservice/login", certificateA, {
        method: "POST",
        body: { email: "sara@devries.nl", password: TEST_PASSWORD },
        headers: csrf,
      });
    const form = (await login()).json();
    expect(form.reissueDemanded).toBe(true);
    const submitted = await mtlsRequest(listener, "/api/selfservice/requests", certificateA, {
      method: "POST",
      body: { requestToken: form.requestToken, emailLocalPart: "ict", acceptTerms: true },
      headers: csrf,
    });
    expect(submitted.status).toBe(201);
    expect(submitted.json().mobile).toBeNull();
    selfServicePassword = submitted.json().password;
    expect((await login()).json().reissueDemanded).toBe(false);
  });

  it("after a servicedesk reissue the old certificate works 14 more days, then CRL, OCSP and the listener call it revoked", async () => {
    const current = (await servicedesk.get(`/api/servicedesk/offices/${officeA.id}`)).json();
    const old = current.certificates.find((c: { state: string }) => c.state !== "superseded");
    const oldP12 = await mailedPkcs12(subject, old.sentTo);
    const oldPassword = selfServicePassword;
    await issueByServicedesk(servicedesk, officeA.id, "nieuw");
    const after = (await servicedesk.get(`/api/servicedesk/offices/${officeA.id}`)).json();
    const replaced = after.certificates.find((c: { id: string }) => c.id === old.id);
    expect(replaced).toMatchObject({ state: "superseded", revokedAt: null });
    expect(Date.parse(replaced.revokeAt) - subject.clock.now().getTime()).toBe(14 * DAY_MS);
    expect(oldP12.length).toBeGreaterThan(0);
    expect(oldPassword).toBeTruthy();

    // The hourly revocation round runs once the 14 days are over; sessions have ended by then.
    subject.clock.advance(14 * DAY_MS + 60 * 60_000);
    await subject.services.jobs.runDueJobs();
    await subject.services.jobs.runDueJobs();
    servicedesk = await createServicedeskStaff(subject, "joost@servicedesk.nl");
    const revoked = (await servicedesk.get(`/api/servicedesk/offices/${officeA.id}`)).json();
    expect(revoked.certificates.find((c: { id: string }) => c.id === old.id)).toMatchObject({
      state: "revoked",
      revocationReason: "superseded",
    });

    const chain = (await subject.app.inject({ method: "GET", url: "/pki/chain.pem" })).body;
    const issuing = (await subject.app.inject({ method: "GET", url: "/pki/issuing.crt" }))
      .rawPayload;
    const crl = (await subject.app.inject({ method: "GET", url: "/pki/issuing.crl" })).rawPayload;
    await openssl(["x509", "-inform", "DER", "-in", "issuing.der", "-out", "issuing.pem"], {
      "issuing.der": issuing,
      "chain.pem": chain,
      "issuing.crl": crl,
    });
    const crlText = await openssl([
      "crl",
      "-in",
      "issuing.crl",
      "-inform",
      "DER",
      "-text",
      "-noout",
    ]);
    expect(crlText.output.toUpperCase()).toContain(old.serialNumber.toUpperCase());
    expect(crlText.output).toContain("Superseded");

    const request = await openssl([
      "ocsp",
      "-issuer",
      "issuing.pem",
      "-serial",
      `0x${old.serialNumber}`,
      "-reqout",
      "req.der",
    ]);
    expect(request.code).toBe(0);
    const { readFile } = await import("node:fs/promises");
    const response = await subject.app.inject({
      method: "POST",
      url: "/pki/ocsp",
      headers: { "content-type": "application/ocsp-request" },
      payload: await readFile(path.join(folder, "req.der")),
    });
    expect(response.headers["content-type"]).toBe("application/ocsp-response");
    const checked = await openssl(
      [
        "ocsp",
        "-respin",
        "resp.der",
        "-resp_text",
        "-reqin",
        "req.der",
        "-issuer",
        "issuing.pem",
        "-CAfile",
        "chain.pem",
      ],
      { "resp.der": response.rawPayload },
    );
    expect(checked.output).toContain("Response verify OK");
    expect(checked.output).toContain("Cert Status: revoked");
    // The same question by GET, the request base64-encoded in the path (RFC 6960 A.1).
    const encoded = encodeURIComponent(
      (await readFile(path.join(folder, "req.der"))).toString("base64"),
    );
    const byGet = await subject.app.inject({ method: "GET", url: `/pki/ocsp/${encoded}` });
    const checkedGet = await openssl(
      [
        "ocsp",
        "-respin",
        "get.der",
        "-resp_text",
        "-reqin",
        "req.der",
        "-issuer",
        "issuing.pem",
        "-CAfile",
        "chain.pem",
      ],
      { "get.der": byGet.rawPayload },
    );
    expect(checkedGet.output).toContain("Response verify OK");
    expect(checkedGet.output).toContain("Cert Status: revoked");
    expect(checked.output).toMatch(/Revocation Reason: superseded/i);

    const refused = await mtlsRequest(
      listener,
      "/selfservice/certificate",
      { pfx: oldP12, passphrase: oldPassword },
      { headers: { accept: "text/html" } },
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("Uw kantoorcertificaat is ingetrokken");
  });
  it("mails the 40-day notice and the 20-day reminder once each, also with two instances at once", async () => {
    const deps = certificatesDeps(subject.services);
    const issued = await issueByServicedesk(servicedesk, officeB.id);
    certificateB = { pfx: await mailedPkcs12(subject, issued.sentTo), passphrase: issued.password };
    const notAfter = Date.parse(
      (await servicedesk.get(`/api/servicedesk/offices/${officeB.id}`)).json().certificateNotAfter,
    );
    notAfterB = notAfter;
    const expiryMailsToB = async () =>
      (await deliveredMails(subject)).filter(
        (mail) => mail.to === officeB.email && mail.subject.includes("verloopt op"),
      );

    subject.clock.set(new Date(notAfter - 39 * DAY_MS));
    const counts = await Promise.all([sendExpiryReminders(deps), sendExpiryReminders(deps)]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1);
    expect(await expiryMailsToB()).toHaveLength(1);
    await sendExpiryReminders(deps);
    expect(await expiryMailsToB()).toHaveLength(1);

    subject.clock.set(new Date(notAfter - 19 * DAY_MS));
    await Promise.all([sendExpiryReminders(deps), sendExpiryReminders(deps)]);
    const mails = await expiryMailsToB();
    expect(mails).toHaveLength(2);
    expect(mails[0]?.subject).toMatch(/^Herinnering/);
    expect(mails[0]?.text).toContain("Notariaat Aan de Amstel");

    // Office A replaced its first certificates: those are never reminded of.
    const ofA = await unscopedListOfficeCertificates(deps.db, officeA.id);
    const replaced = ofA.filter((certificate) => certificate.supersededAt !== null);
    expect(replaced.length).toBeGreaterThan(0);
    expect(
      await listReminders(
        deps.db,
        replaced.map((certificate) => certificate.id),
      ),
    ).toEqual([]);
    expect(issued.password).toBeTruthy();
  });

  it("turns an expired certificate away with a page that says so", async () => {
    subject.clock.set(new Date(notAfterB + DAY_MS));
    const expired = await mtlsRequest(listener, "/selfservice/certificate", certificateB, {
      headers: { accept: "text/html" },
    });
    expect(expired.status).toBe(403);
    expect(expired.body).toContain("Uw kantoorcertificaat is verlopen");
  });
});
