import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Metrics } from "./metrics.ts";

/** The route label of a request no route took (a 404, a refused URL): never the URL itself. */
export const UNMATCHED_ROUTE = "unmatched";

type Labels = "listener" | "method" | "route" | "status_code";

/**
 * Buckets from 5 ms to 30 s: page and API answers take milliseconds, uploads and downloads of
 * large files seconds.
 */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface Series {
  count(): void;
  observe(seconds: number): void;
}

/**
 * Counts every request a listener answers and how long it took, by route pattern
 * (`/api/office/dossiers/:dossierId`, never the id in it), method and status. The work per
 * request is one hook at the end: Fastify measured the time already (`reply.elapsedTime`), and
 * the labelled series are looked up from a map rather than made anew for each request.
 */
export function measureRequests(
  app: FastifyInstance,
  metrics: Metrics,
  listener: "web" | "mtls",
): void {
  const requests = metrics.counter<Labels>({
    name: "poort_http_requests_total",
    help: "HTTP requests answered, by listener, method, route pattern and status code",
    labelNames: ["listener", "method", "route", "status_code"],
  });
  const durations = metrics.histogram<Labels>({
    name: "poort_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its answer, in seconds",
    labelNames: ["listener", "method", "route", "status_code"],
    buckets: DURATION_BUCKETS,
  });
  const series = new Map<string, Series>();
  const seriesOf = (method: string, route: string, status: number): Series => {
    const key = `${status} ${method} ${route}`;
    let found = series.get(key);
    if (!found) {
      const labels = { listener, method, route, status_code: String(status) };
      const counter = requests.labels(labels);
      const histogram = durations.labels(labels);
      found = { count: () => counter.inc(), observe: (seconds) => histogram.observe(seconds) };
      series.set(key, found);
    }
    return found;
  };
  app.addHook("onResponse", async (request: FastifyRequest, reply: FastifyReply) => {
    const measured = seriesOf(
      request.method,
      request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE),
      reply.statusCode,
    );
    measured.count();
    measured.observe(reply.elapsedTime / 1000);
  });
}
