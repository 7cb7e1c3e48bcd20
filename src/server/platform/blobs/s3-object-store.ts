import type { Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { BlobNotFoundError } from "./blob-store.ts";
import { type ByteRange, type ListedObject, OBJECT_KEY, type ObjectStore } from "./object-store.ts";

export interface S3ObjectStoreOptions {
  /** The service's URL; without one, AWS's own endpoint for the region. */
  endpoint?: string;
  region: string;
  /** Made by the operator beforehand: Poort never creates or configures a bucket. */
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>`, as most services other
   * than AWS want.
   */
  forcePathStyle: boolean;
  /** Objects per listing request: S3's own maximum, 1000, unless a test wants to see pages turn. */
  listPageSize?: number;
}

/**
 * The size of one part of a multipart upload: what one write holds in memory per part in
 * flight. S3 takes at most 10,000 parts, so an object may be up to about 78 GiB.
 */
const PART_BYTES = 8 * 1024 * 1024;
/** Parts uploaded at once by one write. */
const PARTS_IN_FLIGHT = 2;
/** The largest object S3 copies in one request; a larger one is copied as a new write. */
const LARGEST_SINGLE_COPY = 5 * 1024 ** 3;

/**
 * Objects in a bucket of an S3-compatible service (AWS S3, MinIO, Ceph RGW, Garage…), through
 * the AWS SDK. Writes stream as multipart uploads, so no object is held whole in memory, and an
 * upload that fails is aborted, so it leaves no object and no parts behind.
 */
export class S3ObjectStore implements ObjectStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #listPageSize: number | undefined;

  constructor(options: S3ObjectStoreOptions) {
    this.#bucket = options.bucket;
    this.#listPageSize = options.listPageSize;
    this.#client = new S3Client({
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: {
        accessKeyId: options.accessKeyId,
        secretAccessKey: options.secretAccessKey,
      },
      // Since early 2025 the SDK adds CRC32 checksums to every upload by default, which not
      // every S3-compatible service accepts. Checksums only where an operation requires them:
      // the bytes are guarded anyway, on the wire by TLS and at rest by the authentication tag
      // of every encrypted chunk above this store, which refuses any byte that changed.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async write(key: string, content: Readable): Promise<void> {
    try {
      const upload = new Upload({
        client: this.#client,
        params: { Bucket: this.#bucket, Key: this.#checked(key), Body: content },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
      });
      await upload.done();
    } catch (error) {
      // A refused or failed upload stops reading: let go of the source (an open file, a request).
      content.destroy();
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const answer = await this.#client
      .send(
        new GetObjectCommand({
          Bucket: this.#bucket,
          Key: this.#checked(key),
          ...(range ? { Range: rangeHeader(range) } : {}),
        }),
      )
      .catch((error: unknown) => {
        throw notFoundAsBlobNotFound(error, key);
      });
    // In Node the body is the HTTP response itself, a Readable.
    return answer.Body as Readable;
  }

  async size(key: string): Promise<number> {
    const answer = await this.#client
      .send(new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#checked(key) }))
      .catch((error: unknown) => {
        throw notFoundAsBlobNotFound(error, key);
      });
    if (answer.ContentLength === undefined) {
      throw new Error(`The object store gave no size for ${key}`);
    }
    return answer.ContentLength;
  }

  /** S3 has no rename: the bucket copies the object, then the original goes. */
  async move(from: string, to: string): Promise<void> {
    if ((await this.size(from)) > LARGEST_SINGLE_COPY) {
      await this.write(to, await this.read(from));
    } else {
      await this.#client
        .send(
          new CopyObjectCommand({
            Bucket: this.#bucket,
            Key: this.#checked(to),
            // Keys hold only characters that need no escaping in a URL (OBJECT_KEY).
            CopySource: `${this.#bucket}/${this.#checked(from)}`,
          }),
        )
        .catch((error: unknown) => {
          // Deleted between the size and the copy.
          throw notFoundAsBlobNotFound(error, from);
        });
    }
    await this.delete(from);
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing object as a success.
    await this.#client.send(
      new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#checked(key) }),
    );
  }

  async *list(prefix = ""): AsyncIterable<ListedObject> {
    const pages = paginateListObjectsV2(
      { client: this.#client, ...(this.#listPageSize ? { pageSize: this.#listPageSize } : {}) },
      { Bucket: this.#bucket, Prefix: prefix },
    );
    for await (const page of pages) {
      for (const { Key: key, Size: size, LastModified: storedAt } of page.Contents ?? []) {
        // Only what a key can name, as on disk: a shared bucket may hold other things. S3 gives
        // every object its size and time; an entry without them is no object of ours.
        if (key === undefined || !OBJECT_KEY.test(key)) continue;
        if (size === undefined || storedAt === undefined) continue;
        yield { key, size, storedAt };
      }
    }
  }

  #checked(key: string): string {
    if (!OBJECT_KEY.test(key)) throw new BlobNotFoundError(key);
    return key;
  }
}

/**
 * The Range header of a byte range. S3 serves the whole object for a range it cannot parse, as
 * HTTP allows, which would hand out the wrong bytes without a word: such a range is refused here.
 */
function rangeHeader({ start, end }: ByteRange): string {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`No byte range: ${start} to ${end}`);
  }
  return `bytes=${start}-${end}`;
}

/**
 * A missing object as a BlobNotFoundError: `NoSuchKey` when S3 says so in an error body,
 * `NotFound` for a 404 without one (the answer to a HEAD).
 */
function notFoundAsBlobNotFound(error: unknown, key: string): unknown {
  const name = (error as Error).name;
  return name === "NoSuchKey" || name === "NotFound" ? new BlobNotFoundError(key) : error;
}
