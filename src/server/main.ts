import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { seedDemo } from "./demo/seed-demo.ts";
import { createLogger } from "./logger.ts";
import { listenerTls } from "./modules/certificates/listener-tls.ts";
import { buildMtlsApp } from "./mtls-app.ts";
import { createServices, warnWhenUploadsUnscanned } from "./services.ts";

/** How long in-flight requests and jobs get to finish when the process is asked to stop. */
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
  const app = await buildApp(services);
  await app.listen({ host: config.host, port: config.port });
  const mtls = await buildMtlsApp(
    services,
    await listenerTls(config, services.authorities, services.clock),
  );
  await mtls.listen({ host: config.host, port: config.mtls.port });
  if (config.jobs.enabled) services.jobs.start();
  logger.info(
    {
      url: config.publicUrl,
      selfService: `${config.mtls.publicUrl}/selfservice/certificate`,
      database: services.database.kind,
      mailbox: config.devOutboxEnabled ? `${config.publicUrl}/dev/mailbox` : undefined,
    },
    "Poort is ready",
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const forced = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    await Promise.all([app.close(), mtls.close()]);
    await services.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Poort could not start:", error);
  }
  process.exit(1);
});
