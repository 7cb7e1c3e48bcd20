import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MtlsListener, startMtlsListener } from "#test/support/certificates.ts";
import { openssl } from "#test/support/openssl.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";

/** The mTLS listener's protocol offer, as the real `openssl s_client` sees it. */
describe("the mTLS listener's cipher suites", () => {
  let subject: TestApp;
  let listener: MtlsListener;

  beforeAll(async () => {
    subject = await createTestApp("pglite");
    listener = await startMtlsListener(subject);
  });
  afterAll(async () => {
    await listener.close();
    await subject.close();
  });

  /** One handshake, with no client certificate (the listener accepts that and explains later). */
  const handshake = (...options: string[]) =>
    openssl(["s_client", "-connect", `127.0.0.1:${listener.port}`, ...options], { stdin: "" });

  it.each([
    "ECDHE-ECDSA-AES128-SHA",
    "ECDHE-ECDSA-AES256-SHA",
    "ECDHE-ECDSA-AES128-SHA256",
    "ECDHE-ECDSA-AES256-SHA384",
  ])("refuses the CBC suite %s on TLS 1.2", async (cipher) => {
    const result = await handshake("-tls1_2", "-cipher", cipher);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/handshake failure|no cipher/i);
  });

  it.each([
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305",
  ])("accepts the AEAD suite %s on TLS 1.2", async (cipher) => {
    const result = await handshake("-tls1_2", "-cipher", cipher);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Cipher is ${cipher}`);
  });

  it("accepts TLS 1.3 with its own suites, and nothing older than TLS 1.2", async () => {
    const modern = await handshake("-tls1_3");
    expect(modern.code).toBe(0);
    expect(modern.stdout).toMatch(/TLSv1\.3, Cipher is TLS_(AES_\d+_GCM|CHACHA20_POLY1305)_SHA\d+/);
    expect((await handshake("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")).code).not.toBe(0);
  });
});
