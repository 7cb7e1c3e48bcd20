import { describe, expect, it } from "vitest";
import {
  type Authorization,
  type AuthorizationRequest,
  authorizationCovers,
  authorizationEnd,
  authorizationScopeSchema,
  MAX_AUTHORIZATION_YEARS,
  oinSchema,
  parseServiceId,
  serviceIdOf,
  serviceIdSchema,
} from "./authorization-scope.ts";

const NOTARY_OIN = "00000001823288444000";
const OTHER_OIN = "00000003273229750000";
const NOTARY_PORTAL = serviceIdOf(NOTARY_OIN, 1);
const NOTARY_ARCHIVE = serviceIdOf(NOTARY_OIN, 2);
const OTHER_SERVICE = serviceIdOf(OTHER_OIN, 1);

const validFrom = new Date("2025-01-01T00:00:00Z");
const validUntil = authorizationEnd(validFrom);
const during = new Date("2026-06-15T12:00:00Z");

function authorization(overrides: Partial<Authorization> = {}): Authorization {
  return {
    scope: { kind: "service", serviceId: NOTARY_PORTAL },
    level: "EH3",
    validFrom,
    validUntil,
    ...overrides,
  };
}

function request(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    serviceId: NOTARY_PORTAL,
    providerOin: NOTARY_OIN,
    demandedLevel: "EH3",
    at: during,
    ...overrides,
  };
}

describe("ServiceID", () => {
  it("is the provider's OIN and the service's index", () => {
    expect(NOTARY_PORTAL).toBe("urn:etoegang:DV:00000001823288444000:services:1");
    expect(parseServiceId(NOTARY_PORTAL)).toEqual({ oin: NOTARY_OIN, index: 1 });
    expect(parseServiceId(serviceIdOf(NOTARY_OIN, 0))).toEqual({ oin: NOTARY_OIN, index: 0 });
    expect(serviceIdSchema.parse(NOTARY_ARCHIVE)).toBe(NOTARY_ARCHIVE);
  });

  it.each([
    ["an OIN of 19 digits", "urn:etoegang:DV:0000000182328844400:services:1"],
    ["no index", "urn:etoegang:DV:00000001823288444000:services:"],
    ["an index beyond an unsignedShort", "urn:etoegang:DV:00000001823288444000:services:65536"],
    ["an index with a leading zero", "urn:etoegang:DV:00000001823288444000:services:01"],
    ["another namespace", "urn:etoegang:HM:00000001823288444000:services:1"],
    ["trailing text", `${NOTARY_PORTAL}x`],
  ])("refuses %s", (_, serviceId) => {
    expect(parseServiceId(serviceId)).toBeUndefined();
    expect(serviceIdSchema.safeParse(serviceId).success).toBe(false);
  });

  it("takes an OIN of exactly 20 digits", () => {
    expect(oinSchema.safeParse(NOTARY_OIN).success).toBe(true);
    expect(oinSchema.safeParse("0000000182328844400").success).toBe(false);
    expect(oinSchema.safeParse("000000018232884440001").success).toBe(false);
    expect(oinSchema.safeParse("0000000182328844400a").success).toBe(false);
  });

  it("reads the three kinds of scope", () => {
    expect(authorizationScopeSchema.parse({ kind: "level", level: "EH3" })).toEqual({
      kind: "level",
      level: "EH3",
    });
    expect(authorizationScopeSchema.safeParse({ kind: "service", serviceId: "x" }).success).toBe(
      false,
    );
    expect(authorizationScopeSchema.safeParse({ kind: "provider", providerOin: "1" }).success).toBe(
      false,
    );
  });
});

describe("authorizationEnd", () => {
  it(`ends ${MAX_AUTHORIZATION_YEARS} years after the start`, () => {
    expect(authorizationEnd(new Date("2025-03-10T09:30:00Z"))).toEqual(
      new Date("2030-03-10T09:30:00Z"),
    );
  });

  it("ends a start on 29 February on 28 February, not a day late", () => {
    expect(authorizationEnd(new Date("2024-02-29T08:00:00Z"))).toEqual(
      new Date("2029-02-28T08:00:00Z"),
    );
  });
});

describe("authorizationCovers", () => {
  describe("scope", () => {
    it("of one service covers that service only", () => {
      expect(authorizationCovers(authorization(), request())).toBe(true);
      expect(authorizationCovers(authorization(), request({ serviceId: NOTARY_ARCHIVE }))).toBe(
        false,
      );
    });

    it("of a provider covers each of its services, and no other provider's", () => {
      const provider = authorization({ scope: { kind: "provider", providerOin: NOTARY_OIN } });
      expect(authorizationCovers(provider, request())).toBe(true);
      expect(authorizationCovers(provider, request({ serviceId: NOTARY_ARCHIVE }))).toBe(true);
      expect(
        authorizationCovers(
          provider,
          request({ serviceId: OTHER_SERVICE, providerOin: OTHER_OIN }),
        ),
      ).toBe(false);
    });

    it("of a level covers every service demanding at most that level", () => {
      const upToEh3 = authorization({ scope: { kind: "level", level: "EH3" }, level: "EH4" });
      const anyService = { serviceId: OTHER_SERVICE, providerOin: OTHER_OIN };
      expect(authorizationCovers(upToEh3, request({ ...anyService, demandedLevel: "EH2+" }))).toBe(
        true,
      );
      expect(authorizationCovers(upToEh3, request({ ...anyService, demandedLevel: "EH3" }))).toBe(
        true,
      );
      expect(authorizationCovers(upToEh3, request({ ...anyService, demandedLevel: "EH4" }))).toBe(
        false,
      );
    });
  });

  it("holds at the authorization's level and below, never above", () => {
    expect(authorizationCovers(authorization(), request({ demandedLevel: "EH2+" }))).toBe(true);
    expect(authorizationCovers(authorization(), request({ demandedLevel: "EH3" }))).toBe(true);
    expect(authorizationCovers(authorization(), request({ demandedLevel: "EH4" }))).toBe(false);
    const allServicesUpToEh4 = authorization({ scope: { kind: "level", level: "EH4" } });
    expect(authorizationCovers(allServicesUpToEh4, request({ demandedLevel: "EH4" }))).toBe(false);
  });

  describe("validity", () => {
    it("starts at validFrom", () => {
      expect(authorizationCovers(authorization(), request({ at: validFrom }))).toBe(true);
      const before = new Date(validFrom.getTime() - 1);
      expect(authorizationCovers(authorization(), request({ at: before }))).toBe(false);
    });

    it("has ended at validUntil", () => {
      const lastMoment = new Date(validUntil.getTime() - 1);
      expect(authorizationCovers(authorization(), request({ at: lastMoment }))).toBe(true);
      expect(authorizationCovers(authorization(), request({ at: validUntil }))).toBe(false);
    });

    it("ends when revoked", () => {
      const revokedAt = new Date("2026-01-01T00:00:00Z");
      const revoked = authorization({ revokedAt });
      expect(authorizationCovers(revoked, request({ at: during }))).toBe(false);
      expect(authorizationCovers(revoked, request({ at: revokedAt }))).toBe(false);
      const theDayBefore = new Date("2025-12-31T00:00:00Z");
      expect(authorizationCovers(revoked, request({ at: theDayBefore }))).toBe(true);
    });
  });

  describe("branch", () => {
    const amsterdam = "990000000041";
    const rotterdam = "990000000042";

    it("limited to one covers that branch only, not another nor the whole company", () => {
      const limited = authorization({ branchNumber: amsterdam });
      expect(authorizationCovers(limited, request({ branchNumber: amsterdam }))).toBe(true);
      expect(authorizationCovers(limited, request({ branchNumber: rotterdam }))).toBe(false);
      expect(authorizationCovers(limited, request())).toBe(false);
    });

    it("unlimited covers any branch and the whole company", () => {
      expect(authorizationCovers(authorization(), request({ branchNumber: amsterdam }))).toBe(true);
      expect(authorizationCovers(authorization(), request({ branchNumber: rotterdam }))).toBe(true);
      expect(authorizationCovers(authorization(), request())).toBe(true);
    });
  });
});
