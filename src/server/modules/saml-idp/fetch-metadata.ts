import { MAX_METADATA_BYTES } from "#src/contracts/eherkenning/idp.ts";
import { AppError } from "#src/server/errors.ts";
import { SECOND } from "#src/server/platform/clock.ts";

/** An SP's metadata server gets this long to answer in full; the admin waits meanwhile. */
const FETCH_TIMEOUT = 10 * SECOND;

export interface FetchMetadataOptions {
  /** Plain http is for a developer's local SP only: anywhere else metadata could be altered. */
  allowHttp: boolean;
  timeoutMs?: number;
}

/**
 * Fetches an SP's metadata for its registration: https only (outside development), no redirects
 * (a redirect could lead to plain http or elsewhere), a timeout over the whole answer, and a size
 * limit counted while reading, so a slow or endless answer cannot hold the request or the memory.
 */
export async function fetchMetadata(url: string, options: FetchMetadataOptions): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("saml_metadata_url_refused");
  }
  const allowed = options.allowHttp ? ["https:", "http:"] : ["https:"];
  if (!allowed.includes(parsed.protocol)) throw new AppError("saml_metadata_url_refused");

  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT);
  let response: Response;
  try {
    response = await fetch(parsed, {
      redirect: "error",
      signal,
      headers: { accept: "application/samlmetadata+xml, application/xml, text/xml" },
    });
  } catch (cause) {
    throw new AppError("saml_metadata_fetch_failed", [], { cause });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new AppError("saml_metadata_fetch_failed");
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_METADATA_BYTES) {
    await response.body.cancel();
    throw new AppError("saml_metadata_too_large");
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      // Leaving the loop cancels the stream: the rest is never read.
      if (size > MAX_METADATA_BYTES) throw new AppError("saml_metadata_too_large");
      chunks.push(chunk);
    }
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError("saml_metadata_fetch_failed", [], { cause });
  }
  return Buffer.concat(chunks).toString("utf8");
}
