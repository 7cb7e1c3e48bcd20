import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { TLSSocket } from "node:tls";
import multipart from "@fastify/multipart";
import fastify, { type FastifyInstance } from "fastify";
import type pg from "pg";
import pino from "pino";
import { loadConfig } from "#src/server/config.ts";
import { demoPdf } from "#src/server/demo/demo-pdf.ts";
import { seedDemo } from "#src/server/demo/seed-demo.ts";
import { listenerTls } from "#src/server/modules/certificates/listener-tls.ts";
import { verifyOfficeCertificate } from "#src/server/modules/certificates/verify-office-certificate.ts";
import { buildMtlsApp } from "#src/server/mtls-app.ts";
import { createServices, type Services } from "#src/server/services.ts";
import { createOfficeApiClient } from "../sdk/office-api/client.ts";
import { measureLoad } from "./http-load.ts";
import { type BenchDatabase, withBenchDatabase } from "./poort-vs-bare.ts";
import { printTable, ratio } from "./report.ts";

const DATABASE = "poort_bench_office_api";
/** Keep-alive TLS connections of the load, each with the office certificate. */
const CONCURRENCY = 8;
const WARMUP_MS = 2_000;
const DURATION_MS = 10_000;
/** Dossiers the documents are published into, in turn. */
const DOSSIERS = 20;
/** Events in the office's feed, read a page of PAGE at a time from cursors in turn. */
const EVENTS = 10_000;
const PAGE = 100;

/**
 * The office API on the mTLS listener (issue 16), as the office's practice software uses it:
 * publishing documents (a small PDF uploaded and published in one multipart POST) and reading
 * the events feed a page at a time. Poort's mTLS app (`buildMtlsApp`: the certificate check,
 * the office's software actor, the per-certificate limit, validation, the audit of every call,
 * the upload checks, the document's transaction) runs in this process on PostgreSQL, next to a
 * bare HTTPS Fastify server in the same run on the same database with the same TLS settings
 * and the same certificate check per request (`verifyOfficeCertificate`: signed by our issuing
 * CA, within its validity, known and unrevoked in the database), which then does the plain work:
 * the file streamed to disk with its SHA-256 and its PDF signature checked, one INSERT; one
 * SELECT of the page. The load comes from a worker thread presenting the demo office's
 * certificate on every connection.
 */
export async function run(): Promise<void> {
  await withBenchDatabase(DATABASE, "PostgreSQL, like the other benches", async (database) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-bench-office-api-"));
    const config = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: database.databaseUrl,
      LOG_LEVEL: "silent",
      JOBS_ENABLED: "false",
      // One certificate from one address under load on purpose: the figures are about the
      // handlers, so neither its own limit nor the general one per address may answer 429.
      OFFICE_API_RATE_LIMIT: "1000000",
      API_RATE_LIMIT_PER_IP: "0",
    });
    const services = await createServices(config, pino({ level: "silent" }), {
      database: database.handle,
    });
    const servers: FastifyInstance[] = [];
    try {
      await seedDemo(services);
      const certificateDir = path.join(dataDir, "demo-certificate");
      const identity = {
        pfx: await readFile(path.join(certificateDir, "devriespartners.p12")),
        passphrase: (await readFile(path.join(certificateDir, "password.txt"), "utf8")).trim(),
        ca: await readFile(path.join(certificateDir, "ca-chain.pem"), "utf8"),
      };
      const tls = await listenerTls(config, services.authorities, services.clock);
      const poort = await buildMtlsApp(services, tls);
      servers.push(poort);
      const bare = bareServer(services, database.bare, tls, path.join(dataDir, "bare-blobs"));
      servers.push(bare);
      const poortUrl = await listen(poort);
      const bareUrl = await listen(bare);

      for (const [method, url] of [
        ["POST", "/api/office/v1/dossiers/:dossierId/documents"],
        ["GET", "/api/office/v1/events"],
      ] as const) {
        if (!poort.hasRoute({ method, url })) {
          throw new Error(`Poort's mTLS app has no ${method} ${url}: the office API changed`);
        }
      }

      const dossierIds = await createDossiers(poortUrl, identity);
      const officeId = await demoOfficeId(database);
      await seedEvents(database.bare, officeId, dossierIds);
      console.log(
        `Demo office De Vries & Partners with its certificate; ${DOSSIERS} new dossiers (no clients linked); ` +
          `${EVENTS.toLocaleString("en")} events in its feed.`,
      );

      const upload = multipartBody();
      const endpoints = [
        {
          name: "publish a document (upload + publish, 1 POST)",
          load: (base: string) => ({
            url: dossierIds.map((id) => `${base}/api/office/v1/dossiers/${id}/documents`),
            method: "POST" as const,
            body: upload.body,
            headers: { "content-type": upload.contentType },
            expectStatus: 201,
          }),
        },
        {
          name: `read events (GET /events, ${PAGE} a page)`,
          load: (base: string) => ({
            url: Array.from(
              { length: EVENTS / PAGE },
              (_, page) => `${base}/api/office/v1/events?after=${page * PAGE}&limit=${PAGE}`,
            ),
          }),
        },
      ];

      const rows: Array<Record<string, string | number>> = [];
      for (const endpoint of endpoints) {
        let baseline = 0;
        for (const [server, base] of [
          ["bare HTTPS Fastify + pg (baseline)", bareUrl],
          ["Poort mTLS listener", poortUrl],
        ] as const) {
          const measured = await measureLoad({
            ...endpoint.load(base),
            tls: identity,
            concurrency: CONCURRENCY,
            warmupMs: WARMUP_MS,
            durationMs: DURATION_MS,
          });
          baseline ||= measured.perSecond;
          rows.push({
            endpoint: endpoint.name,
            server,
            "req/s": Math.round(measured.perSecond),
            "p50 ms": measured.p50.toFixed(1),
            "p95 ms": measured.p95.toFixed(1),
            vs: ratio(measured.perSecond, baseline),
          });
        }
      }
      console.log(
        `${CONCURRENCY} keep-alive TLS connections with the office certificate, ${WARMUP_MS / 1000} s warm-up + ` +
          `${DURATION_MS / 1000} s each; a ${upload.pdfBytes.toLocaleString("en")}-byte PDF per upload; both servers check the ` +
          `client certificate per request with Poort's verifyOfficeCertificate (issuing CA signature, validity, ` +
          `unrevoked in the database); uploads unscanned on both (no clamd); "vs" is requests per second relative ` +
          `to the bare server (baseline).`,
      );
      printTable(rows);
    } finally {
      for (const server of servers) await server.close();
      await services.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}

// ── Setup ──────────────────────────────────────────────────────────────────────────────

interface Identity {
  pfx: Buffer;
  passphrase: string;
  ca: string;
}

/** New dossiers of the demo office, made through the office API with its typed client. */
async function createDossiers(baseUrl: string, identity: Identity): Promise<string[]> {
  const client = createOfficeApiClient({ baseUrl, ...identity });
  try {
    const ids: string[] = [];
    for (let n = 1; n <= DOSSIERS; n++) {
      const { data, error } = await client.POST("/api/office/v1/dossiers", {
        body: { number: `BENCH-${n}`, description: `Benchmark: publiceren ${n}` },
      });
      if (!data) throw new Error(`creating a dossier failed: ${JSON.stringify(error)}`);
      ids.push(data.id);
    }
    return ids;
  } finally {
    await client.close();
  }
}

async function demoOfficeId(database: BenchDatabase): Promise<string> {
  const { rows } = await database.bare.query<{ id: string }>(
    "SELECT id FROM offices WHERE debtor_number = '101234'",
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("the demo office 101234 is missing");
  return id;
}

/** The office's feed: messages received and uploads supplied, as clients would have caused. */
async function seedEvents(pool: pg.Pool, officeId: string, dossierIds: string[]): Promise<void> {
  await pool.query(
    `INSERT INTO office_events (office_id, type, occurred_at, dossier_id, client_id, data)
     SELECT $1, CASE WHEN n % 2 = 0 THEN 'message.received' ELSE 'upload.supplied' END,
            now() - make_interval(secs => $2 - n), ($3::uuid[])[1 + n % $4], gen_random_uuid(),
            CASE WHEN n % 2 = 0 THEN jsonb_build_object('messageId', gen_random_uuid()::text)
                 ELSE jsonb_build_object('documentId', gen_random_uuid()::text) END
     FROM generate_series(1, $2) n`,
    [officeId, EVENTS, dossierIds, dossierIds.length],
  );
}

/** One upload form as the practice software sends it: category, title, publish, the file. */
function multipartBody(): { body: Buffer; contentType: string; pdfBytes: number } {
  const boundary = `----poort-bench-${randomUUID()}`;
  const pdf = demoPdf("Conceptakte", ["Benchmark: een kleine PDF, gepubliceerd door de API."]);
  const field = (name: string, value: string) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(
      field("category", "correspondence") +
        field("title", "Conceptakte") +
        field("publish", "true") +
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="conceptakte.pdf"\r\n` +
        "content-type: application/pdf\r\n\r\n",
    ),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}`, pdfBytes: pdf.length };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `https://localhost:${port}`;
}

// ── The bare server ────────────────────────────────────────────────────────────────────

declare module "fastify" {
  interface FastifyRequest {
    benchOfficeId?: string;
  }
}

/**
 * HTTPS Fastify with the mTLS listener's TLS settings (any certificate in the handshake), the
 * same per-request check of the certificate, and the two routes done plainly with pg.
 */
function bareServer(
  services: Services,
  pool: pg.Pool,
  tls: Awaited<ReturnType<typeof listenerTls>>,
  blobDir: string,
): FastifyInstance {
  const app = fastify({ https: { ...tls, requestCert: true, rejectUnauthorized: false } });
  const verifying = {
    db: services.database.db,
    clock: services.clock,
    authorities: services.authorities,
  };
  app.decorateRequest("benchOfficeId", undefined);
  app.addHook("onRequest", async (request, reply) => {
    const der = (request.raw.socket as TLSSocket).getPeerCertificate(false)?.raw;
    const verdict = der ? await verifyOfficeCertificate(verifying, der) : undefined;
    if (verdict?.kind !== "valid") return reply.code(403).send({ error: "certificate" });
    request.benchOfficeId = verdict.certificate.officeId;
  });
  void app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });

  app.post<{ Params: { dossierId: string } }>(
    "/api/office/v1/dossiers/:dossierId/documents",
    async (request, reply) => {
      const officeId = request.benchOfficeId;
      const { rowCount } = await pool.query(
        "SELECT 1 FROM dossiers WHERE id = $1 AND office_id = $2",
        [request.params.dossierId, officeId],
      );
      if (!rowCount) return reply.code(404).send({ error: "not_found" });
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === "field") {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        await mkdir(blobDir, { recursive: true });
        const key = randomUUID();
        const file = path.join(blobDir, `${key}.part`);
        const hash = createHash("sha256");
        let size = 0;
        let head = Buffer.alloc(0);
        part.file.on("data", (chunk: Buffer) => {
          hash.update(chunk);
          size += chunk.length;
          if (head.length < 5) head = Buffer.concat([head, chunk]).subarray(0, 5);
        });
        await pipeline(part.file, createWriteStream(file));
        if (head.toString("latin1") !== "%PDF-") {
          await rm(file, { force: true });
          return reply.code(415).send({ error: "type" });
        }
        await rename(file, path.join(blobDir, key));
        const published = fields.publish !== "false";
        const { rows } = await pool.query(
          `INSERT INTO documents (office_id, dossier_id, category, title, file_name, content_type,
             size, sha256, blob_key, scan_status, state, published_at, added_by_name,
             added_by_kind, created_at)
           VALUES ($1, $2, $3, $4, $5, 'application/pdf', $6, $7, $8, 'not-scanned', $9, $10,
             'Praktijksoftware', 'staff', now())
           RETURNING id, created_at`,
          [
            officeId,
            request.params.dossierId,
            fields.category,
            fields.title,
            part.filename,
            size,
            hash.digest("hex"),
            key,
            published ? "published" : "draft",
            published ? new Date() : null,
          ],
        );
        return reply.code(201).send({
          id: rows[0].id,
          title: fields.title,
          category: fields.category,
          fileName: part.filename,
          size,
          state: published ? "published" : "draft",
          createdAt: rows[0].created_at,
        });
      }
      return reply.code(400).send({ error: "no file" });
    },
  );

  app.get<{ Querystring: { after?: string; limit?: string } }>(
    "/api/office/v1/events",
    async (request) => {
      const { rows } = await pool.query(
        `SELECT id, type, occurred_at, dossier_id, client_id, data FROM office_events
         WHERE office_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [request.benchOfficeId, request.query.after ?? "0", Number(request.query.limit ?? 50)],
      );
      const events = rows.map((row) => ({
        id: String(row.id),
        type: row.type,
        occurredAt: (row.occurred_at as Date).toISOString(),
        dossierId: row.dossier_id,
        clientId: row.client_id,
        data: row.data,
      }));
      return { events, next: events.at(-1)?.id ?? null };
    },
  );
  return app;
}
