import type { TLSSocket } from "node:tls";
import type { FastifyRequest } from "fastify";

export interface ProxySettings {
  /** Reverse proxies whose certificate header is believed. */
  trustedProxies: readonly string[];
  /** The header such a proxy puts the verified client certificate in (URL-encoded PEM). */
  certificateHeader: string;
}

const withoutIpv4Mapping = (address: string | undefined) => address?.replace(/^::ffff:/, "");

function pemToDer(pem: string): Buffer | undefined {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem)?.[1];
  return body ? Buffer.from(body.replace(/\s/g, ""), "base64") : undefined;
}

/**
 * The client certificate of the request, as DER: from the TLS handshake, or, behind a reverse
 * proxy that terminates TLS, from its header — but only when the request comes from one of the
 * configured proxies, since anyone else can send any header.
 */
export function presentedCertificateDer(
  request: FastifyRequest,
  proxy: ProxySettings,
): Buffer | undefined {
  const header = request.headers[proxy.certificateHeader];
  const peer = withoutIpv4Mapping(request.raw.socket.remoteAddress);
  if (typeof header === "string" && header && peer && proxy.trustedProxies.includes(peer)) {
    return pemToDer(decodeURIComponent(header));
  }
  const socket = request.raw.socket as Partial<TLSSocket>;
  const certificate = socket.getPeerCertificate?.(false);
  return certificate?.raw && certificate.raw.length > 0 ? certificate.raw : undefined;
}
