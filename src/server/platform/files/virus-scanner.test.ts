import { createServer, type Server, type Socket } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import {
  type Clamd,
  clamdRequired,
  EICAR,
  EICAR_SIGNATURE,
  startClamd,
} from "#test/support/clamd.ts";
import { freePort } from "#test/support/server-process.ts";
import { createVirusScanner, VirusScanUnavailableError } from "./virus-scanner.ts";

const PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

/** A deterministic byte pattern, produced chunk by chunk so the test never holds it whole. */
function* patternChunks(totalBytes: number, chunkBytes = 64 * 1024): Generator<Buffer> {
  for (let offset = 0; offset < totalBytes; offset += chunkBytes) {
    const chunk = Buffer.alloc(Math.min(chunkBytes, totalBytes - offset));
    for (let i = 0; i < chunk.length; i++) chunk[i] = ((offset + i) * 31 + 7) % 251;
    yield chunk;
  }
}

/** A server on a free port that accepts connections and handles them as told. */
async function fakeClamd(handle: (socket: Socket) => void): Promise<Server> {
  // Reading whatever comes lets the server see the client hang up, so it can close.
  const server = createServer((socket) => handle(socket.resume()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

function urlOf(server: Server): string {
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return `tcp://127.0.0.1:${address.port}`;
}

describe("createVirusScanner without a ClamAV address", () => {
  it("answers not-scanned without opening the content", async () => {
    const open = vi.fn(() => Readable.from([Buffer.from(EICAR)]));
    expect(await createVirusScanner(undefined).scan(open)).toEqual({ status: "not-scanned" });
    expect(open).not.toHaveBeenCalled();
  });

  it("refuses an address that is no clamd socket", () => {
    expect(() => createVirusScanner("http://clamav:3310")).toThrow(/tcp:\/\/host:port/);
  });
});

describe("the clamd scanner against a broken clamd", () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((server) => new Promise((done) => server.close(done)))));

  it("fails closed when nothing listens", async () => {
    const scanner = createVirusScanner(`tcp://127.0.0.1:${await freePort()}`);
    // The file is not even opened: a caller that deletes it at once leaves nothing to crash on.
    const open = vi.fn(() => Readable.from([Buffer.from(PDF)]));
    await expect(scanner.scan(open)).rejects.toThrow(VirusScanUnavailableError);
    expect(open).not.toHaveBeenCalled();
  });

  it("fails closed when clamd stays silent", async () => {
    const silent = await fakeClamd(() => {});
    servers.push(silent);
    const scanner = createVirusScanner(urlOf(silent), { timeoutMs: 200 });
    await expect(scanner.scan(() => Readable.from([Buffer.from(PDF)]))).rejects.toThrow(
      /silent for 200 ms/,
    );
  });

  it("fails closed when something else than clamd answers", async () => {
    const confused = await fakeClamd((socket) => socket.end("UNKNOWN COMMAND\0"));
    servers.push(confused);
    const scanner = createVirusScanner(urlOf(confused));
    await expect(scanner.scan(() => Readable.from([Buffer.from(PDF)]))).rejects.toThrow(
      VirusScanUnavailableError,
    );
  });

  it("fails closed when clamd hangs up halfway through the stream", async () => {
    const hangsUp = await fakeClamd((socket) =>
      socket.once("data", (command: Buffer) =>
        command.includes("VERSION") ? socket.end("ClamAV 1.4.6\0") : socket.end(),
      ),
    );
    servers.push(hangsUp);
    const content = Readable.from(patternChunks(4 * 1024 * 1024));
    await expect(createVirusScanner(urlOf(hangsUp)).scan(() => content)).rejects.toThrow(
      VirusScanUnavailableError,
    );
  });

  it("fails closed on a scan answer it does not know", async () => {
    // Knows VERSION, then answers the scan with something that is neither OK nor FOUND.
    const odd = await fakeClamd((socket) =>
      socket.once("data", (command: Buffer) =>
        socket.end(command.includes("VERSION") ? "ClamAV 1.4.6\0" : "stream: MAYBE\0"),
      ),
    );
    servers.push(odd);
    await expect(
      createVirusScanner(urlOf(odd)).scan(() => Readable.from([Buffer.from(PDF)])),
    ).rejects.toThrow("clamd answered: stream: MAYBE");
  });
});

describe.skipIf(!clamdRequired)("the clamd scanner against a real clamd", () => {
  let clamd: Clamd;

  beforeAll(async () => {
    clamd = await startClamd();
  });
  afterAll(() => clamd?.stop());

  it("finds the EICAR test virus and names its signature and engine", async () => {
    const result = await createVirusScanner(clamd.url).scan(() =>
      Readable.from([Buffer.from(EICAR)]),
    );
    expect(result).toEqual({
      status: "infected",
      engine: expect.stringMatching(/^ClamAV \d+\.\d+/),
      signature: EICAR_SIGNATURE,
    });
  });

  it("passes a clean PDF", async () => {
    const result = await createVirusScanner(clamd.url).scan(() =>
      Readable.from([Buffer.from(PDF)]),
    );
    expect(result).toEqual({ status: "clean", engine: expect.stringMatching(/^ClamAV /) });
  });

  it("streams 5 MB in chunks, all of it", async () => {
    const size = 5 * 1024 * 1024;
    const scanner = createVirusScanner(clamd.url);
    const clean = await scanner.scan(() => Readable.from(patternChunks(size)));
    expect(clean.status).toBe("clean");
    // The same, with the test virus split over the last two chunks, after empty ones: it is
    // found only if every byte arrived in order.
    const half = EICAR.length / 2;
    async function* thenEicar() {
      yield* patternChunks(size);
      yield Buffer.alloc(0);
      yield Buffer.from(EICAR.slice(0, half));
      yield Buffer.alloc(0);
      yield Buffer.from(EICAR.slice(half));
    }
    const infected = await scanner.scan(() => Readable.from(thenEicar()));
    expect(infected).toMatchObject({ status: "infected", signature: EICAR_SIGNATURE });
  });

  it("speaks over clamd's unix socket too", async () => {
    const result = await createVirusScanner(clamd.unixUrl).scan(() =>
      Readable.from([Buffer.from(EICAR)]),
    );
    expect(result).toMatchObject({ status: "infected", signature: EICAR_SIGNATURE });
  });

  it("passes on the error of a stream that fails to read", async () => {
    async function* breaksAfterAMegabyte() {
      yield* patternChunks(1024 * 1024);
      throw new Error("upload unreadable");
    }
    const scanning = createVirusScanner(clamd.url).scan(() =>
      Readable.from(breaksAfterAMegabyte()),
    );
    const failure = await scanning.catch((error: unknown) => error);
    expect(failure).toEqual(new Error("upload unreadable"));
    expect(failure).not.toBeInstanceOf(VirusScanUnavailableError);
  });

  it("fails closed over clamd's size limit, and once clamd is gone", async () => {
    const small = await startClamd({ streamMaxLength: "1M" });
    onTestFinished(() => small.stop());
    const scanner = createVirusScanner(small.url);
    const content = Readable.from(patternChunks(4 * 1024 * 1024));
    const failure = await scanner.scan(() => content).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(VirusScanUnavailableError);
    // clamd's own answer, or the broken pipe when Node writes before it reads that answer.
    expect(String(failure)).toMatch(/size limit exceeded|over its StreamMaxLength/);
    expect(content.destroyed).toBe(true);
    await small.stop();
    await expect(scanner.scan(() => Readable.from([Buffer.from(PDF)]))).rejects.toThrow(
      VirusScanUnavailableError,
    );
  });
});
