import { request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { accountsDeps } from "#src/server/modules/accounts/deps.ts";
import { invitePlatformStaff } from "#src/server/modules/accounts/invitations.ts";
import { certificatesDeps } from "#src/server/modules/certificates/deps.ts";
import { listenerTls } from "#src/server/modules/certificates/listener-tls.ts";
import { buildMtlsApp } from "#src/server/mtls-app.ts";
import { activateByMail, enrolAuthenticator } from "./accounts.ts";
import type { ApiClient } from "./api-client.ts";
import { deliveredMails } from "./outbox.ts";
import type { TestApp } from "./test-app.ts";

/** A servicedesk colleague who can use the servicedesk screens at once. */
export async function createServicedeskStaff(subject: TestApp, email: string): Promise<ApiClient> {
  await invitePlatformStaff(accountsDeps(subject.services), {
    name: "Noor Hendriks",
    email,
    role: "servicedesk",
    locale: "nl",
  });
  const browser = await activateByMail(subject, email);
  await enrolAuthenticator(subject, browser);
  return browser;
}

/** The servicedesk issues a certificate for the office; returns the confirmation (password). */
export async function issueByServicedesk(
  servicedesk: ApiClient,
  officeId: string,
  emailLocalPart = "info",
) {
  const response = await servicedesk.post(`/api/servicedesk/offices/${officeId}/certificates`, {
    emailLocalPart,
  });
  if (response.statusCode !== 201) throw new Error(`issuing failed: ${response.body}`);
  return response.json() as { password: string; fileName: string; sentTo: string };
}

/** The PKCS#12 attached to the newest mail to this address. */
export async function mailedPkcs12(subject: TestApp, to: string): Promise<Buffer> {
  const mails = (await deliveredMails(subject)) as unknown as Array<{
    to: string;
    attachments: Array<{ url: string; name: string }>;
  }>;
  const attachment = mails
    .find((mail) => mail.to === to && mail.attachments.length > 0)
    ?.attachments.find((candidate) => candidate.name.endsWith(".p12"));
  if (!attachment) throw new Error(`no certificate mailed to ${to}`);
  return (await subject.app.inject({ method: "GET", url: attachment.url })).rawPayload;
}

export interface MtlsListener {
  port: number;
  /** The CA chain (PEM), which also signs the listener's own certificate. */
  ca: string;
  close(): Promise<void>;
}

/** The mTLS listener of the test app, on a free port of 127.0.0.1. */
export async function startMtlsListener(subject: TestApp): Promise<MtlsListener> {
  const { services } = subject;
  const tls = await listenerTls(services.config, services.authorities, subject.clock);
  const app = await buildMtlsApp(services, tls);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const deps = certificatesDeps(services);
  const { root, issuing } = await deps.authorities.get();
  return {
    port,
    ca: `${issuing.certificate.toString("pem")}\n${root.certificate.toString("pem")}`,
    close: () => app.close(),
  };
}

export interface ClientIdentity {
  pfx?: Buffer;
  passphrase?: string;
  cert?: string;
  key?: string;
}

/** One HTTPS request to the listener with (or without) a client certificate. */
export function mtlsRequest(
  listener: MtlsListener,
  path: string,
  identity: ClientIdentity = {},
  options: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    /** Send from another loopback address, e.g. 127.0.0.2, to be someone else than a proxy. */
    localAddress?: string;
  } = {},
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by the tests' assertions
): Promise<{ status: number; body: string; json(): any }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      {
        host: "127.0.0.1",
        port: listener.port,
        path,
        method: options.method ?? "GET",
        servername: "localhost",
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        ca: listener.ca,
        ...identity,
        headers: {
          accept: "application/json",
          ...(payload ? { "content-type": "application/json" } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, body, json: () => JSON.parse(body) });
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}
