import { describe, expect, it } from "vitest";
import { invalidProviderFields, invalidServiceFields } from "./provider-fields.ts";

describe("the catalogue forms' own checks", () => {
  it("wants a 20-digit OIN, a name and, if any, an http(s) website", () => {
    expect(
      invalidProviderFields({ oin: "00000001001234567000", name: "Gemeente", websiteUrl: "" }),
    ).toEqual([]);
    expect(
      invalidProviderFields({ oin: "123", name: "G", websiteUrl: "javascript:alert(1)" }),
    ).toEqual(["oin", "name", "websiteUrl"]);
    expect(invalidProviderFields({ name: "Gemeente", websiteUrl: "www.gemeente.nl" })).toEqual([
      "websiteUrl",
    ]);
  });

  it("wants an index from 0 to 65535 and both names", () => {
    expect(
      invalidServiceFields({ serviceIndex: "0", nameNl: "Dienst", nameEn: "Service" }),
    ).toEqual([]);
    expect(invalidServiceFields({ serviceIndex: "65536", nameNl: "", nameEn: "S" })).toEqual([
      "serviceIndex",
      "nameNl",
      "nameEn",
    ]);
    expect(
      invalidServiceFields({ serviceIndex: "-1", nameNl: "Dienst", nameEn: "Service" }),
    ).toEqual(["serviceIndex"]);
    expect(invalidServiceFields({ nameNl: "Dienst", nameEn: "Service" })).toEqual([]);
  });
});
