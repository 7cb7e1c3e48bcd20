import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** How an openssl run ended. */
export interface OpensslResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `openssl` CLI. Resolves with the exit code instead of rejecting on a failure,
 * so tests can assert refusals (a wrong password, a revoked certificate) as plainly as success.
 */
export function openssl(
  args: string[],
  options: { cwd?: string; stdin?: string | Uint8Array } = {},
): Promise<OpensslResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("openssl", args, { cwd: options.cwd, stdio: "pipe" });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.once("error", reject);
    child.once("close", (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
    child.stdin.end(options.stdin);
  });
}

/** A temporary folder for the files openssl reads and writes; run openssl in it by `cwd`. */
export interface TempFolder {
  path: string;
  /** Writes a file and returns its name, to pass straight to openssl. */
  write(name: string, contents: string | Uint8Array): Promise<string>;
  read(name: string): Promise<Buffer>;
  /** openssl with this folder as its working directory. */
  openssl(args: string[], stdin?: string | Uint8Array): Promise<OpensslResult>;
  remove(): Promise<void>;
}

/** A new temporary folder; remove it in afterAll. */
export async function tempFolder(): Promise<TempFolder> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "poort-openssl-"));
  return {
    path: folder,
    write: async (name, contents) => {
      await writeFile(path.join(folder, name), contents);
      return name;
    },
    read: (name) => readFile(path.join(folder, name)),
    openssl: (args, stdin) => openssl(args, { cwd: folder, ...(stdin ? { stdin } : {}) }),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
