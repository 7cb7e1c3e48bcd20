import { connect, type NetConnectOpts, type Socket } from "node:net";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type ScanResult =
  | { status: "clean"; engine: string }
  | { status: "infected"; engine: string; signature: string }
  | { status: "not-scanned" };

export interface VirusScanner {
  /**
   * Reads the content to its end and says what the scanner found. The scanner opens the content
   * only when it is about to read it, and then owns the stream: consumed or destroyed on every
   * path, so no file is left open. A stream opened but never read would open its file later,
   * perhaps after the caller moved or deleted it, and crash the process with an error no one
   * listens to.
   */
  scan(open: () => Readable): Promise<ScanResult>;
}

/**
 * The scanner could not give a verdict: clamd down or silent, a protocol error, a size limit.
 * Callers refuse the upload (fail closed): an unscanned file must never pass as clean.
 */
export class VirusScanUnavailableError extends Error {
  override name = "VirusScanUnavailableError";
}

/** Long enough for clamd to scan a large archive, which it does without sending a byte. */
const DEFAULT_TIMEOUT_MS = 60_000;
const CLAMD_DEFAULT_PORT = 3310;

/**
 * The scanner for the configured ClamAV daemon (`tcp://host:port` or `unix:///path/clamd.ctl`);
 * without one, a scanner that scans nothing and says so.
 */
export function createVirusScanner(
  clamavUrl: string | undefined,
  options: { timeoutMs?: number } = {},
): VirusScanner {
  if (!clamavUrl) return new NoVirusScanner();
  return new ClamdScanner(clamdAddressOf(clamavUrl), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

class NoVirusScanner implements VirusScanner {
  async scan(): Promise<ScanResult> {
    return { status: "not-scanned" };
  }
}

/** clamd's INSTREAM command, one connection per command (clamd closes after each answer). */
class ClamdScanner implements VirusScanner {
  constructor(
    private readonly address: NetConnectOpts,
    private readonly timeoutMs: number,
  ) {}

  async scan(open: () => Readable): Promise<ScanResult> {
    // VERSION first: it names the engine and signature database in the verdict, and fails fast
    // when clamd is down, before the file is even opened.
    const engine = engineOf(await this.#ask("VERSION"));
    const content = open();
    try {
      return verdictOf(await this.#ask("INSTREAM", content), engine);
    } finally {
      content.destroy();
    }
  }

  async #ask(command: string, content?: Readable): Promise<string> {
    const socket = connect(this.address);
    // An idle timeout, not a deadline: a large file may take long to send, but clamd that
    // neither reads nor answers for this long is stuck.
    socket.setTimeout(this.timeoutMs, () =>
      socket.destroy(new VirusScanUnavailableError(`clamd silent for ${this.timeoutMs} ms`)),
    );
    let fileError: unknown;
    try {
      const reply = replyOf(socket);
      // The "z" prefix asks for NUL-terminated replies.
      socket.write(`z${command}\0`);
      if (content) {
        // Not awaited: the answer decides. clamd answers a stream over its size limit before
        // it has read it all, and a pipeline into a hung-up socket need not settle at all.
        pipeline(inStreamChunks(content), socket, { end: false }).catch((error: unknown) => {
          // The file's own read error, not clamd's: worth telling apart.
          if (error === content.errored) fileError = error;
          socket.destroy();
        });
      }
      return await reply;
    } catch (error) {
      if (fileError) throw fileError;
      // Node may write into the hung-up socket before it has read clamd's answer; then all
      // there is to go on is the broken pipe.
      const hint = content ? " (is the file over its StreamMaxLength?)" : "";
      throw unavailable(`clamd did not answer ${command}${hint}`, error);
    } finally {
      socket.destroy();
    }
  }
}

function clamdAddressOf(clamavUrl: string): NetConnectOpts {
  const url = new URL(clamavUrl);
  if (url.protocol === "unix:") return { path: decodeURIComponent(url.pathname) };
  if (url.protocol === "tcp:") {
    return { host: url.hostname, port: url.port ? Number(url.port) : CLAMD_DEFAULT_PORT };
  }
  throw new Error(`ClamAV address must be tcp://host:port or unix:///path, not ${clamavUrl}`);
}

/** clamd's answer up to its NUL terminator; rejects when the connection fails first. */
function replyOf(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      const text = Buffer.concat(received).toString("utf8");
      const end = text.indexOf("\0");
      if (end >= 0) resolve(text.slice(0, end).trim());
    });
    // `on`, not `once`: a socket can report several errors (write after reset) and an
    // unhandled one would crash the process.
    socket.on("error", reject);
    socket.on("close", () => reject(new VirusScanUnavailableError("clamd closed the connection")));
  });
}

/**
 * INSTREAM framing: every chunk behind its 4-byte big-endian length, then a zero length to end.
 * Empty chunks are skipped, since one would end the stream early.
 */
async function* inStreamChunks(content: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of content) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (bytes.length === 0) continue;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    yield length;
    yield bytes;
  }
  yield Buffer.alloc(4);
}

/** "ClamAV 1.4.6/27500/Mon Nov 23 09:30:00 2026": the engine and its signatures' version. */
function engineOf(versionReply: string): string {
  if (versionReply.startsWith("ClamAV ")) return versionReply;
  // Something else listens there: whatever it says about a file would be no verdict.
  throw new VirusScanUnavailableError(`no clamd: VERSION answered ${versionReply}`);
}

const INFECTED = /^stream: (.+) FOUND$/;

function verdictOf(reply: string, engine: string): ScanResult {
  if (reply === "stream: OK") return { status: "clean", engine };
  const infected = INFECTED.exec(reply);
  if (infected?.[1]) return { status: "infected", engine, signature: infected[1] };
  // "... ERROR" (size limit, unreadable stream) and anything unexpected: no verdict.
  throw new VirusScanUnavailableError(`clamd answered: ${reply}`);
}

function unavailable(message: string, cause: unknown): VirusScanUnavailableError {
  if (cause instanceof VirusScanUnavailableError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new VirusScanUnavailableError(`${message}: ${reason}`, { cause });
}
