import { describe, expect, it } from "vitest";
import { integer, objectIdentifier, octetString, sequence } from "./der.ts";
import { DerError, DerReader, objectIdentifierOf, readOnly, tags } from "./der-reader.ts";

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ""), "hex");

describe("the DER reader", () => {
  it("reads what the writer writes, optional elements included", () => {
    const der = sequence(integer(5), octetString(Buffer.alloc(300, 1)));
    const fields = new DerReader(readOnly(der, tags.sequence));
    expect(fields.readOptional(tags.boolean)).toBeUndefined();
    expect(fields.read(tags.integer)).toEqual(Buffer.of(5));
    expect(fields.read(tags.octetString)).toEqual(Buffer.alloc(300, 1));
    expect(fields.done).toBe(true);
  });

  it("reads object identifiers as the writer encodes them", () => {
    for (const oid of [
      "1.3.14.3.2.26",
      "2.16.840.1.101.3.4.2.1",
      "1.3.6.1.5.5.7.48.1.2",
      "2.999.3",
    ]) {
      expect(objectIdentifierOf(readOnly(objectIdentifier(oid), tags.objectIdentifier))).toBe(oid);
    }
  });

  it.each([
    ["an empty input", "", tags.sequence],
    ["another tag than asked for", "0400", tags.sequence],
    ["an indefinite length", "3080 0000", tags.sequence],
    ["a long-form length that fits the short form", "04 8101 00", tags.octetString],
    ["a length with a leading zero byte", `04 820080 ${"00".repeat(128)}`, tags.octetString],
    ["contents beyond the input", "04 05 0102", tags.octetString],
    ["a tag without a length", "30", tags.sequence],
    ["bytes after the element", "0400 00", tags.octetString],
    ["a multi-byte tag", "1f2200", 0x1f],
  ])("refuses %s", (_name, input, tag) => {
    expect(() => readOnly(hex(input), tag)).toThrow(DerError);
  });

  it("refuses object identifiers that are truncated or not in their shortest form", () => {
    expect(() => objectIdentifierOf(hex("2b06 81"))).toThrow(DerError);
    expect(() => objectIdentifierOf(hex("2b 8001"))).toThrow(DerError);
    expect(() => objectIdentifierOf(Buffer.alloc(0))).toThrow(DerError);
  });
});
