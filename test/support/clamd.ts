import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./server-process.ts";

/**
 * The EICAR anti-virus test string, put together at run time so that no file of the repository
 * is itself a test virus to the scanners that look at it.
 */
export const EICAR = [
  "X5O!P%@AP[4\\PZX54(P^)7CC)",
  "7}$EICAR-STANDARD-ANTIVIRUS",
  "-TEST-FILE!$H+H*",
].join("");
/** What clamd calls our own test signature (test/fixtures/clamav/poort-test.ndb). */
export const EICAR_SIGNATURE = "Poort.Test.EICAR.UNOFFICIAL";

/** Tests against a real clamd run where it is installed, and must run where CI demands it. */
export const clamdRequired =
  existsSync("/usr/sbin/clamd") || process.env.POORT_REQUIRE_CLAMD === "1";

/** Our own signatures (the EICAR test file): clamd here has no internet, and needs none. */
const signatures = fileURLToPath(new URL("../fixtures/clamav", import.meta.url));

export interface Clamd {
  /** `tcp://127.0.0.1:<port>` */
  url: string;
  /** `unix:///<temp dir>/clamd.sock`: the same daemon over its local socket. */
  unixUrl: string;
  stop(): Promise<void>;
}

/**
 * A private clamd for one test file: its own config, port, socket, log and pid file in a temp
 * folder, and our signature folder, so the Debian package's daemon and freshclam (if running)
 * neither serve nor change it. Resolves once it answers PING.
 */
export async function startClamd(options: { streamMaxLength?: string } = {}): Promise<Clamd> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "poort-clamd-"));
  const port = await freePort();
  const socketPath = path.join(folder, "clamd.sock");
  const config = path.join(folder, "clamd.conf");
  await writeFile(
    config,
    [
      "Foreground yes",
      "TCPAddr 127.0.0.1",
      `TCPSocket ${port}`,
      `LocalSocket ${socketPath}`,
      `DatabaseDirectory ${signatures}`,
      `LogFile ${path.join(folder, "clamd.log")}`,
      `PidFile ${path.join(folder, "clamd.pid")}`,
      `StreamMaxLength ${options.streamMaxLength ?? "200M"}`,
    ].join("\n"),
  );
  // setpriv's parent-death signal ends clamd with the test worker, also when the worker is
  // killed (a hook timeout, Ctrl-C) before it could call stop().
  const child = spawn(
    "setpriv",
    ["--pdeathsig", "TERM", "/usr/sbin/clamd", `--config-file=${config}`],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  let running = true;
  // "error" instead of "exit" when setpriv cannot be spawned at all.
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (error) => {
      output += `${error.message}\n`;
      resolve();
    });
  }).then(() => {
    running = false;
  });
  const stop = async () => {
    if (running) child.kill("SIGTERM");
    await exited;
    await rm(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  while (!(await answersPing(port))) {
    if (!running || Date.now() > deadline) {
      await stop();
      throw new Error(`clamd did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `tcp://127.0.0.1:${port}`, unixUrl: `unix://${socketPath}`, stop };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    let reply = "";
    socket.setTimeout(1_000, () => socket.destroy());
    socket.on("connect", () => socket.write("zPING\0"));
    socket.on("data", (chunk: Buffer) => {
      reply += chunk.toString();
    });
    // Refused while clamd loads its signatures: "close" follows and says no.
    socket.on("error", () => {});
    socket.on("close", () => resolve(reply === "PONG\0"));
  });
}
