import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { createServicedeskStaff, issueByServicedesk } from "#test/support/certificates.ts";
import { opensslOcspCheck, opensslOcspRequest } from "#test/support/ocsp.ts";
import { type TempFolder, tempFolder } from "#test/support/openssl.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { type CertificatesDeps, certificatesDeps } from "./deps.ts";
import { newSerialNumber } from "./pki/serial-numbers.ts";
import { PRESIGNED_RENEW_AFTER_MS, PRESIGNED_VALIDITY_MS } from "./presigned-ocsp-responses.ts";
import { findCertificatesForOcsp, saveOcspResponse } from "./repository.ts";
import { ocspResponses } from "./schema.ts";

const HOUR_MS = 60 * 60_000;
const files = { issuer: "issuing.pem", chain: "chain.pem" };
const MALFORMED_REQUEST = Buffer.from("30030a0101", "hex");

describe.each(testDatabaseKinds)("the OCSP responder, on %s", (kind) => {
  let subject: TestApp;
  let deps: CertificatesDeps;
  let folder: TempFolder;
  let servicedesk: ApiClient;
  let certificate: { id: string; serialNumber: string };

  beforeAll(async () => {
    subject = await createTestApp(kind);
    deps = certificatesDeps(subject.services);
    folder = await tempFolder();
    const office = await createTestOffice(subject, "Notariskantoor Bakker");
    servicedesk = await createServicedeskStaff(subject, "sem@servicedesk.nl");
    await issueByServicedesk(servicedesk, office.id);
    const details = (await servicedesk.get(`/api/servicedesk/offices/${office.id}`)).json();
    certificate = details.certificates[0];
    const { root, issuing } = await deps.authorities.get();
    await folder.write("issuing.pem", issuing.certificate.toString("pem"));
    await folder.write(
      "chain.pem",
      `${issuing.certificate.toString("pem")}\n${root.certificate.toString("pem")}\n`,
    );
  });
  afterAll(async () => {
    await subject.close();
    await folder.remove();
  });

  /** Asks about certificates as `openssl ocsp` would, by POST: openssl's reading and the bytes. */
  async function ask(serialNumbers: string | string[], options: { nonce: boolean }) {
    const request = await opensslOcspRequest(folder, files, [serialNumbers].flat(), options);
    const response = await post(request);
    expect(response.headers["content-type"]).toBe("application/ocsp-response");
    return {
      der: response.rawPayload,
      text: await opensslOcspCheck(folder, files, response.rawPayload),
    };
  }

  const post = (payload: Buffer) =>
    subject.app.inject({
      method: "POST",
      url: "/pki/ocsp",
      headers: { "content-type": "application/ocsp-request" },
      payload,
    });

  const stored = async () =>
    (await findCertificatesForOcsp(deps.db, [certificate.serialNumber]))[0]?.stored;

  it("answers a request without a nonce with the response signed at issuance, good for four days", async () => {
    const issuedAt = subject.clock.now();
    const first = await ask(certificate.serialNumber, { nonce: false });
    expect(first.text).toContain("Response verify OK");
    expect(first.text).toContain("Cert Status: good");
    expect(first.der).toEqual((await stored())?.der);
    expect((await stored())?.nextUpdate).toEqual(
      new Date(issuedAt.getTime() + PRESIGNED_VALIDITY_MS),
    );

    // No signature on the request path: an hour later the same bytes are served.
    subject.clock.advance(HOUR_MS);
    const later = await ask(certificate.serialNumber, { nonce: false });
    expect(later.der).toEqual(first.der);
  });

  it("signs a request with a nonce as it comes, the nonce echoed", async () => {
    const answered = await ask(certificate.serialNumber, { nonce: true });
    expect(answered.text).toContain("Response verify OK");
    expect(answered.text).toContain("Cert Status: good");
    expect(answered.text).toContain("OCSP Nonce:");
    expect(answered.text).not.toMatch(/nonce verify error|WARNING: no nonce/i);
    expect(answered.der).not.toEqual((await stored())?.der);
  });

  it("answers 'unknown', signed, for a serial it never issued", async () => {
    const answered = await ask(newSerialNumber(), { nonce: false });
    expect(answered.text).toContain("Response verify OK");
    expect(answered.text).toContain("Cert Status: unknown");
  });

  it("answers a request for several certificates in one response signed for it", async () => {
    const unknown = newSerialNumber();
    const answered = await ask([certificate.serialNumber, unknown], { nonce: false });
    expect(answered.text).toContain("Response verify OK");
    expect(answered.text).toMatch(
      new RegExp(
        `${certificate.serialNumber}\\s+Cert Status: good[^]*${unknown}\\s+Cert Status: unknown`,
        "i",
      ),
    );
  });

  it("answers malformedRequest, unsigned, to what is not an OCSP request", async () => {
    const request = await opensslOcspRequest(folder, files, [certificate.serialNumber], {
      nonce: true,
    });
    for (const payload of [
      Buffer.from("no OCSP at all"),
      request.subarray(0, request.length - 1),
      Buffer.concat([request, Buffer.of(0)]),
    ]) {
      const response = await post(payload);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload).toEqual(MALFORMED_REQUEST);
    }
    const byGet = await subject.app.inject({ method: "GET", url: "/pki/ocsp/bm90LWRlcg%3D%3D" });
    expect(byGet.rawPayload).toEqual(MALFORMED_REQUEST);
    // No body at all, or JSON: still an OCSP answer, never a server error.
    for (const sent of [
      { method: "POST" as const, url: "/pki/ocsp" },
      { method: "POST" as const, url: "/pki/ocsp", payload: { a: 1 } },
    ]) {
      const response = await subject.app.inject(sent);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload).toEqual(MALFORMED_REQUEST);
    }
  });

  it("renews the stored responses by its hourly job, well before they run out", async () => {
    const before = await stored();
    subject.clock.advance(PRESIGNED_RENEW_AFTER_MS);
    await subject.services.jobs.runDueJobs();
    const renewed = await stored();
    expect(before?.nextUpdate.getTime()).toBeGreaterThan(subject.clock.now().getTime());
    expect(renewed?.nextUpdate).toEqual(
      new Date(subject.clock.now().getTime() + PRESIGNED_VALIDITY_MS),
    );
    const answered = await ask(certificate.serialNumber, { nonce: false });
    expect(answered.der).toEqual(renewed?.der);
    expect(answered.text).toContain("Response verify OK");
  });

  it("signs and stores the response of a certificate that has none yet (issued before pre-signing)", async () => {
    await deps.db.delete(ocspResponses).where(eq(ocspResponses.certificateId, certificate.id));
    const answered = await ask(certificate.serialNumber, { nonce: false });
    expect(answered.text).toContain("Response verify OK");
    expect(answered.text).toContain("Cert Status: good");
    expect((await stored())?.der).toEqual(answered.der);
  });

  it("serves no stored response that another CA signed", async () => {
    const { root, issuing } = await deps.authorities.get();
    await deps.db
      .update(ocspResponses)
      .set({ authorityId: root.id })
      .where(eq(ocspResponses.certificateId, certificate.id));
    const answered = await ask(certificate.serialNumber, { nonce: false });
    expect(answered.text).toContain("Response verify OK");
    expect((await stored())?.authorityId).toBe(issuing.id);
  });

  it("answers 'revoked' the moment the servicedesk revokes, and a late 'good' cannot undo it", async () => {
    // Days have passed on the test clock: the first colleague's session has ended.
    servicedesk = await createServicedeskStaff(subject, "joost@servicedesk.nl");
    const revoked = await servicedesk.post(
      `/api/servicedesk/certificates/${certificate.id}/revoke`,
      {
        reason: "keyCompromise",
      },
    );
    expect(revoked.statusCode).toBe(200);
    const answered = await ask(certificate.serialNumber, { nonce: false });
    expect(answered.text).toContain("Response verify OK");
    expect(answered.text).toContain("Cert Status: revoked");
    expect(answered.text).toMatch(/Revocation Reason: keyCompromise/i);

    // A "good" response signed by another instance just before the revocation committed.
    const { issuing } = await deps.authorities.get();
    await saveOcspResponse(deps.db, {
      certificateId: certificate.id,
      authorityId: issuing.id,
      status: "good",
      thisUpdate: subject.clock.now(),
      nextUpdate: new Date(subject.clock.now().getTime() + PRESIGNED_VALIDITY_MS),
      der: Buffer.from("stale"),
    });
    expect((await stored())?.der).toEqual(answered.der);
  });
});
