import type { TempFolder } from "./openssl.ts";

/** The CA files in the folder that `openssl ocsp` asks about and checks answers against. */
export interface OcspCaFiles {
  /** The issuing CA's certificate (PEM). */
  issuer: string;
  /** The issuing and root CA's certificates (PEM), to verify the answer's signature. */
  chain: string;
}

const REQUEST_FILE = "ocsp-request.der";
const RESPONSE_FILE = "ocsp-response.der";

/**
 * The request `openssl ocsp -serial` sends about certificates of `files.issuer` (usually one):
 * with a nonce or without (`-no_nonce`, as browsers and most clients ask). Kept in the folder,
 * so that `opensslOcspCheck` checks an answer against it.
 */
export async function opensslOcspRequest(
  folder: TempFolder,
  files: OcspCaFiles,
  serialNumbers: readonly string[],
  options: { nonce: boolean },
): Promise<Buffer> {
  const made = await folder.openssl([
    ...["ocsp", "-issuer", files.issuer],
    ...serialNumbers.flatMap((serialNumber) => ["-serial", `0x${serialNumber}`]),
    ...[options.nonce ? "-nonce" : "-no_nonce", "-reqout", REQUEST_FILE],
  ]);
  if (made.code !== 0) throw new Error(`openssl ocsp -reqout failed: ${made.stderr}`);
  return folder.read(REQUEST_FILE);
}

/**
 * What `openssl ocsp` makes of `answer` to the last `opensslOcspRequest`: it checks the
 * signature against `files.chain`, the CertID and the nonce the request carried, and prints the
 * response ("Response verify OK", "Cert Status: …", "OCSP Nonce: …").
 */
export async function opensslOcspCheck(
  folder: TempFolder,
  files: OcspCaFiles,
  answer: Uint8Array,
): Promise<string> {
  await folder.write(RESPONSE_FILE, answer);
  const { stdout, stderr } = await folder.openssl([
    ...["ocsp", "-reqin", REQUEST_FILE, "-respin", RESPONSE_FILE],
    ...["-issuer", files.issuer, "-CAfile", files.chain, "-resp_text"],
  ]);
  return `${stdout}${stderr}`;
}
