import type { ByteRange } from "#src/server/platform/blobs/object-store.ts";

/** What a request's Range header asks of a file of a known size (RFC 9110, section 14). */
export type RequestedPart =
  | { kind: "whole" }
  | { kind: "range"; range: ByteRange }
  | { kind: "unsatisfiable" };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * The one byte range a header asks for: `bytes=a-b`, `bytes=a-` or the last n bytes `bytes=-n`,
 * its end cut to the file's end. Anything else (another unit, several ranges, nonsense) is
 * answered with the whole file, as RFC 9110 allows a server to; a range that starts past the
 * end cannot be satisfied (416).
 */
export function requestedPart(header: string | undefined, size: number): RequestedPart {
  const match = header ? SINGLE_RANGE.exec(header.trim()) : null;
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "whole" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "range", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return { kind: "unsatisfiable" };
  if (end < start) return { kind: "whole" };
  return { kind: "range", range: { start, end } };
}
