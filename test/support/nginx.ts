import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The deployment's nginx configuration: what the tests run is what operators install. */
export const POORT_NGINX_CONF = fileURLToPath(
  new URL("../../deploy/nginx/poort.conf", import.meta.url),
);

/** Debian's nginx, as `.ci/run` installs it. */
export const NGINX_BINARY = "/usr/sbin/nginx";

export const nginxInstalled = existsSync(NGINX_BINARY);

export interface NginxSettings {
  /** A value for each `${POORT_...}` placeholder of poort.conf, by name without `POORT_`. */
  placeholders: Record<string, string>;
  /** The instances (`host:port`): their PORT, and their MTLS_PORT. */
  web: readonly string[];
  mtls: readonly string[];
  /** `host:port` addresses to wait for until nginx accepts connections on them. */
  waitFor: readonly string[];
}

export interface Nginx {
  /** What nginx wrote to stderr and its error log, for failure messages. */
  output(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * poort.conf with its placeholders filled in, as `envsubst` with their names does. Every
 * placeholder needs a value and every value a placeholder, so the file and its tests cannot
 * drift apart unnoticed.
 */
export function renderPoortConf(template: string, placeholders: Record<string, string>): string {
  const unused = new Set(Object.keys(placeholders));
  const rendered = template.replace(/\$\{POORT_([A-Z_]+)\}/g, (_match, name: string) => {
    const value = placeholders[name];
    if (value === undefined) throw new Error(`poort.conf: no value for \${POORT_${name}}`);
    unused.delete(name);
    return value;
  });
  if (unused.size > 0) throw new Error(`poort.conf has no placeholder ${[...unused].join(", ")}`);
  return rendered;
}

/**
 * The upstream file's server lines, written as poort.conf's header shows them (its line for
 * `file`, with the address swapped), so the passive health settings tested are the advised.
 */
function upstreamServers(template: string, file: string, addresses: readonly string[]): string {
  const line = new RegExp(`${file}\\s.*?(server \\S+ [^;]*;)`).exec(template)?.[1];
  if (!line) throw new Error(`poort.conf's header shows no server line for ${file}`);
  return addresses.map((address) => line.replace(/^server \S+/, `server ${address}`)).join("\n");
}

/**
 * Runs nginx on poort.conf as a child process, with everything it writes (pid, logs, temp
 * files) in a temp folder, so it needs no root and leaves nothing behind. The main
 * configuration around poort.conf stands in for Debian's /etc/nginx/nginx.conf, which includes
 * the site file in its http block; the upstream files sit where poort.conf includes them from,
 * beside it. Resolves once nginx accepts connections on every `waitFor` address.
 */
export async function startNginx(settings: NginxSettings): Promise<Nginx> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "poort-nginx-"));
  // nginx's workers run as nobody when started by root: they must reach their temp folders.
  await chmod(folder, 0o755);
  const template = await readFile(POORT_NGINX_CONF, "utf8");
  await writeFile(
    path.join(folder, "poort.conf"),
    renderPoortConf(template, settings.placeholders),
  );
  await mkdir(path.join(folder, "poort"));
  for (const [file, addresses] of [
    ["web-upstreams.conf", settings.web],
    ["mtls-upstreams.conf", settings.mtls],
  ] as const) {
    await writeFile(path.join(folder, "poort", file), upstreamServers(template, file, addresses));
  }
  const temp = (name: string) => path.join(folder, "temp", name);
  await mkdir(path.join(folder, "temp"));
  const errorLog = path.join(folder, "error.log");
  const mainConf = path.join(folder, "nginx.conf");
  await writeFile(
    mainConf,
    [
      `pid ${path.join(folder, "nginx.pid")};`,
      `error_log ${errorLog} notice;`,
      "worker_processes 2;",
      "events { worker_connections 1024; }",
      "http {",
      `    access_log ${path.join(folder, "access.log")};`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (kind) => `    ${kind}_temp_path ${temp(kind)};`,
      ),
      "    include poort.conf;",
      "}",
    ].join("\n"),
  );

  // setpriv's parent-death signal ends nginx with the test worker, also when the worker is
  // killed before it could call stop().
  const child = spawn(
    "setpriv",
    ["--pdeathsig", "TERM", NGINX_BINARY, "-c", mainConf, "-p", folder, "-g", "daemon off;"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  const collect = (chunk: Buffer) => {
    stderr += chunk.toString();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  let running = true;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (error) => {
      stderr += `${error.message}\n`;
      resolve();
    });
  }).then(() => {
    running = false;
  });
  const output = async () =>
    `${stderr}${await readFile(errorLog, "utf8").catch(() => "(no error log)")}`;
  const stop = async () => {
    if (running) child.kill("SIGTERM");
    await exited;
    await rm(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  for (const address of settings.waitFor) {
    while (!(await accepts(address))) {
      if (!running || Date.now() > deadline) {
        const reason = await output();
        await stop();
        throw new Error(`nginx did not start:\n${reason}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { output, stop };
}

function accepts(address: string): Promise<boolean> {
  const separator = address.lastIndexOf(":");
  return new Promise((resolve) => {
    const socket = connect({
      host: address.slice(0, separator),
      port: Number(address.slice(separator + 1)),
    });
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}
