import pino, { type Logger } from "pino";
import type { Config } from "./config.ts";

/** Structured JSON logs; secrets in headers never reach them. */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
      censor: "[redacted]",
    },
  });
}
