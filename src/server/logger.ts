import pino, { type Logger } from "pino";
import type { Config } from "./config.ts";

/**
 * Structured JSON logs; secrets in headers never reach them. The server logs to stdout, where
 * its process manager collects them; a command-line tool passes stderr, so that its logs never
 * mix with the output a script reads.
 */
export function createLogger(
  config: Pick<Config, "logLevel">,
  destination: "stdout" | "stderr" = "stdout",
): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: {
        paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
        censor: "[redacted]",
      },
    },
    pino.destination(destination === "stdout" ? 1 : 2),
  );
}
