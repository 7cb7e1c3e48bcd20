import path from "node:path";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { registerPasswordResets } from "./modules/accounts/activation.ts";
import { registerMembershipMails } from "./modules/accounts/invitations.ts";
import { scheduleOverdueReminders } from "./modules/actions/overdue-reminders.ts";
import { AuthorityStore } from "./modules/certificates/authority.ts";
import { measureCertificates } from "./modules/certificates/certificate-metrics.ts";
import { certificatesDeps } from "./modules/certificates/deps.ts";
import { scheduleExpiryReminders } from "./modules/certificates/expiry-reminders.ts";
import { notifyServicedeskOfBounce } from "./modules/certificates/office-bounces.ts";
import { scheduleOcspRenewal } from "./modules/certificates/presigned-ocsp-responses.ts";
import { scheduleRevocationRounds } from "./modules/certificates/revocation.ts";
import { registerDataExports } from "./modules/data-export/data-exports.ts";
import { dataExportDeps } from "./modules/data-export/deps.ts";
import { scheduleDraftAttachmentsSweep } from "./modules/documents/message-attachments.ts";
import { scheduleStrayUploadsSweep } from "./modules/documents/stray-uploads.ts";
import { Readiness } from "./modules/health/readiness.ts";
import { scheduleRenewalReminders } from "./modules/means/renewal-reminders.ts";
import { scheduleApplicationsUpkeep } from "./modules/means-applications/abandon-applications.ts";
import { eherkenningDeps } from "./modules/means-applications/deps.ts";
import { registerNotices } from "./modules/notifications/send-notices.ts";
import { registerWebhookDeliveries } from "./modules/office-events/deliver-webhooks.ts";
import { officeEventsDeps } from "./modules/office-events/deps.ts";
import { scheduleExpiredUploadsPurge } from "./modules/portal/expired-uploads.ts";
import { ResumableUploadStore } from "./modules/portal/resumable-upload-store.ts";
import { portalEherkenningDeps } from "./modules/portal-eherkenning/deps.ts";
import { registerLinkApprovals } from "./modules/portal-eherkenning/links.ts";
import { keepPortalRegisteredAtOwnIdp } from "./modules/portal-eherkenning/own-idp.ts";
import { starterLibrary } from "./modules/questionnaires/starter-library/starter-library.ts";
import { seedStarterLibrary } from "./modules/questionnaires/templates.ts";
import { scheduleRetention } from "./modules/retention/retention-jobs.ts";
import { catalogueDeps } from "./modules/service-catalogue/deps.ts";
import { registerOfficePortalServices } from "./modules/service-catalogue/office-portal-services.ts";
import { PausableDeletions } from "./platform/backup/pausable-deletions.ts";
import type { BlobStore } from "./platform/blobs/blob-store.ts";
import { objectStoreOf, openFileStorage } from "./platform/blobs/file-storage.ts";
import { type Clock, MINUTE, OffsetClock, systemClock } from "./platform/clock.ts";
import { type DatabaseHandle, openDatabase } from "./platform/db/database.ts";
import { migrateDatabase } from "./platform/db/migrate.ts";
import { createVirusScanner, type VirusScanner } from "./platform/files/virus-scanner.ts";
import { measureJobQueue } from "./platform/jobs/job-metrics.ts";
import { JobRunner } from "./platform/jobs/job-runner.ts";
import { scheduleFinishedJobsPurge } from "./platform/jobs/purge-finished-jobs.ts";
import { measureMailQueue } from "./platform/mail/mail-metrics.ts";
import type { MailTransport } from "./platform/mail/mail-transport.ts";
import { Mailer } from "./platform/mail/mailer.ts";
import { scheduleOrphanedAttachmentsSweep } from "./platform/mail/orphaned-attachments.ts";
import { outboxTransport } from "./platform/mail/outbox-transport.ts";
import { createSmtpTransport } from "./platform/mail/smtp-transport.ts";
import { measureDatabasePool } from "./platform/metrics/database-metrics.ts";
import { Metrics } from "./platform/metrics/metrics.ts";
import { scheduleRateLimitPurge } from "./platform/security/rate-limit-purge.ts";
import { loadSecretKey, SecretBox } from "./platform/security/secret-box.ts";
import { createCmSmsGateway } from "./platform/sms/cm-sms-gateway.ts";
import { outboxSmsGateway, type SmsGateway } from "./platform/sms/sms-gateway.ts";
import { measureSmsQueue } from "./platform/sms/sms-metrics.ts";
import { SmsSender } from "./platform/sms/sms-sender.ts";

/** The platform services one Poort process runs on, wired from the configuration. */
export interface Services {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** The same clock, movable ahead of real time: outside production only. */
  devClock: OffsetClock | undefined;
  database: DatabaseHandle;
  blobs: BlobStore;
  /** tus uploads in progress, which any instance can continue. */
  resumableUploads: ResumableUploadStore;
  /** The mailer's own store of attachment bytes (read by the dev outbox). */
  mailAttachments: BlobStore;
  /** Clients' prepared data exports (issue 19). */
  dataExports: BlobStore;
  /** The object store under all three, whose deletions a backup holds back (ADR 0021). */
  objectDeletions: PausableDeletions;
  mailer: Mailer;
  sms: SmsSender;
  secrets: SecretBox;
  scanner: VirusScanner;
  authorities: AuthorityStore;
  jobs: JobRunner;
  /** Whether this instance wants new requests: no longer once it is asked to stop. */
  readiness: Readiness;
  /** This process's Prometheus metrics (its own registry). */
  metrics: Metrics;
  close(): Promise<void>;
}

/** Tests pass their own clock and an already migrated database, which they close themselves. */
export interface ServiceOverrides {
  clock?: Clock;
  database?: DatabaseHandle;
}

export async function createServices(
  config: Config,
  logger: Logger,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const baseClock = overrides.clock ?? systemClock;
  const devClock =
    config.devClockOffsetMs === undefined
      ? undefined
      : new OffsetClock(baseClock, config.devClockOffsetMs);
  const clock = devClock ?? baseClock;
  const database = overrides.database ?? (await openMigratedDatabase(config));
  const metrics = new Metrics(
    config.metrics.port !== undefined || config.metrics.token !== undefined,
  );
  measureDatabasePool(metrics, database);
  measureMailQueue(metrics, database.db);
  measureSmsQueue(metrics, database.db);

  // Every stored file goes through one object store, whose deletions a backup can hold back.
  const objectDeletions = new PausableDeletions(objectStoreOf(config), (key, error) =>
    logger.error({ err: error, key }, "deleting a stored file after a backup failed"),
  );
  const { blobs, mailAttachments, uploadParts, dataExports } = await openFileStorage(
    config,
    database.db,
    clock,
    objectDeletions,
  );
  const smtp = config.smtpUrl ? createSmtpTransport(config.smtpUrl) : undefined;
  const transport: MailTransport = smtp ?? outboxTransport;
  const gateway: SmsGateway =
    config.sms.provider === "cm" ? createCmSmsGateway(config.sms) : outboxSmsGateway;

  const mailer = new Mailer({
    clock,
    attachments: mailAttachments,
    transport,
    from: config.mailFrom,
    metrics,
  });
  const sms = new SmsSender({ clock, gateway, metrics });
  const secrets = new SecretBox(
    await loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir }),
  );
  const jobs = new JobRunner({
    db: database.db,
    clock,
    logger: logger.child({ component: "jobs" }),
    pollMs: config.jobs.pollMs,
    metrics,
  });
  measureJobQueue(metrics, { db: database.db, clock, handledJobNames: () => jobs.handledJobNames });
  mailer.registerDelivery(jobs);
  sms.registerDelivery(jobs);
  registerPasswordResets(jobs, { clock, mailer, publicUrl: config.publicUrl });
  registerMembershipMails(jobs, { clock, mailer, publicUrl: config.publicUrl });
  await registerNotices(jobs, {
    clock,
    mailer,
    publicUrl: config.publicUrl,
    bundleMs: config.notifyBundleMinutes * MINUTE,
  });
  registerWebhookDeliveries(jobs, officeEventsDeps({ database, clock, secrets, config }));
  await scheduleRetention(jobs, {
    db: database.db,
    clock,
    blobs,
    mailer,
    ...config.accountRetention,
  });
  const authorities = new AuthorityStore({
    db: database.db,
    clock,
    secrets,
    config,
    organisationName: config.organisation.name,
  });
  const certificates = certificatesDeps({
    database,
    clock,
    mailer,
    sms,
    secrets,
    authorities,
    config,
  });
  mailer.whenRejected((db, mail) => notifyServicedeskOfBounce(certificates, db, mail));
  measureCertificates(metrics, certificates);
  await scheduleExpiryReminders(jobs, certificates);
  await scheduleRevocationRounds(jobs, certificates);
  await scheduleOcspRenewal(jobs, certificates);
  const uploadDir = path.join(config.dataDir, "uploads");
  const resumableUploads = new ResumableUploadStore({
    db: database.db,
    clock,
    parts: uploadParts,
  });
  await scheduleExpiredUploadsPurge(jobs, resumableUploads);
  await scheduleStrayUploadsSweep(jobs, { uploadDir, clock });
  await scheduleDraftAttachmentsSweep(jobs, { db: database.db, clock, blobs });
  await scheduleOverdueReminders(jobs, { db: database.db, clock });
  // The starter library ships with Poort: every deployment has it, and a newer release's
  // changes arrive as new versions (what offices copied stays theirs).
  await seedStarterLibrary(database.db, clock, starterLibrary);
  // Every office's client portal is a service in the eHerkenning catalogue; this registers the
  // offices added since the last start (the CLI registers its own at once).
  await registerOfficePortalServices(catalogueDeps({ database, clock, config }));
  // Company clients log in to the portal with eHerkenning: the approval mails of first logins,
  // and (with Poort's own IdP) the portal registered there with every office's portal service.
  const portalEherkenning = portalEherkenningDeps({ database, clock, secrets, mailer, config });
  registerLinkApprovals(jobs, portalEherkenning);
  await keepPortalRegisteredAtOwnIdp(portalEherkenning);
  await scheduleRateLimitPurge(jobs, clock);
  await scheduleFinishedJobsPurge(jobs, clock);
  await scheduleOrphanedAttachmentsSweep(jobs, { store: mailAttachments, clock });
  const scanner = createVirusScanner(config.clamavUrl);
  // Clients' data exports: prepared, then deleted a week after they are ready.
  registerDataExports(
    jobs,
    dataExportDeps({
      database,
      clock,
      mailer,
      sms,
      secrets,
      blobs,
      scanner,
      dataExports,
      config,
      metrics,
    }),
  );
  // eHerkenning: lapsed applications and the erasure after the retention period (03:30), and
  // the authorizations' renewal reminders (08:00).
  const eherkenning = eherkenningDeps({
    database,
    clock,
    mailer,
    sms,
    secrets,
    blobs,
    scanner,
    jobs,
    metrics,
    config,
  });
  await scheduleApplicationsUpkeep(jobs, eherkenning);
  await scheduleRenewalReminders(jobs, eherkenning);

  return {
    config,
    logger,
    clock,
    devClock,
    database,
    blobs,
    mailAttachments,
    dataExports,
    objectDeletions,
    resumableUploads,
    mailer,
    sms,
    secrets,
    scanner,
    authorities,
    jobs,
    readiness: new Readiness(),
    metrics,
    async close() {
      await jobs.stop();
      smtp?.close();
      if (!overrides.database) await database.close();
    },
  };
}

const unscannedBecause: Record<NonNullable<Config["unscannedUploads"]>, string> = {
  "switched-off": "UPLOAD_SCAN=off",
  embedded: "CLAMAV_URL is unset (embedded mode)",
};

/**
 * Unscanned uploads are a risk an operator must see at every start of the server, not only
 * once in the configuration: staff see "not scanned" per document, the log says why. (The
 * CLI, which takes no uploads, says nothing of it.)
 */
export function warnWhenUploadsUnscanned(config: Config, logger: Logger): void {
  if (!config.unscannedUploads) return;
  logger.warn(
    { uploadScan: "off", reason: config.unscannedUploads },
    `uploads are not scanned for viruses: ${unscannedBecause[config.unscannedUploads]}; documents are recorded as not scanned`,
  );
}

async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, "pglite"),
    poolSize: config.databasePoolSize,
  });
  await migrateDatabase(database);
  return database;
}
