import { createConnection } from "node:net";
import { createInterface } from "node:readline";
import {
  type ControlMessage,
  controlMessageSchema,
  controlSocketPath,
  HELLO,
  type HelloAnswer,
  helloAnswerSchema,
} from "./control-protocol.ts";

/** The running Poort would not do it, for a reason the operator can act on. */
export class ControlRefused extends Error {
  override name = "ControlRefused";
}

/** The operation broke off in the running Poort, or the connection ended before its answer. */
export class ControlFailed extends Error {
  override name = "ControlFailed";
}

/**
 * Whether a Poort listens at the socket. A missing socket, or one a killed Poort left behind
 * (the connection is refused), means nobody does.
 */
export function controlAnswers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The Poort running on `dataDir`, if one answers on its control socket. */
export async function runningPoort(dataDir: string): Promise<HelloAnswer | undefined> {
  const socketPath = controlSocketPath(dataDir);
  if (!(await controlAnswers(socketPath))) return undefined;
  return helloAnswerSchema.parse(await askControl(socketPath, HELLO, null, () => {}));
}

/**
 * Asks the Poort at `socketPath` to run `operation` with `input`; its progress lines go to
 * `say`, its answer is returned. Rejects with ControlRefused or ControlFailed.
 */
export function askControl(
  socketPath: string,
  operation: string,
  input: unknown,
  say: (line: string) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      outcome();
    };
    socket.once("error", (error) =>
      settle(() => reject(new ControlFailed(`The control socket ${socketPath}: ${error.message}`))),
    );
    socket.once("connect", () => socket.write(`${JSON.stringify({ operation, input })}\n`));
    const lines = createInterface({ input: socket });
    lines.on("line", (line) => {
      const message = parse(line);
      if (!message) {
        settle(() => reject(new ControlFailed("The running Poort answered something unreadable.")));
      } else if ("say" in message) {
        say(message.say);
      } else if ("done" in message) {
        settle(() => resolve(message.done));
      } else if ("refused" in message) {
        settle(() => reject(new ControlRefused(message.refused)));
      } else {
        settle(() => reject(new ControlFailed(message.failed)));
      }
    });
    lines.once("close", () =>
      settle(() =>
        reject(new ControlFailed("The running Poort closed the connection before it answered.")),
      ),
    );
  });
}

function parse(line: string): ControlMessage | undefined {
  try {
    const parsed = controlMessageSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
