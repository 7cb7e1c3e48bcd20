import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";
import { startMetricsListener } from "#src/server/platform/metrics/metrics-endpoint.ts";
import {
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
  logInToPortal,
} from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import {
  createServicedeskStaff,
  issueByServicedesk,
  type MtlsListener,
  mtlsRequest,
  startMtlsListener,
} from "#test/support/certificates.ts";
import { addDocument, clientIdNamed, startUpload } from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

const TOKEN = "metrics-token-of-the-monitoring-0123456789";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (the lines that are not comments). */
function samplesOf(exposition: string): Sample[] {
  return exposition
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const [, name = "", labelText = "", value = ""] = match;
      const labels = Object.fromEntries(
        [...labelText.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map(
          ([, key = "", labelValue = ""]) => [key, labelValue],
        ),
      );
      return { name, labels, value: Number(value) };
    });
}

/** The value of the one sample of that name with (at least) those labels; undefined: none. */
function sampleValue(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const found = matching(samples, name, labels);
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match`);
  return found[0]?.value;
}

/** The sum over the samples of that name with those labels (0: none). */
function sumOf(samples: Sample[], name: string, labels: Record<string, string>): number {
  return matching(samples, name, labels).reduce((sum, sample) => sum + sample.value, 0);
}

function matching(samples: Sample[], name: string, labels: Record<string, string>): Sample[] {
  return samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
}

const reminderMail: MailTemplate<Record<string, never>> = {
  name: "metrics-test.reminder",
  compose: {
    nl: () => ({ subject: "Herinnering", greeting: "Beste Jan,", blocks: [], closing: ["Poort"] }),
    en: () => ({ subject: "Reminder", greeting: "Dear Jan,", blocks: [], closing: ["Poort"] }),
  },
};

/** The requests no route took (a 404 on the main listener). */
const unmatchedGets = { listener: "web", method: "GET", route: "unmatched", status_code: "404" };

const failingJob = defineJobType({
  name: "metrics-test.fails",
  payload: z.object({}),
  maxAttempts: 1,
  retryDelayMs: 1000,
  lockMs: 60_000,
});

/**
 * The Prometheus metrics (issue 19) after some traffic, as an operator's Prometheus scrapes
 * them: per route pattern (never an id), the job queue and its failures, mails, uploads refused
 * by reason, certificates, the database pool; behind the token on the main listener, and on a
 * listener of their own.
 */
describe.each(testDatabaseKinds)("metrics, on %s", (kind) => {
  let subject: TestApp;
  let staff: ApiClient;
  let dossierId: string;
  let mtls: MtlsListener;

  const scrape = async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    return { body: response.body, samples: samplesOf(response.body) };
  };

  beforeAll(async () => {
    subject = await createTestApp(kind, { METRICS_TOKEN: TOKEN });
    const office = await createTestOffice(subject, "Kantoor Metrics");
    staff = await createOfficeStaff(subject, office.id, "sara@metrics.nl");
    await createActiveClient(subject, office.id, "jan@metrics.nl");
    const janId = await clientIdNamed(staff, "Jan Jansen");
    const handler = (await staff.get("/api/office/dossier-options")).json().handlers[0].id;
    dossierId = (
      await staff.post("/api/office/dossiers", {
        number: "2026.0100",
        description: "Levering",
        clientIds: [janId],
        handlerId: handler,
      })
    ).json().id;
    const servicedesk = await createServicedeskStaff(subject, "noor@knb.nl");
    await issueByServicedesk(servicedesk, office.id);
    mtls = await startMtlsListener(subject);
  });
  afterAll(async () => {
    await mtls?.close();
    await subject?.close();
  });

  it("refuses a scrape on the main listener without the token, or with another", async () => {
    const without = await subject.app.inject({ method: "GET", url: "/metrics" });
    expect(without.statusCode).toBe(401);
    expect(without.headers["www-authenticate"]).toContain("Bearer");
    expect(without.body).not.toContain("poort_");
    const wrong = await subject.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN.replace("0", "1")}` },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain("poort_");
  });

  it("counts requests by route pattern, never by the id in the path", async () => {
    const otherId = randomUUID();
    expect((await staff.get(`/api/office/dossiers/${dossierId}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/office/dossiers/${otherId}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/no-such-thing/${otherId}`)).statusCode).toBe(404);
    expect((await staff.post("/api/office/dossiers", { number: "" })).statusCode).toBe(400);
    // Without an office certificate the office API refuses.
    const { status } = await mtlsRequest(mtls, "/api/office/v1/dossiers");
    expect(status).toBe(403);

    const { body, samples } = await scrape();
    expect(body).not.toContain(dossierId);
    expect(body).not.toContain(otherId);
    const dossier = { listener: "web", method: "GET", route: "/api/office/dossiers/:dossierId" };
    expect(
      sampleValue(samples, "poort_http_requests_total", { ...dossier, status_code: "200" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(samples, "poort_http_requests_total", { ...dossier, status_code: "404" }),
    ).toBe(1);
    expect(sampleValue(samples, "poort_http_requests_total", unmatchedGets)).toBe(1);
    expect(
      sampleValue(samples, "poort_http_requests_total", {
        listener: "web",
        method: "POST",
        route: "/api/office/dossiers",
        status_code: "400",
      }),
    ).toBe(1);
    expect(
      sampleValue(samples, "poort_http_request_duration_seconds_count", {
        ...dossier,
        status_code: "404",
      }),
    ).toBe(1);
    expect(
      sampleValue(samples, "poort_http_request_duration_seconds_bucket", {
        ...dossier,
        status_code: "404",
        le: "+Inf",
      }),
    ).toBe(1);
    const mtlsRequests = samples.filter(
      (sample) =>
        sample.name === "poort_http_requests_total" &&
        sample.labels.listener === "mtls" &&
        sample.labels.status_code === "403",
    );
    expect(mtlsRequests.map((sample) => sample.labels.route)).toEqual([
      expect.stringMatching(/^\/api\/office\/v1\//),
    ]);
  });

  it("shows the job queue per job name, and counts a failing job's failure", async () => {
    subject.services.jobs.handle(failingJob, async () => {
      throw new Error("the office's software did not answer");
    });
    await enqueueJob(subject.services.database.db, subject.clock, failingJob, {});
    subject.clock.advance(90_000);
    const before = await scrape();
    expect(
      sampleValue(before.samples, "poort_job_queue_depth", { job: failingJob.name, state: "due" }),
    ).toBe(1);
    expect(
      sampleValue(before.samples, "poort_job_oldest_due_age_seconds", { job: failingJob.name }),
    ).toBe(90);
    // A job this Poort handles with nothing queued shows too, at 0.
    expect(
      sampleValue(before.samples, "poort_job_queue_depth", { job: "sms.send", state: "due" }),
    ).toBe(0);

    await subject.services.jobs.runDueJobs();
    const after = await scrape();
    expect(
      sampleValue(after.samples, "poort_job_runs_total", {
        job: failingJob.name,
        outcome: "failed",
      }),
    ).toBe(1);
    expect(
      sampleValue(after.samples, "poort_job_duration_seconds_count", { job: failingJob.name }),
    ).toBe(1);
    expect(
      sampleValue(after.samples, "poort_job_queue_depth", { job: failingJob.name, state: "due" }),
    ).toBe(0);
    expect(
      sampleValue(after.samples, "poort_job_runs_total", {
        job: "mail.deliver",
        outcome: "completed",
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("counts mails queued and sent, and shows the mails waiting", async () => {
    const before = await scrape();
    const queuedBefore = sumOf(before.samples, "poort_mails_queued_total", {
      template: reminderMail.name,
    });
    const sentBefore = sampleValue(before.samples, "poort_mails_sent_total") ?? 0;
    await subject.services.mailer.queue(subject.services.database.db, {
      to: "jan@metrics.nl",
      locale: "nl",
      template: reminderMail,
      data: {},
    });
    const queued = await scrape();
    expect(sumOf(queued.samples, "poort_mails_queued_total", { template: reminderMail.name })).toBe(
      queuedBefore + 1,
    );
    expect(sampleValue(queued.samples, "poort_mail_queue_length")).toBe(1);
    expect(
      sampleValue(queued.samples, "poort_job_queue_depth", { job: "mail.deliver", state: "due" }),
    ).toBe(1);

    await subject.services.jobs.runDueJobs();
    const sent = await scrape();
    expect(sampleValue(sent.samples, "poort_mails_sent_total")).toBe(sentBefore + 1);
    expect(sampleValue(sent.samples, "poort_mail_queue_length")).toBe(0);
    expect(sampleValue(sent.samples, "poort_sms_queue_length")).toBe(0);
  });

  it("counts uploads refused by reason: a type not allowed, a size over the limit", async () => {
    const refused = await addDocument(staff, dossierId, {
      category: "documents",
      title: "Programma",
      name: "setup.exe",
      content: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2000, 1)]),
    });
    expect(refused.statusCode).toBe(415);
    const jan = await logInToPortal(subject, "jan@metrics.nl");
    const tooLarge = await startUpload(
      jan,
      dossierId,
      "groot.pdf",
      subject.services.config.uploads.maxFileBytes + 1,
    );
    expect(tooLarge.statusCode).toBe(413);

    const { samples } = await scrape();
    const refusals = (reason: string) =>
      sampleValue(samples, "poort_uploads_refused_total", { reason });
    expect(refusals("type_not_allowed")).toBe(1);
    expect(refusals("too_large")).toBe(1);
    expect(refusals("infected")).toBe(0);
    expect(refusals("scanner_unavailable")).toBe(0);
  });

  it("shows certificates by state and those expiring within 40 days, from the database", async () => {
    const now = await scrape();
    expect(sampleValue(now.samples, "poort_certificates", { state: "valid" })).toBe(1);
    expect(sampleValue(now.samples, "poort_certificates", { state: "revoked" })).toBe(0);
    expect(sampleValue(now.samples, "poort_certificates_expiring", { within_days: "40" })).toBe(0);
    // Valid for 730 days: 700 days on, it is within the window.
    subject.clock.advance(700 * 24 * 60 * 60_000);
    const later = await scrape();
    expect(sampleValue(later.samples, "poort_certificates_expiring", { within_days: "40" })).toBe(
      1,
    );
    subject.clock.advance(40 * 24 * 60 * 60_000);
    const expired = await scrape();
    expect(sampleValue(expired.samples, "poort_certificates", { state: "expired" })).toBe(1);
    expect(sampleValue(expired.samples, "poort_certificates", { state: "valid" })).toBe(0);
  });

  it("shows the database pool and the process's own metrics", async () => {
    const { samples } = await scrape();
    if (kind === "pglite") {
      expect(sampleValue(samples, "poort_db_pool_max_connections", { driver: "pglite" })).toBe(1);
    } else {
      expect(sampleValue(samples, "poort_db_pool_max_connections", { driver: "postgres" })).toBe(5);
      const open =
        (sampleValue(samples, "poort_db_pool_connections", { state: "idle" }) ?? 0) +
        (sampleValue(samples, "poort_db_pool_connections", { state: "in_use" }) ?? 0);
      expect(open).toBeGreaterThanOrEqual(1);
      expect(sampleValue(samples, "poort_db_pool_waiting_queries")).toBe(0);
    }
    expect(sampleValue(samples, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(sampleValue(samples, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });

  it("serves the same metrics on a listener of their own, without a token", async () => {
    const listener = await startMetricsListener({
      metrics: subject.services.metrics,
      host: "127.0.0.1",
      port: 0,
      logger: subject.services.logger,
    });
    try {
      const base = `http://127.0.0.1:${listener.port}`;
      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain");
      const samples = samplesOf(await response.text());
      expect(sampleValue(samples, "poort_http_requests_total", unmatchedGets)).toBe(1);
      expect((await fetch(`${base}/`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: "POST" })).status).toBe(405);
    } finally {
      await listener.close();
    }
  });
});

describe("metrics without a token", () => {
  it("are not served on the main listener at all", async () => {
    const subject = await createTestApp("pglite");
    try {
      const response = await subject.app.inject({
        method: "GET",
        url: "/metrics",
        headers: { authorization: `Bearer ${TOKEN}`, accept: "application/json" },
      });
      expect(response.statusCode).toBe(404);
    } finally {
      await subject.close();
    }
  });
});
