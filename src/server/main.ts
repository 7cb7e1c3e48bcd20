import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { startControlChannel } from "./control-operations.ts";
import { seedDemo } from "./demo/seed-demo.ts";
import { createLogger } from "./logger.ts";
import { listenerTls } from "./modules/certificates/listener-tls.ts";
import { buildMtlsApp } from "./mtls-app.ts";
import { type MetricsListener, startMetricsListener } from "./platform/metrics/metrics-endpoint.ts";
import { createServices, warnWhenUploadsUnscanned } from "./services.ts";

/** How long in-flight requests and running jobs get to finish, after the drain, before exit. */
const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  warnWhenUploadsUnscanned(config, logger);
  const services = await createServices(config, logger);
  if (config.seedDemo) {
    const applied = await seedDemo(services);
    if (applied.length > 0) logger.info({ steps: applied }, "demo data seeded");
  }
  // The CLI's way into this process (`poort backup`), before any request can change data.
  const control = await startControlChannel(services);
  const app = await buildApp(services);
  const mtls = await buildMtlsApp(
    services,
    await listenerTls(config, services.authorities, services.clock),
  );
  // The signals are handled from before the first listen: a SIGTERM (a rolling restart) that
  // came between the listen and the handler would kill a process that already took requests.
  let metricsListener: MetricsListener | undefined;
  const listening = (async () => {
    await app.listen({ host: config.host, port: config.port });
    await mtls.listen({ host: config.host, port: config.mtls.port });
    if (config.metrics.port !== undefined) {
      metricsListener = await startMetricsListener({
        metrics: services.metrics,
        host: config.metrics.host,
        port: config.metrics.port,
        logger,
      });
    }
  })();

  let stopping = false;
  /**
   * Under a balancer: first fail /ready while still serving (the drain), so that the traffic
   * moves elsewhere; then stop accepting, let the requests in flight finish (Fastify closes
   * each keep-alive connection after its answer and refuses requests sent on one meanwhile with
   * 503) and the running jobs end, and exit. The job runner claims nothing new from the start.
   */
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await listening.catch(() => {});
    logger.info({ signal, drainMs: config.shutdownDrainMs }, "shutting down: draining");
    services.readiness.drain([app.server, mtls.server]);
    const jobsStopped = services.jobs.stop();
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    logger.info("shutting down: no new connections; finishing requests and jobs");
    const forced = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    // The metrics listener serves through the drain, so the scrapes show the instance winding down.
    await Promise.all([
      app.close(),
      mtls.close(),
      metricsListener?.close(),
      jobsStopped,
      control?.close(),
    ]);
    await services.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));

  await listening;
  if (stopping) return;
  if (config.jobs.enabled) services.jobs.start();
  logger.info(
    {
      url: config.publicUrl,
      selfService: `${config.mtls.publicUrl}/selfservice/certificate`,
      database: services.database.kind,
      mailbox: config.devOutboxEnabled ? `${config.publicUrl}/dev/mailbox` : undefined,
      metrics: metricsListener
        ? `http://${config.metrics.host}:${metricsListener.port}/metrics`
        : undefined,
    },
    "Poort is ready",
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Poort could not start:", error);
  }
  process.exit(1);
});
