import { chmod, mkdir, unlink } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import type { Logger } from "pino";
import type { z } from "zod";
import { controlAnswers } from "./control-client.ts";
import {
  type ControlAnswer,
  type ControlMessage,
  controlFolderOf,
  controlRequestSchema,
  controlSocketPath,
  HELLO,
  type HelloAnswer,
  MAX_REQUEST_BYTES,
  SOCKET_PATH_MAX_BYTES,
} from "./control-protocol.ts";

/** A refusal the operator can act on, given to the CLI as it is (nothing was changed). */
export class ControlRefusal extends Error {
  override name = "ControlRefusal";
}

/** A named operation the CLI may ask of the running Poort. */
export interface ControlOperation<Input> {
  /** The operation's input, validated before it runs; a bad one is refused. */
  input: z.ZodType<Input>;
  /** Runs the operation; `say` sends a line of progress to the operator. */
  run(input: Input, say: (line: string) => void): Promise<ControlAnswer | undefined>;
}

/**
 * The server side of the local control channel (ADR 0021): a Unix socket in DATA_DIR's
 * `control` folder (0700, the socket 0600), through which the CLI asks the running Poort for
 * the operations registered here by name. Whoever can open the socket is the service account
 * (or root), who could read DATA_DIR anyway: the folder's mode is the authentication.
 */
export class ControlServer {
  readonly #operations = new Map<string, ControlOperation<unknown>>();
  readonly #server: Server;
  readonly #dataDir: string;
  readonly #socketPath: string;
  readonly #logger: Logger;
  readonly #connections = new Set<Socket>();

  constructor(options: { dataDir: string; logger: Logger; version: string }) {
    this.#dataDir = options.dataDir;
    this.#socketPath = controlSocketPath(options.dataDir);
    this.#logger = options.logger;
    this.#server = createServer((socket) => this.#serve(socket));
    this.register<undefined>(HELLO, {
      input: controlRequestSchema.shape.input as z.ZodType<undefined>,
      run: async (): Promise<HelloAnswer> => ({ pid: process.pid, version: options.version }),
    });
  }

  get socketPath(): string {
    return this.#socketPath;
  }

  /** Adds an operation under `name`; one more command for the CLI is one more call of this. */
  register<Input>(name: string, operation: ControlOperation<Input>): void {
    if (this.#operations.has(name)) throw new Error(`Control operation ${name} exists already`);
    this.#operations.set(name, operation as ControlOperation<unknown>);
  }

  /**
   * Listens on the socket. A socket file left by a Poort that was killed is removed first; one
   * that still answers belongs to another Poort on the same DATA_DIR, which is refused.
   */
  async listen(): Promise<void> {
    if (Buffer.byteLength(this.#socketPath) > SOCKET_PATH_MAX_BYTES) {
      throw new Error(
        `The control socket's path ${this.#socketPath} is longer than a Unix socket allows (${SOCKET_PATH_MAX_BYTES} bytes): use a shorter DATA_DIR`,
      );
    }
    const folder = controlFolderOf(this.#dataDir);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    // mkdir keeps the mode of a folder that existed: set it, in case someone widened it.
    await chmod(folder, 0o700);
    if (await controlAnswers(this.#socketPath)) {
      throw new Error(`Another Poort answers at ${this.#socketPath}: it runs on this DATA_DIR`);
    }
    await unlink(this.#socketPath).catch(() => {});
    await new Promise<void>((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(this.#socketPath, () => {
        this.#server.off("error", reject);
        resolve();
      });
    });
    await chmod(this.#socketPath, 0o600);
  }

  /** Stops listening; operations still running are cut off with their connections. */
  async close(): Promise<void> {
    for (const socket of this.#connections) socket.destroy();
    if (this.#server.listening) {
      await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    }
    await unlink(this.#socketPath).catch(() => {});
  }

  #serve(socket: Socket): void {
    this.#connections.add(socket);
    socket.once("close", () => this.#connections.delete(socket));
    socket.on("error", () => {});
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString("utf8");
      const end = received.indexOf("\n");
      if (end < 0) {
        if (received.length > MAX_REQUEST_BYTES) {
          socket.off("data", onData);
          this.#answer(socket, { refused: "The request is too long." });
        }
        return;
      }
      socket.off("data", onData);
      void this.#handle(socket, received.slice(0, end));
    };
    socket.on("data", onData);
  }

  async #handle(socket: Socket, line: string): Promise<void> {
    const request = controlRequestSchema.safeParse(parseJson(line));
    if (!request.success) {
      this.#answer(socket, { refused: "Not a control request." });
      return;
    }
    const { operation: name, input } = request.data;
    const operation = this.#operations.get(name);
    if (!operation) {
      this.#answer(socket, {
        refused: `This Poort knows no operation ${name}; it knows: ${[...this.#operations.keys()].join(", ")}.`,
      });
      return;
    }
    const parsed = operation.input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (issue) => `${issue.path.join(".")}: ${issue.message}`,
      );
      this.#answer(socket, { refused: `Invalid input for ${name}: ${issues.join("; ")}` });
      return;
    }
    const say = (text: string) => this.#send(socket, { say: text });
    try {
      const done = await operation.run(parsed.data, say);
      this.#answer(socket, { done: (done ?? null) as ControlAnswer });
    } catch (error) {
      if (error instanceof ControlRefusal) {
        this.#answer(socket, { refused: error.message });
        return;
      }
      this.#logger.error({ err: error, operation: name }, "control operation failed");
      this.#answer(socket, {
        failed: `${name} failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  #send(socket: Socket, message: ControlMessage): void {
    if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
  }

  #answer(socket: Socket, message: ControlMessage): void {
    this.#send(socket, message);
    socket.end();
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
