import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const serverScript = fileURLToPath(new URL("./s3rver-process.ts", import.meta.url));

/** A running S3-protocol server with one empty bucket, and what a client needs to reach it. */
export interface S3Server {
  /** `http://127.0.0.1:<port>`; buckets are reached by path (`forcePathStyle`). */
  endpoint: string;
  /** Any region will do: the server signs and checks with whichever the client names. */
  region: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Stops the server and removes everything it stored. */
  close(): Promise<void>;
}

/**
 * A real S3 server for tests: the s3rver package (its storage a temp folder), which checks every
 * request's signature. It runs as a process of its own because it encrypts its listings'
 * continuation tokens with DES, which Node's OpenSSL 3 offers only with its legacy provider, and
 * that can only be switched on when a process starts.
 */
export async function startS3Server(): Promise<S3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "poort-s3rver-"));
  const bucket = "poort-test";
  const child = spawn(
    process.execPath,
    ["--openssl-legacy-provider", "--import", "tsx", serverScript, directory, bucket],
    { cwd: root, stdio: ["pipe", "pipe", "pipe"] },
  );
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split("\n", 2);
        if (line.length === 2) resolve((JSON.parse(line[0] as string) as { port: number }).port);
      });
      child.once("error", reject);
      child.once("exit", (code) =>
        reject(new Error(`s3rver exited (${code}) at start:\n${errors}`)),
      );
    });
    return {
      endpoint: `http://127.0.0.1:${port}`,
      region: "us-east-1",
      bucket,
      // s3rver's one account.
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      async close() {
        child.stdin.end();
        await exited;
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

/** The settings that point a Poort at the server's bucket (`BLOB_STORE=s3`). */
export function s3Environment(s3: S3Server): Record<string, string> {
  return {
    BLOB_STORE: "s3",
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.region,
    S3_BUCKET: s3.bucket,
    S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
  };
}
