import * as asn1js from "asn1js";
import { describe, expect, it } from "vitest";
import { integer, objectIdentifier, octetString, setOf, tlv, x509Time } from "./der.ts";

const hex = (buffer: Buffer) => buffer.toString("hex");

describe("the DER writer", () => {
  it("encodes lengths in the short form below 128 and the long form above", () => {
    expect(hex(octetString(Buffer.alloc(127))).slice(0, 4)).toBe("047f");
    expect(hex(octetString(Buffer.alloc(128))).slice(0, 6)).toBe("048180");
    expect(hex(octetString(Buffer.alloc(70_000))).slice(0, 10)).toBe("0483011170");
  });

  it("keeps integers positive with a leading zero byte only where the top bit is set", () => {
    expect(hex(integer(0))).toBe("020100");
    expect(hex(integer(127))).toBe("02017f");
    expect(hex(integer(128))).toBe("02020080");
    expect(hex(integer(Buffer.from("00ff", "hex")))).toBe("020200ff");
    expect(hex(integer(2n ** 64n))).toBe("0209010000000000000000");
  });

  it("encodes object identifiers as asn1js reads them", () => {
    for (const oid of ["1.2.840.113549.1.1.11", "2.5.29.35", "2.16.840.1.101.3.4.2.1"]) {
      const parsed = asn1js.fromBER(objectIdentifier(oid)).result;
      expect(parsed).toBeInstanceOf(asn1js.ObjectIdentifier);
      expect((parsed as asn1js.ObjectIdentifier).valueBlock.toString()).toBe(oid);
    }
  });

  it("sorts the elements of a SET OF", () => {
    const [a, b] = [tlv(0x04, Buffer.of(2)), tlv(0x04, Buffer.of(1))];
    expect(hex(setOf(a, b))).toBe("3106040101040102");
  });

  it("writes UTCTime until 2049 and GeneralizedTime from 2050", () => {
    expect(x509Time(new Date("2049-12-31T23:59:59.900Z")).toString("latin1")).toBe(
      "\x17\x0d491231235959Z",
    );
    expect(x509Time(new Date("2050-01-01T00:00:00Z")).toString("latin1")).toBe(
      "\x18\x0f20500101000000Z",
    );
  });
});
