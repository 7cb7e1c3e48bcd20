import type { Readable } from "node:stream";
import { ZipFile } from "yazl";
import { z } from "zod";
import type { DataExport, DataExportOverview } from "#src/contracts/data-export.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { BlobNotFoundError } from "#src/server/platform/blobs/blob-store.ts";
import { DAY, HOUR } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { formatMoment } from "../accounts/activation.ts";
import type { RequestOrigin } from "../accounts/deps.ts";
import { ownClientMemberships } from "../accounts/own-data.ts";
import { auditActor, type ClientActor } from "../accounts/request-actors.ts";

type AccountRow = ClientActor["account"];

import { planArchive } from "./archive-contents.ts";
import type { DataExportDeps } from "./deps.ts";
import { dataExportReadyMail } from "./mails.ts";
import { readmeName, readmeText } from "./readme.ts";
import {
  countExportsSince,
  type DataExportRow,
  findLatestExport,
  findOwnExport,
  insertDataExport,
  unscopedFindExport,
  updateExport,
} from "./repository.ts";

/**
 * "Mijn gegevens downloaden" (GDPR right of access, issue 19; ADR 0024): a client login asks,
 * a job writes one ZIP archive of everything Poort holds about it into the sealed
 * `data-exports` store and mails that it is ready, the login downloads it from "Mijn gegevens"
 * for a week, and a job then deletes it.
 */

/** How long a prepared archive can be downloaded. */
export const EXPORT_LIFETIME_MS = 7 * DAY;
/** Requests per login in 24 hours: preparing an archive reads every file the login sees. */
export const EXPORTS_PER_DAY = 3;

const prepareJob = defineJobType({
  name: "data-export.prepare",
  payload: z.object({ exportId: z.uuid() }),
  maxAttempts: 3,
  retryDelayMs: 60_000,
  // Streaming a client's every document may take a while; another worker waits this long.
  lockMs: HOUR,
  maxRunningPerWorker: 1,
});

const expireJob = defineJobType({
  name: "data-export.expire",
  payload: z.object({ exportId: z.uuid(), blobKey: z.string() }),
  maxAttempts: 10,
});

/** A ready archive past its week is expired for the login, even before the job deleted it. */
function toDataExport(row: DataExportRow, now: Date): DataExport {
  const lapsed = row.status === "ready" && row.expiresAt !== null && row.expiresAt <= now;
  return {
    id: row.id,
    state: lapsed ? "expired" : row.status,
    requestedAt: row.requestedAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    size: row.size,
  };
}

const dayAgo = (deps: Pick<DataExportDeps, "clock">) => new Date(deps.clock.now().getTime() - DAY);

/** The login's newest export and how many more it may ask for today. */
export async function dataExportOverview(
  deps: DataExportDeps,
  account: AccountRow,
): Promise<DataExportOverview> {
  const [latest, recent] = await Promise.all([
    findLatestExport(deps.db, account.id),
    countExportsSince(deps.db, account.id, dayAgo(deps)),
  ]);
  return {
    latest: latest ? toDataExport(latest, deps.clock.now()) : null,
    requestsLeftToday: Math.max(0, EXPORTS_PER_DAY - recent),
  };
}

/**
 * A new export for the login: refused while one is being prepared (409) and past the daily
 * limit (429). The request, its job and its audit event are one transaction; the partial
 * unique index catches two requests at the same moment.
 */
export async function requestDataExport(
  deps: DataExportDeps,
  account: AccountRow,
  origin: RequestOrigin,
): Promise<DataExport> {
  return deps.db.transaction(async (tx) => {
    const latest = await findLatestExport(tx, account.id);
    if (latest && (latest.status === "requested" || latest.status === "preparing")) {
      throw new AppError("data_export_in_progress");
    }
    if ((await countExportsSince(tx, account.id, dayAgo(deps))) >= EXPORTS_PER_DAY) {
      throw new AppError("data_export_limit");
    }
    const row = await insertDataExport(tx, {
      accountId: account.id,
      status: "requested",
      requestedAt: deps.clock.now(),
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError("data_export_in_progress") : error;
    });
    await enqueueJob(tx, deps.clock, prepareJob, { exportId: row.id });
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(account),
      action: "data-export.requested",
      subject: { type: "account", id: account.id },
      ip: origin.ip,
      details: { exportId: row.id },
    });
    return toDataExport(row, deps.clock.now());
  });
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * The login's own ready archive, to download: audited, then streamed from the sealed store.
 * Another login's export, an expired one, or one not ready: not found.
 */
export async function openDataExport(
  deps: DataExportDeps,
  account: AccountRow,
  exportId: string,
  origin: RequestOrigin,
): Promise<{ content: Readable; size: number; fileName: string }> {
  const row = await findOwnExport(deps.db, account.id, exportId);
  const now = deps.clock.now();
  if (row?.status !== "ready" || !row.blobKey || !row.expiresAt || row.expiresAt <= now) {
    throw new AppError("not_found");
  }
  const content = await deps.archives.get(row.blobKey);
  await recordAuditEvent(deps.db, deps.clock, {
    actor: auditActor(account),
    action: "data-export.downloaded",
    subject: { type: "account", id: account.id },
    ip: origin.ip,
    details: { exportId: row.id, size: row.size },
  });
  const day = row.requestedAt.toISOString().slice(0, 10);
  const fileName = `${account.locale === "nl" ? "mijn-gegevens-poort" : "my-data-poort"}-${day}.zip`;
  return { content, size: row.size ?? 0, fileName };
}

/** The ZIP archive of the plan, as a stream: documents are read from the store one by one. */
function writeArchive(
  deps: DataExportDeps,
  plan: Awaited<ReturnType<typeof planArchive>>,
  readme: { name: string; text: string },
  at: Date,
): Readable {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(readme.text, "utf8"), readme.name, { mtime: at });
  for (const { path, value } of plan.json) {
    zip.addBuffer(Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8"), path, { mtime: at });
  }
  for (const file of plan.files) {
    // Documents are mostly compressed already (PDF, JPEG): stored as they are, and opened
    // only when the archive reaches them, so one file at a time streams through.
    zip.addReadStreamLazy(
      file.path,
      { mtime: file.date, compress: false, size: file.size },
      (done) => {
        deps.documents.blobs.get(file.blobKey).then(
          (stream) => done(null, stream),
          (error: unknown) => done(error, undefined as unknown as NodeJS.ReadableStream),
        );
      },
    );
  }
  zip.end();
  return zip.outputStream as Readable;
}

/** Prepares an export: the archive into the sealed store, then ready, mailed and audited. */
async function prepareExport(deps: DataExportDeps, exportId: string, db: Database) {
  const row = await unscopedFindExport(db, exportId);
  if (!row || (row.status !== "requested" && row.status !== "preparing")) return;
  await updateExport(db, row.id, { status: "preparing" });
  const own = await ownClientMemberships(db, row.accountId);
  if (!own) {
    await updateExport(db, row.id, { status: "failed" });
    return;
  }
  const { account, memberships } = own;
  const at = deps.clock.now();
  const plan = await planArchive(deps, account, memberships, account.locale);
  const readme = {
    name: readmeName[account.locale],
    text: readmeText(account.locale, {
      name: account.name,
      email: account.email,
      at,
      summary: plan.summary,
    }),
  };
  const stored = await deps.archives.put(writeArchive(deps, plan, readme, at));
  const expiresAt = new Date(deps.clock.now().getTime() + EXPORT_LIFETIME_MS);
  try {
    await db.transaction(async (tx) => {
      await updateExport(tx, row.id, {
        status: "ready",
        readyAt: deps.clock.now(),
        expiresAt,
        blobKey: stored.key,
        size: stored.size,
      });
      await enqueueJob(
        tx,
        deps.clock,
        expireJob,
        { exportId: row.id, blobKey: stored.key },
        { runAt: expiresAt, singletonKey: `data-export.expire:${row.id}` },
      );
      await deps.mailer.queue(tx, {
        to: account.email,
        locale: account.locale,
        template: dataExportReadyMail,
        data: {
          name: account.name,
          until: formatMoment(expiresAt, account.locale),
          url: `${deps.publicUrl}/portal/mijn-gegevens`,
        },
      });
      await recordAuditEvent(tx, deps.clock, {
        actor: { type: "system" },
        action: "data-export.prepared",
        subject: { type: "account", id: account.id },
        details: { exportId: row.id, size: stored.size, files: plan.files.length },
      });
    });
  } catch (error) {
    // Nothing points at the archive: it goes, and the job's next attempt writes a new one.
    await deps.archives.delete(stored.key);
    throw error;
  }
}

/** The export's week is over: its archive is deleted, the row stays as "expired". */
async function expireExport(deps: DataExportDeps, exportId: string, blobKey: string) {
  await deps.archives.delete(blobKey).catch((error: unknown) => {
    if (!(error instanceof BlobNotFoundError)) throw error;
  });
  await deps.db.transaction(async (tx) => {
    const row = await unscopedFindExport(tx, exportId);
    if (!row) return;
    await updateExport(tx, exportId, { status: "expired", blobKey: null });
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "data-export.deleted",
      subject: { type: "account", id: row.accountId },
      details: { exportId },
    });
  });
}

/** The export's jobs: preparing (a failed last attempt marks it failed) and expiring. */
export function registerDataExports(jobs: JobRunner, deps: DataExportDeps): void {
  jobs.handle(prepareJob, async ({ exportId }, context) => {
    try {
      await prepareExport(deps, exportId, context.db);
    } catch (error) {
      if (context.isLastAttempt) await updateExport(context.db, exportId, { status: "failed" });
      throw error;
    }
  });
  jobs.handle(expireJob, ({ exportId, blobKey }) => expireExport(deps, exportId, blobKey));
}
