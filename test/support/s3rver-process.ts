import { createReadStream, type ReadStream } from "node:fs";
import S3rver from "s3rver";

/**
 * The process `startS3Server` (s3-server.ts) runs: s3rver on a free port of 127.0.0.1, storing
 * into the folder it is given, with the one bucket it is given. It says its port on the first
 * line of its output, and ends when its input closes: when the test is done with it, or died.
 */
const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) throw new Error("usage: s3rver-process.ts <directory> <bucket>");

const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: bucket, configs: [] }],
});
patchFirstByteRange(server);
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();

/** The parts of s3rver's storage (`server.store`, untyped) that the patch below touches. */
interface StoredObject {
  content: ReadStream | null;
  range?: { start: number; end: number };
}
interface ObjectStorage {
  getObject(bucket: string, key: string, options?: { end?: number }): Promise<StoredObject | null>;
}

/**
 * s3rver reads the end of a range as `end || Infinity`, so "bytes=0-0", the first byte, gets the
 * whole object where S3 gives one byte. Its answer to such a range is cut back to that byte.
 */
function patchFirstByteRange(server: S3rver): void {
  const storage = (server as unknown as { store: ObjectStorage }).store;
  const getObject = storage.getObject.bind(storage);
  storage.getObject = async (bucket, key, options) => {
    const object = await getObject(bucket, key, options);
    if (options?.end !== 0 || !object?.content || !object.range) return object;
    object.content.destroy();
    object.content = createReadStream(object.content.path, { start: 0, end: 0 });
    object.range = { start: 0, end: 0 };
    return object;
  };
}
