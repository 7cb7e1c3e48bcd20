import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { AppError } from "#src/server/errors.ts";
import { safeEqual } from "../security/random-secrets.ts";
import type { Metrics } from "./metrics.ts";

export const METRICS_PATH = "/metrics";

/**
 * `/metrics` on the main listener, for a Prometheus that reaches Poort only through its public
 * address: with the token as a bearer token (compared in constant time), or 401. Registered
 * only when a token is configured, so the main listener never shows its metrics to anyone.
 */
export function serveMetricsWithToken(
  app: FastifyInstance,
  options: { metrics: Metrics; token: string },
): void {
  const { metrics, token } = options;
  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!sent || !safeEqual(sent, token)) {
      reply.header("www-authenticate", 'Bearer realm="metrics"');
      throw new AppError("unauthenticated");
    }
    const exposition = await metrics.exposition();
    return reply.header("cache-control", "no-store").type(metrics.contentType).send(exposition);
  });
}

/** The metrics listener as it runs: where it listens, and how it stops. */
export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

/**
 * A listener of its own for the metrics, on an address that only the monitoring network reaches
 * (METRICS_HOST, by default 127.0.0.1): `GET /metrics`, and nothing else. Plain Node HTTP
 * rather than a Fastify app: it has one path, no sessions, no pages.
 */
export async function startMetricsListener(options: {
  metrics: Metrics;
  host: string;
  port: number;
  logger: Logger;
}): Promise<MetricsListener> {
  const { metrics, logger } = options;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "").split("?", 1)[0];
    if (path !== METRICS_PATH) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    metrics.exposition().then(
      (exposition) => {
        response.writeHead(200, {
          "content-type": metrics.contentType,
          "cache-control": "no-store",
        });
        response.end(request.method === "HEAD" ? undefined : exposition);
      },
      (error: unknown) => {
        logger.error({ err: error }, "metrics could not be collected");
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        response.end("metrics could not be collected\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A scraper keeps its connection open between scrapes: idle ones go at once.
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
