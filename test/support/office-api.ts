import { createTestOffice } from "./accounts.ts";
import type { ApiClient } from "./api-client.ts";
import {
  type ClientIdentity,
  issueByServicedesk,
  type MtlsListener,
  mailedPkcs12,
  mtlsRequest,
} from "./certificates.ts";
import type { TestApp } from "./test-app.ts";

/** An office with an office certificate in force: what its practice software holds. */
export interface OfficeWithCertificate {
  officeId: string;
  identity: ClientIdentity;
}

/** A new office whose certificate the servicedesk issued (the PKCS#12 from its mail). */
export async function officeWithCertificate(
  subject: TestApp,
  servicedesk: ApiClient,
  name: string,
): Promise<OfficeWithCertificate> {
  const office = await createTestOffice(subject, name);
  const issued = await issueByServicedesk(servicedesk, office.id);
  const pfx = await mailedPkcs12(subject, issued.sentTo);
  return { officeId: office.id, identity: { pfx, passphrase: issued.password } };
}

type Answer = Awaited<ReturnType<typeof mtlsRequest>>;

/** The office's practice software: the office API over TLS with the office certificate. */
export interface OfficeApi {
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  put(path: string, body?: unknown): Promise<Answer>;
  patch(path: string, body?: unknown): Promise<Answer>;
  delete(path: string): Promise<Answer>;
}

export function officeApi(listener: MtlsListener, identity: ClientIdentity): OfficeApi {
  const send =
    (method: string) =>
    (path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> =>
      mtlsRequest(listener, path, identity, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
  return {
    get: (path, headers) => send("GET")(path, undefined, headers),
    post: send("POST"),
    put: send("PUT"),
    patch: send("PATCH"),
    delete: (path) => send("DELETE")(path),
  };
}
