import { z } from "zod";
import { kvkCompanySchema } from "#src/contracts/eherkenning/kvk-company.ts";
import type { KvkAddress, KvkRegister, KvkRepresentative } from "./kvk-register.ts";

/**
 * The functionaries of a company with their authority. The KvK's public APIs (Zoeken,
 * Basisprofiel, Vestigingsprofiel, Naamgeving) do not give them: the basisprofiel names the
 * company, its owner's legal form and RSIN and its branches, but no director or proxy, and the
 * KvK counts signing authority among its non-public data, which takes an authorisation of its
 * own. So they come from a source of their own, which a deployment with such access provides.
 */
export interface KvkFunctionariesSource {
  representativesOf(kvkNumber: string): Promise<KvkRepresentative[]>;
}

/** Without a source, a company has no known representatives, so nobody can sign for it. */
export const noFunctionaries: KvkFunctionariesSource = {
  async representativesOf() {
    return [];
  },
};

export interface KvkApiRegisterOptions {
  /** The API's base, without the version: https://api.kvk.nl/api (or …/test/api). */
  apiUrl: string;
  apiKey: string;
  timeoutMs?: number;
  functionaries?: KvkFunctionariesSource;
}

/** The KvK API failed or answered what Poort cannot read: the look-up may be tried again. */
export class KvkApiError extends Error {
  override name = "KvkApiError";
}

/** Only what Poort reads; the API sends much more, and may add fields. */
const basisprofielSchema = z.object({
  kvkNummer: z.string(),
  naam: z.string().optional(),
  statutaireNaam: z.string().optional(),
  _embedded: z
    .object({
      eigenaar: z
        .object({
          rsin: z.string().optional(),
          rechtsvorm: z.string().optional(),
          uitgebreideRechtsvorm: z.string().optional(),
        })
        .optional(),
      hoofdvestiging: z.object({ rsin: z.string().optional() }).optional(),
    })
    .optional(),
});

const vestigingenSchema = z.object({
  vestigingen: z
    .array(
      z.object({
        vestigingsnummer: z.string(),
        eersteHandelsnaam: z.string().optional(),
        indAdresAfgeschermd: z.string().optional(),
        volledigAdres: z.string().optional(),
      }),
    )
    .default([]),
});

/**
 * The list of branches gives each address as one line, "Hizzaarderlaan 1 1234AB Lollum": the
 * last postcode in it splits street from city. A foreign or odd address gives none rather than
 * a wrong one.
 */
const FULL_ADDRESS = /^(.*\S)\s+(\d{4})\s?([A-Z]{2})\s+(\D+)$/;

function addressOf(fullAddress: string | undefined): KvkAddress | undefined {
  const match = FULL_ADDRESS.exec(fullAddress?.trim() ?? "");
  if (!match?.[1] || !match[2] || !match[3] || !match[4]) return undefined;
  return { street: match[1], postcode: `${match[2]} ${match[3]}`, city: match[4].trim() };
}

/**
 * The KvK Handelsregister API: the basisprofiel (`GET /v1/basisprofielen/{kvkNummer}`) and its
 * branches (`…/vestigingen`), with the key in the `apikey` header. A 404 means the register
 * has no such company; any other failure throws, so a caller never mistakes an outage for an
 * unknown company.
 */
export function createKvkApiRegister(options: KvkApiRegisterOptions): KvkRegister {
  const base = options.apiUrl.replace(/\/+$/, "");
  const functionaries = options.functionaries ?? noFunctionaries;

  /** The parsed answer; undefined on a 404. */
  async function get<T>(path: string, schema: z.ZodType<T>): Promise<T | undefined> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        headers: { apikey: options.apiKey, accept: "application/json" },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new KvkApiError(`KvK API could not be reached for ${path}`, { cause: error });
    }
    if (response.status === 404) return undefined;
    if (!response.ok) {
      throw new KvkApiError(`KvK API answered HTTP ${response.status} for ${path}`);
    }
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new KvkApiError(`KvK API answered unreadable JSON for ${path}`);
    return parsed.data;
  }

  return {
    async findCompany(kvkNumber) {
      // No other string is a KvK number, and none may reach the URL's path.
      if (!/^\d{8}$/.test(kvkNumber)) return undefined;
      const profile = await get(`/v1/basisprofielen/${kvkNumber}`, basisprofielSchema);
      if (!profile) return undefined;
      const [branches, representatives] = await Promise.all([
        // A company without branches (a foundation without an office, say) has no list: 404.
        get(`/v1/basisprofielen/${kvkNumber}/vestigingen`, vestigingenSchema),
        functionaries.representativesOf(kvkNumber),
      ]);
      const owner = profile._embedded?.eigenaar;
      const name = profile.naam ?? profile.statutaireNaam ?? "";
      const company = kvkCompanySchema.safeParse({
        kvkNumber: profile.kvkNummer,
        name,
        legalForm: owner?.uitgebreideRechtsvorm ?? owner?.rechtsvorm ?? "",
        rsin: owner?.rsin ?? profile._embedded?.hoofdvestiging?.rsin,
        branches: (branches?.vestigingen ?? []).map((branch) => ({
          branchNumber: branch.vestigingsnummer,
          name: branch.eersteHandelsnaam ?? name,
          address:
            branch.indAdresAfgeschermd === "Ja" ? undefined : addressOf(branch.volledigAdres),
        })),
        representatives,
      });
      if (!company.success) {
        throw new KvkApiError(`KvK API answered a company Poort cannot read: ${kvkNumber}`);
      }
      return company.data;
    },
  };
}
