import { createHash } from "node:crypto";
import { pipeline, type Readable, Transform } from "node:stream";
import { finished } from "node:stream/promises";

/** The size and the hex SHA-256 of some content. */
export interface ContentDigest {
  size: number;
  sha256: string;
}

/**
 * A SHA-256 and a byte count taken of content as it streams past, in order, perhaps over
 * several streams one after the other (the parts of a resumed upload). Whoever writes or reads
 * content anyway takes its digest on the way, so nobody has to read it a second time for it.
 */
export class RunningDigest {
  readonly #hash = createHash("sha256");
  #size = 0;

  /** How many bytes have passed so far. */
  get size(): number {
    return this.#size;
  }

  /** Counts bytes in, as they pass through a stream that handles them anyway (`sealingTransform`). */
  take(bytes: Buffer): void {
    this.#hash.update(bytes);
    this.#size += bytes.length;
  }

  /** A stream that passes its bytes on unchanged and counts them in, for a pipeline. */
  passThrough(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.take(chunk);
        done(null, chunk);
      },
    });
  }

  /**
   * `content` as it is read, counted in. Destroying the result destroys `content`, and an
   * error of `content` reaches whoever reads the result.
   */
  measure(content: Readable): Readable {
    // The pipeline's own callback has nothing to add: its streams carry any error themselves.
    return pipeline(content, this.passThrough(), () => {});
  }

  /** The digest of everything that passed; the digest can take no more bytes after this. */
  finish(): ContentDigest {
    return { size: this.#size, sha256: this.#hash.digest("hex") };
  }
}

/** The digest of all that `content` holds, read to its end. */
export async function digestOf(content: Readable): Promise<ContentDigest> {
  const running = new RunningDigest();
  const measured = running.measure(content);
  measured.resume();
  await finished(measured);
  return running.finish();
}
