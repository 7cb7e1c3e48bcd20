import path from "node:path";
import { z } from "zod";

/**
 * The local operator control channel (ADR 0021): a Unix domain socket in a folder of DATA_DIR
 * that only the service account may enter, served by a running Poort. The CLI asks it for
 * named operations that must run inside the process holding the embedded database.
 *
 * One request per connection, one JSON object per line: the CLI writes a request, the server
 * answers with any number of `say` lines (progress for the operator) and then one `done`,
 * `refused` or `failed`, and closes the connection.
 */
export function controlSocketPath(dataDir: string): string {
  return path.join(controlFolderOf(dataDir), "poort.sock");
}

/** The folder of the socket: mode 0700, so nobody but the owner can even reach the socket. */
export function controlFolderOf(dataDir: string): string {
  return path.join(dataDir, "control");
}

/**
 * The longest path a Unix socket can have (`sun_path` holds 108 bytes on Linux, 104 on macOS,
 * with the closing NUL).
 */
export const SOCKET_PATH_MAX_BYTES = 103;

/** A request is small (an operation's name and a few options); more is refused unread. */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** The operation every control server has: whether a Poort answers, and which. */
export const HELLO = "hello";

export const helloAnswerSchema = z.object({ pid: z.number().int(), version: z.string() });
export type HelloAnswer = z.infer<typeof helloAnswerSchema>;

export const controlRequestSchema = z.object({
  operation: z.string().min(1).max(100),
  input: z.unknown(),
});
export type ControlRequest = z.infer<typeof controlRequestSchema>;

export const controlMessageSchema = z.union([
  z.strictObject({ say: z.string() }),
  z.strictObject({ done: z.json() }),
  /** The operation would not run, for a reason the operator can act on; nothing was changed. */
  z.strictObject({ refused: z.string() }),
  /** The operation broke off; the server's log has the details. */
  z.strictObject({ failed: z.string() }),
]);
export type ControlMessage = z.infer<typeof controlMessageSchema>;

/** What an operation answers: plain JSON. */
export type ControlAnswer = z.infer<ReturnType<typeof z.json>>;
