import {
  exportPrivateKey,
  generateKeyPair,
  signingAlgorithm,
} from "#src/server/modules/certificates/pki/keys.ts";
import { distinguishedName } from "#src/server/modules/certificates/pki/names.ts";
import { newSerialNumber } from "#src/server/modules/certificates/pki/serial-numbers.ts";
import { x509 } from "#src/server/modules/certificates/pki/x509.ts";
import { MINUTE } from "#src/server/platform/clock.ts";

function pem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * A test SP's key and self-signed certificate, made with the same PKI code as Poort's own, valid
 * from a minute before `now` for a year: what an SP puts in the metadata it registers.
 */
export async function spKeyPair(now: Date, host = "dienst.example.nl") {
  const keys = await generateKeyPair("rsa-2048");
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: distinguishedName({ commonName: host, organisation: "Dienst" }),
    keys,
    signingAlgorithm: signingAlgorithm("rsa-2048"),
    serialNumber: newSerialNumber(),
    notBefore: new Date(now.getTime() - MINUTE),
    notAfter: new Date(now.getTime() + 365 * 24 * 60 * MINUTE),
  });
  return {
    key: pem("PRIVATE KEY", await exportPrivateKey(keys.privateKey)),
    cert: certificate.toString("pem"),
  };
}

/**
 * The IdP's entity id, signing certificate (base64 DER) and sign-on address for the Redirect
 * binding, as an SP reads them from metadata.
 */
export function idpFromMetadata(metadataXml: string): {
  entityId: string;
  cert: string;
  ssoRedirect: string;
} {
  return {
    entityId: /entityID="([^"]+)"/.exec(metadataXml)?.[1] ?? "",
    ssoRedirect:
      /<(?:md:)?SingleSignOnService[^>]*Binding="urn:oasis:names:tc:SAML:2\.0:bindings:HTTP-Redirect"[^>]*Location="([^"]+)"/.exec(
        metadataXml,
      )?.[1] ?? "",
    cert: (/<(?:ds:)?X509Certificate>([^<]+)</.exec(metadataXml)?.[1] ?? "").replace(/\s+/g, ""),
  };
}
