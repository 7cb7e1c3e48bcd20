import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
  url: string;
  /** The mTLS listener (self-service), with a certificate of Poort's own CA. */
  mtlsUrl: string;
  child: ChildProcess;
  /** What the process wrote to stderr and stdout, for failure messages. */
  output(): string;
  /** Graceful stop (SIGTERM); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** A crash: SIGKILL, no chance to clean up. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * Runs Poort as its own process, as `npm start` would: from the built `dist/` (`built`), or
 * from source through tsx. Resolves once /ready answers.
 */
export async function startServerProcess(
  environment: Record<string, string>,
  options: { built?: boolean } = {},
): Promise<ServerProcess> {
  const port = environment.PORT ? Number(environment.PORT) : await freePort();
  const mtlsPort = environment.MTLS_PORT ? Number(environment.MTLS_PORT) : await freePort();
  const args = options.built
    ? ["dist/server/main.js"]
    : ["--conditions=source", "--import", "tsx", "src/server/main.ts"];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      // No balancer to drain from: a stop ends at once, unless a test sets its own drain.
      SHUTDOWN_DRAIN_MS: "0",
      MTLS_PUBLIC_URL: `https://127.0.0.1:${mtlsPort}`,
      ...environment,
      PORT: String(port),
      MTLS_PORT: String(mtlsPort),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Poort exited at start:\n${output}`);
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Poort did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    mtlsUrl: `https://127.0.0.1:${mtlsPort}`,
    child,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}
