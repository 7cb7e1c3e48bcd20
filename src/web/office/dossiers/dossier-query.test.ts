import { describe, expect, it } from "vitest";
import { officeApi } from "#src/contracts/api/office.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import {
  dossierApiQuery,
  pageCount,
  readDossierQuery,
  today,
  writeDossierQuery,
} from "./dossier-query.ts";

describe("the dossier list's query string", () => {
  it("reads defaults from an empty address", () => {
    expect(readDossierQuery(new URLSearchParams())).toEqual({
      q: "",
      status: "",
      handler: "",
      page: 1,
    });
  });

  it("falls back to the first page for a page that is no whole number of at least 1", () => {
    for (const page of ["0", "-2", "abc", ""])
      expect(readDossierQuery(new URLSearchParams({ page })).page, page).toBe(1);
    expect(readDossierQuery(new URLSearchParams({ page: "3" })).page).toBe(3);
  });

  it("writes only what differs from the defaults, and reads it back", () => {
    const query = { q: " Jansen ", status: "completed", handler: "none", page: 2 };
    const params = writeDossierQuery(query);
    expect(params.toString()).toBe("q=Jansen&status=completed&handler=none&page=2");
    expect(readDossierQuery(params)).toEqual({ ...query, q: "Jansen" });
    expect(writeDossierQuery({ q: "", status: "", handler: "", page: 1 }).toString()).toBe("");
  });

  it("asks the API for 25 dossiers a page, always naming the page", () => {
    const dossierListPath = (query: Parameters<typeof dossierApiQuery>[0]) =>
      pathOf(officeApi.dossiers, { query: dossierApiQuery(query) });
    expect(dossierListPath({ q: "", status: "", handler: "", page: 1 })).toBe(
      "/api/office/dossiers?page=1&pageSize=25",
    );
    expect(dossierListPath({ q: "akte 12", status: "", handler: "", page: 4 })).toBe(
      "/api/office/dossiers?q=akte+12&page=4&pageSize=25",
    );
  });

  it("counts at least one page", () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });

  it("gives today's date in the browser's time zone", () => {
    expect(today(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});
