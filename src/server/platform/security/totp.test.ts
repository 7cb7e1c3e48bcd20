import { Secret, TOTP, URI } from "otpauth";
import { describe, expect, it } from "vitest";
import { newTotpSecret, totpSetup, verifyTotp } from "./totp.ts";

/** Fixed secrets keep the codes fixed, so no test depends on a one-in-a-million coincidence. */
const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const otherSecret = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA";
const now = new Date("2026-03-02T08:00:10Z");
const currentStep = Math.floor(now.getTime() / 30_000);

/** The code an authenticator app would show for `secret` at `at`. */
function codeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

function secondsFromNow(seconds: number): Date {
  return new Date(now.getTime() + seconds * 1000);
}

describe("newTotpSecret", () => {
  it("is 20 random bytes in base32", () => {
    const fresh = newTotpSecret();
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(fresh).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(fresh);
  });
});

describe("totpSetup", () => {
  it("gives an otpauth URI with Poort's settings that an app can read back", async () => {
    const { uri } = await totpSetup(secret, "jan@example.nl");
    const url = new URL(uri);
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(decodeURIComponent(url.pathname)).toBe("/Poort:jan@example.nl");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret,
      issuer: "Poort",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
    const app = URI.parse(uri);
    expect(app.generate({ timestamp: now.getTime() })).toBe(codeAt(secret, now));
  });

  it("gives the QR code as an SVG data URL that depends on the secret", async () => {
    const first = await totpSetup(secret, "jan@example.nl");
    const second = await totpSetup(otherSecret, "jan@example.nl");
    const prefix = "data:image/svg+xml;base64,";
    expect(first.qrSvgDataUrl.startsWith(prefix)).toBe(true);
    const svg = Buffer.from(first.qrSvgDataUrl.slice(prefix.length), "base64").toString("utf8");
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<path .*<\/svg>\s*$/s,
    );
    expect(second.qrSvgDataUrl).not.toBe(first.qrSvgDataUrl);
  });
});

describe("verifyTotp", () => {
  it("agrees with the test vectors of RFC 6238 (SHA1, last six digits)", () => {
    const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // ASCII "12345678901234567890"
    expect(verifyTotp(rfcSecret, "287082", new Date(59_000), null)).toEqual({ ok: true, step: 1 });
    expect(verifyTotp(rfcSecret, "081804", new Date(1_111_111_109_000), null)).toEqual({
      ok: true,
      step: 37_037_036,
    });
  });

  it("accepts the current code and returns its step", () => {
    expect(verifyTotp(secret, codeAt(secret, now), now, null)).toEqual({
      ok: true,
      step: currentStep,
    });
  });

  it("accepts the code of the step before and after (clock drift)", () => {
    expect(verifyTotp(secret, codeAt(secret, secondsFromNow(-30)), now, null)).toEqual({
      ok: true,
      step: currentStep - 1,
    });
    expect(verifyTotp(secret, codeAt(secret, secondsFromNow(30)), now, null)).toEqual({
      ok: true,
      step: currentStep + 1,
    });
  });

  it("refuses codes two or more steps away", () => {
    for (const seconds of [-60, -90, 60, 3600]) {
      const code = codeAt(secret, secondsFromNow(seconds));
      expect(verifyTotp(secret, code, now, null), `${seconds} s`).toEqual({ ok: false });
    }
  });

  it("never accepts a code twice, nor an older one after a newer", () => {
    const code = codeAt(secret, now);
    const first = verifyTotp(secret, code, now, null);
    expect(first).toEqual({ ok: true, step: currentStep });
    expect(verifyTotp(secret, code, secondsFromNow(5), currentStep)).toEqual({ ok: false });
    const previous = codeAt(secret, secondsFromNow(-30));
    expect(verifyTotp(secret, previous, now, currentStep)).toEqual({ ok: false });
    const next = codeAt(secret, secondsFromNow(30));
    expect(verifyTotp(secret, next, secondsFromNow(30), currentStep)).toEqual({
      ok: true,
      step: currentStep + 1,
    });
  });

  it("refuses another account's code", () => {
    const code = codeAt(otherSecret, now);
    expect(verifyTotp(secret, code, now, null)).toEqual({ ok: false });
  });

  it("accepts the code with the space apps show, and refuses anything but six digits", () => {
    const code = codeAt(secret, now);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toMatchObject({
      ok: true,
    });
    for (const typed of [
      "",
      code.slice(0, 5),
      `${code}0`,
      `0${code}`,
      "abcdef",
      "12345x",
      "١٢٣٤٥٦",
    ]) {
      expect(verifyTotp(secret, typed, now, null), typed).toEqual({ ok: false });
    }
  });
});
