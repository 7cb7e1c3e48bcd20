import { readFile } from "node:fs/promises";
import { DEFAULT_CIPHERS, type SecureContextOptions } from "node:tls";
import type { Config } from "#src/server/config.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { AuthorityStore } from "./authority.ts";
import { exportPrivateKey, generateKeyPair } from "./pki/keys.ts";
import { newSerialNumber } from "./pki/serial-numbers.ts";
import { issueServerCertificate } from "./pki/server-certificate.ts";

/** What the mTLS listener's HTTPS server is set up with. */
export interface ListenerTls {
  key: string;
  cert: string;
  /** The CA certificates offered to browsers as acceptable issuers of a client certificate. */
  ca: string[];
}

/**
 * What the listener offers in the handshake: Mozilla's "intermediate" profile. TLS 1.2 only
 * with AEAD suites and forward secrecy (ECDHE with AES-GCM or ChaCha20-Poly1305), since CBC
 * suites keep falling to padding-oracle and timing attacks (Lucky 13 and kin). TLS 1.3 keeps
 * Node's own suites, which are all AEAD.
 */
export const listenerProtocols = {
  minVersion: "TLSv1.2",
  ciphers: [
    ...DEFAULT_CIPHERS.split(":").filter((suite) => suite.startsWith("TLS_")),
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305",
    "ECDHE-RSA-CHACHA20-POLY1305",
  ].join(":"),
} as const satisfies SecureContextOptions;

const DAY_MS = 24 * 60 * 60_000;

function pem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * The mTLS listener's own certificate and key: from MTLS_TLS_*_FILE in production (a
 * certificate browsers trust), otherwise issued by Poort's CA at start-up for the self-service
 * host and localhost. Either way the listener names our CAs as acceptable client issuers.
 */
export async function listenerTls(
  config: Pick<Config, "mtls">,
  authorities: AuthorityStore,
  clock: Clock,
): Promise<ListenerTls> {
  const { root, issuing } = await authorities.get();
  const ca = [issuing.certificate.toString("pem"), root.certificate.toString("pem")];
  if (config.mtls.tlsCertFile && config.mtls.tlsKeyFile) {
    return {
      cert: await readFile(config.mtls.tlsCertFile, "utf8"),
      key: await readFile(config.mtls.tlsKeyFile, "utf8"),
      ca,
    };
  }
  const keys = await generateKeyPair("p-256");
  const now = clock.now();
  const host = new URL(config.mtls.publicUrl).hostname;
  const certificate = await issueServerCertificate(issuing, keys.publicKey, {
    hostnames: [...new Set([host, "localhost", "127.0.0.1", "::1"])],
    serialNumber: newSerialNumber(),
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 365 * DAY_MS),
  });
  return {
    cert: `${certificate.toString("pem")}\n${issuing.certificate.toString("pem")}`,
    key: pem("PRIVATE KEY", await exportPrivateKey(keys.privateKey)),
    ca,
  };
}
