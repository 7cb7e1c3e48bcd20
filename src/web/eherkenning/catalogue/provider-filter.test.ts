import { describe, expect, it } from "vitest";
import type { CatalogueProvider } from "#src/contracts/eherkenning/catalogue.ts";
import { filterProviders } from "./provider-filter.ts";

const service = (name: string) => ({
  id: crypto.randomUUID(),
  serviceId: "urn:etoegang:DV:00000001001234567000:services:1",
  serviceUuid: crypto.randomUUID(),
  name,
  description: "",
  level: "EH3" as const,
});

const providers: CatalogueProvider[] = [
  {
    id: crypto.randomUUID(),
    oin: "00000001001234567000",
    name: "Gemeente Voorbeeldstad",
    websiteUrl: null,
    services: [service("Omgevingsvergunning aanvragen"), service("Parkeervergunning bedrijven")],
  },
  {
    id: crypto.randomUUID(),
    oin: "00000001007654321000",
    name: "Pensioenfonds Zeeën",
    websiteUrl: null,
    services: [service("Werkgeversportaal")],
  },
];

describe("filterProviders", () => {
  it("keeps everything for an empty query", () => {
    expect(filterProviders(providers, "  ")).toEqual(providers);
  });

  it("keeps a provider matching by name with all its services", () => {
    expect(filterProviders(providers, "voorbeeldSTAD")).toEqual([providers[0]]);
  });

  it("keeps only the matching services of a provider matching by service", () => {
    const [found] = filterProviders(providers, "parkeer");
    expect(found?.name).toBe("Gemeente Voorbeeldstad");
    expect(found?.services.map((item) => item.name)).toEqual(["Parkeervergunning bedrijven"]);
  });

  it("ignores accents and case", () => {
    expect(filterProviders(providers, "zeeen").map((item) => item.name)).toEqual([
      "Pensioenfonds Zeeën",
    ]);
  });

  it("finds nothing when nothing matches", () => {
    expect(filterProviders(providers, "belasting")).toEqual([]);
  });
});
