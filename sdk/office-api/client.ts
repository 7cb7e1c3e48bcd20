import { randomUUID } from "node:crypto";
import createClient, { type Client } from "openapi-fetch";
import { Agent, Request as UndiciRequest, fetch as undiciFetch } from "undici";
import type { paths } from "./schema.d.ts";

export type { components, paths } from "./schema.d.ts";

/** The office API's typed client: `client.GET("/api/office/v1/dossiers", …)` and so on. */
export type OfficeApiClient = Client<paths> & {
  /** Closes the client's connections (its undici Agent). */
  close(): Promise<void>;
};

export interface OfficeApiClientOptions {
  /** The mTLS listener, e.g. `https://localhost:3443`. */
  baseUrl: string;
  /** The office certificate: its PKCS#12 (`.p12`) and the password it was mailed with. */
  pfx: Buffer;
  passphrase: string;
  /** The CA chain (PEM) that signed the listener's certificate; the system's CAs when absent. */
  ca?: string | Buffer;
}

/**
 * A client of the office API (`/api/office/v1/`, issue 16) that presents the office certificate
 * on every connection. It uses undici's own fetch, Request and Agent, so the certificate stays
 * with this client: no global dispatcher, nothing else in the process changes.
 */
export function createOfficeApiClient(options: OfficeApiClientOptions): OfficeApiClient {
  const agent = new Agent({
    connect: {
      pfx: options.pfx,
      passphrase: options.passphrase,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    },
  });
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    Request: UndiciRequest as unknown as typeof Request,
    fetch: (request) =>
      undiciFetch(request as unknown as UndiciRequest, {
        dispatcher: agent,
      }) as unknown as Promise<Response>,
  });
  return Object.assign(client, { close: () => agent.close() });
}

/**
 * The Idempotency-Key header of a POST: the same key replays the first answer, so a retry after
 * a lost answer cannot create twice. Give a key of your own (e.g. from your software's record),
 * or a new random one.
 */
export function idempotencyKey(key: string = randomUUID()): { "Idempotency-Key": string } {
  return { "Idempotency-Key": key };
}
