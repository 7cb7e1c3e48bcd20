import { describe, expect, it } from "vitest";
import { distinguishedName } from "./names.ts";

describe("distinguishedName", () => {
  it("keeps '&', 'é' and 'ë' as UTF8String and the serial number as PrintableString", () => {
    const name = distinguishedName({
      commonName: "Notariskantoor Hélène & Zoë",
      organisation: "De Vries & Partners",
      serialNumber: "101234",
    });
    expect(name.toString()).toBe(
      "O=De Vries & Partners, 2.5.4.5=101234, CN=Notariskantoor Hélène & Zoë",
    );
    const der = Buffer.from(name.toArrayBuffer());
    const encoded = (tag: number, text: string) => {
      const bytes = Buffer.from(text, "utf8");
      return Buffer.concat([Buffer.of(tag, bytes.length), bytes]);
    };
    expect(der.includes(encoded(0x0c, "Notariskantoor Hélène & Zoë"))).toBe(true); // UTF8String
    expect(der.includes(encoded(0x0c, "De Vries & Partners"))).toBe(true);
    expect(der.includes(encoded(0x13, "101234"))).toBe(true); // PrintableString
  });

  it("refuses names longer than RFC 5280 allows, and debtor numbers that are not printable", () => {
    const long = "x".repeat(65);
    expect(() => distinguishedName({ commonName: long, organisation: "O" })).toThrow(RangeError);
    expect(() => distinguishedName({ commonName: "CN", organisation: "" })).toThrow(RangeError);
    expect(() =>
      distinguishedName({ commonName: "CN", organisation: "O", serialNumber: "10_12" }),
    ).toThrow(RangeError);
  });
});
