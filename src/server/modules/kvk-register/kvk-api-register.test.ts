import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKvkApiRegister, type KvkFunctionariesSource } from "./kvk-api-register.ts";
import type { KvkRepresentative } from "./kvk-register.ts";

const API_KEY = "l7xx1f2691f2520d487b902f4e0b57a0b197";

const link = (href: string) => ({ rel: "self", href });

/** Shaped as the KvK's Basisprofiel API answers (v1), trimmed of what Poort does not read. */
const donald = {
  kvkNummer: "68750110",
  indNonMailing: "Nee",
  naam: "Test BV Donald",
  formeleRegistratiedatum: "20170413",
  materieleRegistratie: { datumAanvang: "20150101" },
  totaalWerkzamePersonen: 3,
  statutaireNaam: "Test BV Donald",
  handelsnamen: [{ naam: "Test BV Donald", volgorde: 0 }],
  sbiActiviteiten: [
    { sbiCode: "6420", sbiOmschrijving: "Financiële holdings", indHoofdactiviteit: "Ja" },
  ],
  links: [link("https://api.kvk.nl/api/v1/basisprofielen/68750110")],
  _embedded: {
    hoofdvestiging: {
      vestigingsnummer: "000037178598",
      kvkNummer: "68750110",
      rsin: "822917063",
      eersteHandelsnaam: "Test BV Donald",
      indHoofdvestiging: "Ja",
      adressen: [
        {
          type: "bezoekadres",
          indAfgeschermd: "Nee",
          volledigAdres: "Hizzaarderlaan 3 A 1234AB Lollum",
          straatnaam: "Hizzaarderlaan",
          huisnummer: 3,
          huisletter: "A",
          postcode: "1234AB",
          plaats: "Lollum",
          land: "Nederland",
        },
      ],
    },
    eigenaar: {
      rsin: "822917063",
      rechtsvorm: "BeslotenVennootschap",
      uitgebreideRechtsvorm: "Besloten Vennootschap",
    },
  },
};

const donaldBranches = {
  kvkNummer: "68750110",
  aantalCommercieleVestigingen: 3,
  aantalNietCommercieleVestigingen: 0,
  totaalAantalVestigingen: 3,
  vestigingen: [
    {
      vestigingsnummer: "000037178598",
      kvkNummer: "68750110",
      eersteHandelsnaam: "Test BV Donald",
      indHoofdvestiging: "Ja",
      indAdresAfgeschermd: "Nee",
      indCommercieleVestiging: "Ja",
      volledigAdres: "Hizzaarderlaan 3 A 1234AB Lollum",
      links: [],
    },
    {
      vestigingsnummer: "000037178601",
      kvkNummer: "68750110",
      eersteHandelsnaam: "Test BV Donald Nevenvestiging",
      indHoofdvestiging: "Nee",
      indAdresAfgeschermd: "Ja",
      indCommercieleVestiging: "Ja",
      links: [],
    },
    {
      vestigingsnummer: "000037178602",
      kvkNummer: "68750110",
      indHoofdvestiging: "Nee",
      indAdresAfgeschermd: "Nee",
      indCommercieleVestiging: "Ja",
      volledigAdres: "Rue de la Loi 16 1000 Bruxelles België",
      links: [],
    },
  ],
  links: [],
};

/** A foundation without a branch: the KvK answers its list of branches with a 404. */
const foundation = {
  kvkNummer: "90000444",
  naam: "Stichting Test Dorpshuis",
  _embedded: { eigenaar: { rsin: "813466921", rechtsvorm: "Stichting" } },
};

const notFound = (kvkNummer: string) => ({
  fout: [{ code: "IPD0005", omschrijving: `Het KVK-nummer ${kvkNummer} is niet gevonden` }],
});

type Answer = { status: number; body?: unknown; raw?: string; delayMs?: number };

/** What the fake KvK answers per path. */
const answers: Record<string, Answer> = {
  "/api/v1/basisprofielen/68750110": { status: 200, body: donald },
  "/api/v1/basisprofielen/68750110/vestigingen": { status: 200, body: donaldBranches },
  "/api/v1/basisprofielen/90000444": { status: 200, body: foundation },
  "/api/v1/basisprofielen/90000444/vestigingen": { status: 404, body: notFound("90000444") },
  "/api/v1/basisprofielen/90000500": { status: 500, body: { fout: [{ code: "IPD9999" }] } },
  "/api/v1/basisprofielen/90000600": {
    status: 200,
    body: { ...foundation, kvkNummer: "90000600" },
  },
  "/api/v1/basisprofielen/90000600/vestigingen": { status: 503, raw: "Service Unavailable" },
  "/api/v1/basisprofielen/90000700": { status: 200, body: foundation, delayMs: 2_000 },
  "/api/v1/basisprofielen/90000800": {
    status: 200,
    body: { ...foundation, kvkNummer: "90000800", _embedded: { eigenaar: { rsin: "123456789" } } },
  },
  "/api/v1/basisprofielen/90000900": { status: 200, raw: "<html>maintenance</html>" },
};

describe("KvK API register", () => {
  let server: Server;
  let apiUrl: string;
  const received: Array<{ path: string; apikey: string | undefined; accept: string | undefined }> =
    [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? "";
      const apikey = request.headers.apikey;
      received.push({
        path,
        apikey: typeof apikey === "string" ? apikey : undefined,
        accept: request.headers.accept,
      });
      const answer: Answer =
        apikey !== API_KEY
          ? { status: 401, body: { fout: [{ code: "IPD1002", omschrijving: "Geen API key" }] } }
          : (answers[path] ?? { status: 404, body: notFound(path.split("/")[4] ?? "") });
      const send = () => {
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(answer.raw ?? JSON.stringify(answer.body));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    received.length = 0;
  });

  const register = (options: { apiKey?: string; functionaries?: KvkFunctionariesSource } = {}) =>
    createKvkApiRegister({ apiUrl, apiKey: API_KEY, timeoutMs: 500, ...options });

  it("maps the basisprofiel and its branches to a company", async () => {
    const company = await register().findCompany("68750110");
    expect(company).toEqual({
      kvkNumber: "68750110",
      name: "Test BV Donald",
      legalForm: "Besloten Vennootschap",
      rsin: "822917063",
      branches: [
        {
          branchNumber: "000037178598",
          name: "Test BV Donald",
          address: { street: "Hizzaarderlaan 3 A", postcode: "1234 AB", city: "Lollum" },
        },
        // Shielded: the register keeps the address to itself.
        { branchNumber: "000037178601", name: "Test BV Donald Nevenvestiging" },
        // Abroad: no Dutch postcode to split on, so no address rather than a wrong one.
        { branchNumber: "000037178602", name: "Test BV Donald" },
      ],
      representatives: [],
    });
  });

  it("asks with the API key for JSON, at the documented paths", async () => {
    await register().findCompany("68750110");
    expect(received.map(({ path }) => path).sort()).toEqual([
      "/api/v1/basisprofielen/68750110",
      "/api/v1/basisprofielen/68750110/vestigingen",
    ]);
    for (const request of received) {
      expect(request).toMatchObject({ apikey: API_KEY, accept: "application/json" });
    }
  });

  it("takes the representatives from the functionaries source", async () => {
    const director: KvkRepresentative = {
      id: "68750110-1",
      name: "Donald Duck",
      role: "Bestuurder",
      authority: "azb",
    };
    const asked: string[] = [];
    const functionaries: KvkFunctionariesSource = {
      async representativesOf(kvkNumber) {
        asked.push(kvkNumber);
        return [director];
      },
    };
    const company = await register({ functionaries }).findCompany("68750110");
    expect(asked).toEqual(["68750110"]);
    expect(company?.representatives).toEqual([director]);
  });

  it("reads a company without branches, whose list the KvK answers with 404", async () => {
    expect(await register().findCompany("90000444")).toEqual({
      kvkNumber: "90000444",
      name: "Stichting Test Dorpshuis",
      legalForm: "Stichting",
      rsin: "813466921",
      branches: [],
      representatives: [],
    });
  });

  it("answers undefined for a number the register does not know", async () => {
    expect(await register().findCompany("12345678")).toBeUndefined();
    expect(received.map(({ path }) => path)).toEqual(["/api/v1/basisprofielen/12345678"]);
  });

  it.each(["1234567", "123456789", "../../x", "1234567a", ""])(
    "asks nothing for %j, which is no KvK number",
    async (kvkNumber) => {
      expect(await register().findCompany(kvkNumber)).toBeUndefined();
      expect(received).toEqual([]);
    },
  );

  it.each([
    ["a refused key", "wrong-key", "68750110", /HTTP 401/],
    ["a server error", API_KEY, "90000500", /HTTP 500/],
    ["a failing list of branches", API_KEY, "90000600", /HTTP 503 for .*vestigingen/],
    ["an answer that is not JSON", API_KEY, "90000900", /unreadable JSON/],
    ["an RSIN failing the 11-proef", API_KEY, "90000800", /cannot read: 90000800/],
  ])("throws on %s rather than saying the company is unknown", async (_, apiKey, kvk, error) => {
    await expect(register({ apiKey }).findCompany(kvk)).rejects.toThrow(error);
  });

  it("gives up after the time-out", async () => {
    const started = Date.now();
    await expect(register().findCompany("90000700")).rejects.toThrow(
      /KvK API could not be reached/,
    );
    expect(Date.now() - started).toBeLessThan(1_900);
  });
});
