/**
 * A small, strict DER reader for what Poort reads from strangers on a hot path: OCSP requests.
 * asn1js and pkijs build an object tree for every element and took most of the responder's
 * time; this reads the bytes in place. Strict: one-byte tags, definite lengths in their shortest
 * form, contents inside the input, nothing left over. Any breach throws `DerError`.
 */

/** The input is not the DER that was expected. */
export class DerError extends Error {
  override name = "DerError";
}

/** Universal tags and the context-specific tags OCSP uses. */
export const tags = {
  boolean: 0x01,
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  objectIdentifier: 0x06,
  sequence: 0x30,
  /** `[n]` constructed: EXPLICIT tags, and IMPLICIT ones over a SEQUENCE. */
  context: (tagNumber: number) => 0xa0 | tagNumber,
} as const;

/** The elements of one constructed value (or of the whole input), read front to back. */
export class DerReader {
  readonly #der: Buffer;
  #offset = 0;

  constructor(der: Buffer) {
    this.#der = der;
  }

  /** Whether every element was read. */
  get done(): boolean {
    return this.#offset === this.#der.length;
  }

  /** The contents of the next element, which must carry `tag`. */
  read(tag: number): Buffer {
    const contents = this.readOptional(tag);
    if (!contents) throw new DerError(`expected tag 0x${tag.toString(16)}`);
    return contents;
  }

  /** The contents of the next element when it carries `tag`; otherwise nothing is read. */
  readOptional(tag: number): Buffer | undefined {
    if (this.done || this.#der[this.#offset] !== tag) return undefined;
    const { contents, end } = elementAt(this.#der, this.#offset);
    this.#offset = end;
    return contents;
  }

  /** Throws unless every element was read: DER has no room for trailing bytes. */
  end(): void {
    if (!this.done) throw new DerError("unexpected data after the last element");
  }
}

/** The contents of `der`, which must be exactly one element with `tag`. */
export function readOnly(der: Buffer, tag: number): Buffer {
  const reader = new DerReader(der);
  const contents = reader.read(tag);
  reader.end();
  return contents;
}

/** An OBJECT IDENTIFIER's contents in dotted form, each arc in its shortest encoding. */
export function objectIdentifierOf(contents: Buffer): string {
  const arcs: number[] = [];
  let arc = 0;
  let startsArc = true;
  for (const byte of contents) {
    if (startsArc && byte === 0x80) throw new DerError("an OID arc with a leading zero group");
    arc = arc * 128 + (byte & 0x7f);
    if (arc > Number.MAX_SAFE_INTEGER) throw new DerError("an OID arc beyond 2^53");
    startsArc = (byte & 0x80) === 0;
    if (startsArc) {
      arcs.push(arc);
      arc = 0;
    }
  }
  const [first] = arcs;
  if (first === undefined || !startsArc) throw new DerError("a truncated OID");
  // The first group holds two arcs: 40 × (0, 1 or 2) + the second.
  const top = Math.min(Math.floor(first / 40), 2);
  return [top, first - top * 40, ...arcs.slice(1)].join(".");
}

/** One element at `offset`: its contents and where the next begins. */
function elementAt(der: Buffer, offset: number): { contents: Buffer; end: number } {
  if ((der[offset] ?? 0) % 32 === 31) throw new DerError("multi-byte tags are not read here");
  const first = der[offset + 1];
  if (first === undefined) throw new DerError("a tag without a length");
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const size = first & 0x7f;
    // 0x80 is BER's indefinite length; four bytes already allow far more than a request may be.
    if (size === 0 || size > 4) throw new DerError("an indefinite or oversized length");
    if (start + size > der.length) throw new DerError("a truncated length");
    length = der.readUIntBE(start, size);
    if (length < 0x80 || der[start] === 0) throw new DerError("a length not in its shortest form");
    start += size;
  }
  const end = start + length;
  if (end > der.length) throw new DerError("contents beyond the end of the input");
  return { contents: der.subarray(start, end), end };
}
