import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TempFolder, tempFolder } from "#test/support/openssl.ts";
import {
  createTestPki,
  issueTestOffice,
  type TestOffice,
  type TestPki,
  writeCaFiles,
  writeCertificate,
} from "#test/support/pki.ts";
import type { KeyAlgorithm } from "./keys.ts";
import {
  buildOcspResponse,
  matchesIssuer,
  type OcspCertStatus,
  OcspRequestError,
  ocspErrorResponse,
  parseOcspRequest,
} from "./ocsp.ts";

const hour = 3_600_000;

describe.each<KeyAlgorithm>(["p-256", "rsa-2048"])("OCSP with %s", (algorithm) => {
  let folder: TempFolder;
  let pki: TestPki;
  let office: TestOffice;

  beforeAll(async () => {
    folder = await tempFolder();
    pki = await createTestPki(algorithm);
    office = await issueTestOffice(pki, algorithm);
    await writeCaFiles(folder, pki);
    await writeCertificate(folder, "office.pem", office.certificate);
  });
  afterAll(() => folder.remove());

  /**
   * Asks openssl for a request about office.pem, answers it with `status`, and has openssl
   * check the answer twice: for the certificate (openssl then builds its own request from
   * -cert, with a nonce of its own) and against our request file, which checks the nonce.
   */
  async function roundTrip(status: OcspCertStatus, options: { nonce: boolean; digest?: string }) {
    const certificate = [
      ...(options.digest ? [`-${options.digest}`] : []), // before -cert, or openssl refuses
      "-issuer",
      "issuing.pem",
      "-cert",
      "office.pem",
    ];
    const nonce = options.nonce ? "-nonce" : "-no_nonce";
    await folder.openssl(["ocsp", ...certificate, nonce, "-reqout", "request.der"]);
    const request = parseOcspRequest(await folder.read("request.der"));
    const now = Date.now();
    const response = await buildOcspResponse(pki.issuing, {
      producedAt: new Date(now),
      responses: request.certIds.map((certId) => ({
        certId,
        status,
        thisUpdate: new Date(now - hour),
        nextUpdate: new Date(now + hour),
      })),
      ...(request.nonce ? { nonce: request.nonce } : {}),
    });
    await folder.write("response.der", response);
    const check = (...args: string[]) =>
      folder.openssl(["ocsp", "-respin", "response.der", "-CAfile", "chain.pem", ...args]);
    const forCertificate = await check(...certificate, "-no_nonce");
    const forRequest = await check("-reqin", "request.der", "-issuer", "issuing.pem", "-resp_text");
    return {
      request,
      status: forCertificate.stdout + forCertificate.stderr,
      asRequested: forRequest.stdout + forRequest.stderr,
    };
  }

  it("reads openssl's request: the certificate, its issuer and the nonce", async () => {
    await folder.openssl([
      "ocsp",
      "-issuer",
      "issuing.pem",
      "-cert",
      "office.pem",
      "-nonce",
      "-reqout",
      "request.der",
    ]);
    const { certIds, nonce } = parseOcspRequest(await folder.read("request.der"));
    expect(certIds).toHaveLength(1);
    const [certId] = certIds;
    if (!certId) throw new Error("no certId");
    expect(certId).toMatchObject({
      serialNumber: office.profile.serialNumber,
      hashAlgorithm: "SHA-1",
    });
    expect(matchesIssuer(certId, pki.issuing.certificate)).toBe(true);
    expect(matchesIssuer(certId, pki.root.certificate)).toBe(false);
    expect(nonce).toHaveLength(16);
  });

  it("answers 'good', signed by the issuing CA, with the nonce echoed", async () => {
    const { status, asRequested } = await roundTrip({ kind: "good" }, { nonce: true });
    expect(status).toContain("Response verify OK");
    expect(status).toContain("office.pem: good");
    expect(asRequested).toContain("Response verify OK");
    expect(asRequested).toContain("OCSP Nonce:");
    expect(asRequested).not.toMatch(/nonce verify error|WARNING: no nonce/i);
  });

  it("answers 'revoked' with the time and reason", async () => {
    const revokedAt = new Date("2026-03-04T05:06:07Z");
    const { status } = await roundTrip(
      { kind: "revoked", revokedAt, reason: "keyCompromise" },
      { nonce: true },
    );
    expect(status).toContain("Response verify OK");
    expect(status).toMatch(
      /office\.pem: revoked\n(.*\n){2}\s+Reason: keyCompromise\n\s+Revocation Time: Mar {2}4 05:06:07 2026 GMT/,
    );
  });

  it("answers 'unknown', without a nonce when none was asked for", async () => {
    const { request, status, asRequested } = await roundTrip({ kind: "unknown" }, { nonce: false });
    expect(request.nonce).toBeUndefined();
    expect(status).toContain("Response verify OK");
    expect(status).toContain("office.pem: unknown");
    expect(asRequested).toContain("Response verify OK");
    expect(asRequested).not.toContain("OCSP Nonce:");
  });

  it("works with SHA-256 CertIDs", async () => {
    const { request, status } = await roundTrip(
      { kind: "good" },
      { nonce: true, digest: "sha256" },
    );
    const [certId] = request.certIds;
    if (!certId) throw new Error("no certId");
    expect(certId.hashAlgorithm).toBe("SHA-256");
    expect(matchesIssuer(certId, pki.issuing.certificate)).toBe(true);
    expect(status).toContain("Response verify OK");
    expect(status).toContain("office.pem: good");
  });
});

describe("parseOcspRequest", () => {
  let folder: TempFolder;
  let pki: TestPki;
  let office: TestOffice;

  beforeAll(async () => {
    folder = await tempFolder();
    pki = await createTestPki("p-256");
    office = await issueTestOffice(pki, "p-256");
    await writeCaFiles(folder, pki);
    await writeCertificate(folder, "office.pem", office.certificate);
  });
  afterAll(() => folder.remove());

  const request = (...args: string[]) =>
    folder.openssl(["ocsp", "-issuer", "issuing.pem", ...args, "-reqout", "request.der"]);

  it("throws OcspRequestError for what is not an OCSP request", async () => {
    for (const input of [
      Buffer.alloc(0),
      Buffer.from("GET / HTTP/1.1"),
      Buffer.from(pki.root.certificate.rawData),
    ]) {
      expect(() => parseOcspRequest(input)).toThrow(OcspRequestError);
    }
  });

  it("reads a signed request for two certificates, passing over who signed it", async () => {
    await folder.openssl([
      ..."req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -days 1".split(" "),
      ..."-subj /CN=asker -keyout asker.key -out asker.pem".split(" "),
    ]);
    await request(
      ..."-cert office.pem -serial 0x0123 -signer asker.pem -signkey asker.key -nonce".split(" "),
    );
    const { certIds, nonce } = parseOcspRequest(await folder.read("request.der"));
    expect(certIds.map((certId) => certId.serialNumber)).toEqual([
      office.profile.serialNumber,
      "0123",
    ]);
    expect(nonce).toHaveLength(16);
  });

  it("refuses a CertID by a hash other than SHA-1 or SHA-2", async () => {
    await request("-md5", "-cert", "office.pem");
    const der = await folder.read("request.der");
    expect(() => parseOcspRequest(der)).toThrow(/unsupported hash 1\.2\.840\.113549\.2\.5/);
  });

  it("refuses every cut-off request, and throws nothing but OcspRequestError for damaged ones", async () => {
    await request("-cert", "office.pem", "-nonce");
    const der = await folder.read("request.der");
    for (let length = 0; length < der.length; length++) {
      expect(() => parseOcspRequest(der.subarray(0, length))).toThrow(OcspRequestError);
    }
    const otherErrors: unknown[] = [];
    for (let at = 0; at < der.length; at++) {
      const damaged = Buffer.from(der);
      damaged[at] = (damaged[at] ?? 0) ^ 0xff;
      try {
        parseOcspRequest(damaged);
      } catch (error) {
        if (!(error instanceof OcspRequestError)) otherErrors.push(error);
      }
    }
    expect(otherErrors).toEqual([]);
  });
});

describe("ocspErrorResponse", () => {
  it("is an unsigned response with only the status", async () => {
    const folder = await tempFolder();
    try {
      await folder.write("error.der", ocspErrorResponse("malformedRequest"));
      const { stdout } = await folder.openssl([
        "ocsp",
        "-respin",
        "error.der",
        "-resp_text",
        "-noverify",
      ]);
      expect(stdout).toContain("Responder Error: malformedrequest (1)");
      expect(ocspErrorResponse("unauthorized")).toEqual(Buffer.from("30030a0106", "hex"));
    } finally {
      await folder.remove();
    }
  });
});
