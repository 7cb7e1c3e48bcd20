import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { selfserviceApi } from "#src/contracts/api/selfservice.ts";
import type { App } from "#src/server/app.ts";
import { listenerTls } from "#src/server/modules/certificates/listener-tls.ts";
import { findCertificate } from "#src/server/modules/certificates/repository.ts";
import { buildMtlsApp } from "#src/server/mtls-app.ts";
import {
  createActiveClient,
  createActiveStaff,
  createOfficeStaff,
  createTestOffice,
  TEST_PASSWORD,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { createServicedeskStaff, issueByServicedesk } from "#test/support/certificates.ts";
import { addDocument, clientIdNamed, multipartBody, samplePdf } from "#test/support/dossiers.ts";
import { deliveryStatusNotification } from "#test/support/mail-bounces.ts";
import {
  describeRequest,
  type Example,
  type FuzzOptions,
  type FuzzRequest,
  type JsonSchema,
  type KnownValues,
  nameOf,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  problemWithAnswer,
  requestsFor,
} from "#test/support/openapi-fuzz.ts";
import { type DeliveredMail, deliveredMails } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * Every operation of the OpenAPI document, fed requests that are wrong in one way each (a bad
 * path parameter or query, a JSON body with one wrong value, a body that is no JSON or a form
 * or bounce spoilt): whatever comes in, the answer is never a 5xx and never shows a stack
 * trace. fast-check derives the requests from each operation's schema with a fixed seed, about
 * 2,000 per database; a failure names each failing operation with its smallest failing request.
 * Another seed: POORT_FUZZ_SEED=123 npx vitest run src/server/app-fuzz.test.ts
 */

const SEED = Number(process.env.POORT_FUZZ_SEED ?? 20_261_123);
/** Requests per database, shared out over the operations by how much each takes in. */
const REQUEST_BUDGET = 2_000;
/** Of the budget, for the mTLS listener's self-service. */
const MTLS_BUDGET = 120;
/** A request that takes longer has hung (a form that breaks off must not hang the test). */
const REQUEST_TIMEOUT_MS = 5_000;

/** Shrinking a failure stops after this many smaller requests, so a broken route stays quick. */
const MAX_SHRINKS = 60;

/**
 * Left out, and why; everything else of the document is fuzzed.
 * - logout (and the eHerkenning login's logout) would end a session the requests are sent with;
 * - the dev clock (development only) would move the clock ahead, past every session's expiry.
 */
const SKIPPED = new Set([
  "POST /api/auth/logout",
  "POST /api/portal/eherkenning/logout",
  "POST /dev/clock",
]);

/** Who sends a route's requests, by its path: the audience that uses it. */
type Audience = "staff" | "client" | "platform" | "visitor" | "office certificate" | "mail server";

function audienceOf(path: string): Audience {
  if (path.startsWith("/api/office/")) return "staff";
  if (path.startsWith("/api/me/") || path.startsWith("/api/portal/")) return "client";
  if (path.startsWith("/api/servicedesk/")) return "platform";
  if (path.startsWith("/api/selfservice/")) return "office certificate";
  if (path.startsWith("/webhooks/")) return "mail server";
  // /api/auth, /api/session, /health, /ready, /pki, /dev: anyone, with an anonymous CSRF token.
  return "visitor";
}

interface Sender {
  headers: Record<string, string>;
  ip: string;
}

type OutboxMail = DeliveredMail & { id: string; attachments: Array<{ id: string }> };

/**
 * How much an operation takes in: the more kinds of input, the more requests it gets; a body
 * the document has no schema for (a form, a bounce) is spoilt from examples in many more ways.
 */
const weightOf = (operation: Operation, examples: FuzzOptions["examples"] = {}) =>
  1 +
  (operation.pathParams.length > 0 ? 1 : 0) +
  (operation.query.length > 0 ? 1 : 0) +
  (operation.body ? 2 : 0) +
  (examples[nameOf(operation)] ? 6 : 0) +
  (["POST", "PUT", "PATCH", "DELETE"].includes(operation.method) ? 1 : 0);

/** Runs per operation, the budget shared out by weight. */
function runsPer(operations: Operation[], budget: number, options: FuzzOptions): number[] {
  const weights = operations.map((operation) => weightOf(operation, options.examples));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => Math.max(4, Math.round((budget * weight) / total)));
}

/** The seed of one operation, from the run's seed and its name, so operations differ. */
function seedOf(operation: Operation): number {
  let hash = SEED | 0;
  for (const character of nameOf(operation)) {
    hash = Math.imul(hash ^ character.charCodeAt(0), 16_777_619);
  }
  return hash | 0;
}

function headersOf(browser: ApiClient): Record<string, string> {
  return {
    cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    "x-csrf-token": browser.csrfToken ?? "",
  };
}

class NoAnswer extends Error {}

async function withTimeout<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer(`no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the fuzzing of one app found. */
class FuzzRun {
  requests = 0;
  readonly failures: string[] = [];

  constructor(
    private readonly app: Pick<App, "inject">,
    private readonly senderOf: (operation: Operation) => Sender,
    private readonly options: FuzzOptions,
  ) {}

  /** Sends each operation its share of the budget; notes the smallest failing request of each. */
  async fuzz(operations: Operation[], budget: number): Promise<void> {
    const runs = runsPer(operations, budget, this.options);
    for (const [index, operation] of operations.entries()) {
      await this.fuzzOperation(operation, runs[index] ?? 4);
    }
  }

  private async fuzzOperation(operation: Operation, numRuns: number): Promise<void> {
    const sender = this.senderOf(operation);
    const seed = seedOf(operation);
    // After a hang the route is not asked again: each smaller request could wait as long.
    let hung: FuzzRequest | undefined;
    const property = fc.asyncProperty(
      fc.limitShrink(requestsFor(operation, this.options), MAX_SHRINKS),
      async (request: FuzzRequest) => {
        if (hung) throw new NoAnswer(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`);
        this.requests += 1;
        const answer = await withTimeout(
          this.app.inject({
            method: request.method as "GET",
            url: request.url,
            remoteAddress: sender.ip,
            headers: {
              ...(request.sender === "audience" ? sender.headers : {}),
              ...(request.contentType === undefined ? {} : { "content-type": request.contentType }),
            },
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          }),
          REQUEST_TIMEOUT_MS,
        ).catch((error: unknown) => {
          if (error instanceof NoAnswer) hung = request;
          throw error;
        });
        const contentType = answer.headers["content-type"];
        const problem = problemWithAnswer(
          answer.statusCode,
          typeof contentType === "string" ? contentType : undefined,
          answer.rawPayload,
        );
        if (problem) throw new Error(`${problem}: ${answer.body.slice(0, 400)}`);
      },
    );
    const details = await fc.check(property, { seed, numRuns });
    if (!details.failed) return;
    const request = hung ?? details.counterexample?.[0];
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : "";
    this.failures.push(
      [
        `${nameOf(operation)}: ${error}`,
        request ? describeRequest(request) : "(no counterexample)",
        hung
          ? `  (seed ${seed}; the first request that hung, not made smaller)`
          : `  (seed ${seed}, path "${details.counterexamplePath}", after ${details.numShrinks} shrinks)`,
      ].join("\n"),
    );
  }

  /** Fails with every failing operation's smallest request. */
  expectNoFailures(operations: number): void {
    if (this.failures.length === 0) return;
    throw new Error(
      [
        `${this.failures.length} of ${operations} operations failed (POORT_FUZZ_SEED=${SEED}, ${this.requests} requests):`,
        ...this.failures,
      ].join("\n\n"),
    );
  }
}

/** The self-service is not in the main app's OpenAPI document: its operations from the contracts. */
function selfServiceOperations(): Operation[] {
  return Object.values(selfserviceApi).map((endpoint) => ({
    method: endpoint.method,
    path: endpoint.path,
    pathParams: [],
    query: [],
    body:
      "body" in endpoint
        ? (z.toJSONSchema(endpoint.body, {
            target: "openapi-3.0",
            io: "input",
            unrepresentable: "any",
          }) as JsonSchema)
        : undefined,
  }));
}

describe.each(testDatabaseKinds)("every operation of the API, fuzzed, on %s", (kind) => {
  const trustedProxy = "127.0.0.1";
  const bounceToken = "fuzz-bounce-webhook-token-0123456789";
  let subject: TestApp;
  let mtls: Awaited<ReturnType<typeof buildMtlsApp>>;
  let browsers: Record<"staff" | "client" | "platform", ApiClient>;
  let senders: Record<Audience, Sender>;
  let known: KnownValues;
  let examples: Record<string, Example[]>;

  beforeAll(async () => {
    subject = await createTestApp(kind, {
      MTLS_TRUSTED_PROXIES: trustedProxy,
      // The input is fuzzed, not the key generation: a P-256 key takes a millisecond, an RSA
      // key up to a second, and a valid request for a certificate is one of the inputs.
      CERT_KEY_ALGORITHM: "p-256",
      // The bounce webhook exists only with its token.
      BOUNCE_WEBHOOK_TOKEN: bounceToken,
      // 2,000 requests in seconds from one address and a few sessions: with the general API
      // limit, most would be answered 429 before they reached their route.
      API_RATE_LIMIT_PER_SESSION: "0",
      API_RATE_LIMIT_PER_IP: "0",
    });
    const { services, clock } = subject;
    const office = await createTestOffice(subject);
    const staff = await createOfficeStaff(subject, office.id, "sara@vandam.nl");
    await createActiveStaff(subject, office.id, "tom@vandam.nl", "handler");
    const client = await createActiveClient(subject, office.id, "anna@bol.nl", "company");
    const platform = await createServicedeskStaff(subject, "noor@servicedesk.nl");
    browsers = { staff, client, platform };
    const visitor = new ApiClient(subject.app);
    await visitor.refreshCsrfToken();
    await staff.post("/api/office/clients", {
      kind: "person",
      name: "Piet Pieters",
      email: "piet@example.nl",
    });

    const clientId = await clientIdNamed(staff, "Bakkerij Bol B.V.");
    const status = (
      await staff.post("/api/office/dossier-statuses", { label: "Wacht op akte" })
    ).json().id as string;
    const dossierId = (
      await staff.post("/api/office/dossiers", {
        number: "2026.0142",
        description: "Levering Kade 12",
        clientIds: [clientId],
      })
    ).json().id as string;
    const documentIds: string[] = [];
    for (const publish of [true, false]) {
      const added = await addDocument(staff, dossierId, {
        category: "correspondence",
        title: "Brief",
        name: "brief.pdf",
        content: samplePdf(),
        publish,
      });
      documentIds.push(added.json().id);
    }
    await issueByServicedesk(platform, office.id);
    const certificateId = (await platform.get(`/api/servicedesk/offices/${office.id}`)).json()
      .certificates[0].id as string;
    const certificate = await findCertificate(services.database.db, certificateId);
    if (!certificate) throw new Error("no certificate");
    const mails = (await deliveredMails(subject)) as OutboxMail[];
    // The fuzz test's own accounts stay out of the account ids, so it cannot deactivate them.
    const ownAccounts = ["sara@vandam.nl", "anna@bol.nl"];
    const accountIds = async (list: string, withOwn: boolean) =>
      ((await staff.get(list)).json().accounts as Array<{ id: string; email: string }>)
        .filter((account) => withOwn || !ownAccounts.includes(account.email))
        .map((account) => account.id);
    const schedules = (await visitor.get("/dev/jobs")).json().schedules as Array<{ name: string }>;

    mtls = await buildMtlsApp(
      services,
      await listenerTls(services.config, services.authorities, clock),
    );
    await mtls.ready();
    // The mTLS listener believes the certificate in this header from a trusted proxy.
    const csrf = "fuzz-csrf-token";
    const officeCertificate = {
      headers: {
        [services.config.mtls.certificateHeader]: encodeURIComponent(certificate.certificatePem),
        cookie: `__Host-poort_csrf=${csrf}`,
        "x-csrf-token": csrf,
      },
      ip: trustedProxy,
    };
    const requestForm = await mtls.inject({
      method: "POST",
      url: "/api/selfservice/login",
      remoteAddress: trustedProxy,
      headers: officeCertificate.headers,
      payload: { email: "sara@vandam.nl", password: TEST_PASSWORD },
    });
    if (requestForm.statusCode !== 200) throw new Error(`self-service login: ${requestForm.body}`);

    const ip = "198.51.100.7";
    senders = {
      staff: { headers: headersOf(staff), ip },
      client: { headers: headersOf(client), ip },
      platform: { headers: headersOf(platform), ip },
      visitor: { headers: headersOf(visitor), ip },
      "office certificate": officeCertificate,
      "mail server": { headers: { authorization: `Bearer ${bounceToken}` }, ip },
    };
    const form = multipartBody(
      { category: "documents", title: "Akte", publish: "true" },
      { name: "akte.pdf", content: samplePdf() },
    );
    examples = {
      "POST /api/office/dossiers/{dossierId}/documents": [
        { contentType: form.contentType, payload: form.payload.toString("latin1") },
      ],
      "POST /webhooks/mail-bounces": mails.map((mail) => ({
        contentType: "multipart/report",
        payload: deliveryStatusNotification(
          `<${mail.id}@${services.mailer.messageIdDomain}>`,
          mail.to,
          "failed",
        ),
      })),
    };
    known = {
      dossierId: [dossierId],
      documentId: documentIds,
      officeId: [office.id],
      certificateId: [certificateId],
      accountId: [
        ...(await accountIds("/api/office/staff", false)),
        ...(await accountIds("/api/office/clients", false)),
      ],
      handlerId: await accountIds("/api/office/staff", true),
      clientIds: [clientId],
      status: [status],
      mailId: mails.map((mail) => mail.id),
      attachmentId: mails.flatMap((mail) => mail.attachments.map((attachment) => attachment.id)),
      name: schedules.map((schedule) => schedule.name),
      email: ["sara@vandam.nl", "tom@vandam.nl", "anna@bol.nl", "noor@servicedesk.nl"],
      requestToken: [requestForm.json().requestToken],
      // The links in the mails: invitations, confirmations.
      token: mails.flatMap((mail) => mail.text.match(/(?<=\/)[A-Za-z0-9_-]{43}\b/g) ?? []),
    };
  });
  afterAll(async () => {
    await mtls?.close();
    await subject?.close();
  });

  let requests = 0;

  // First, while the office certificate is still valid: the main app's fuzzing may revoke it.
  it("answers the self-service on the mTLS listener below 500, without a stack trace", async () => {
    const operations = selfServiceOperations();
    const run = new FuzzRun(mtls, () => senders["office certificate"], { known });
    await run.fuzz(operations, MTLS_BUDGET);
    requests += run.requests;
    run.expectNoFailures(operations.length);
  }, 120_000);

  it("answers every operation of the OpenAPI document below 500, without a stack trace", async () => {
    const all = operationsOf(subject.app.swagger() as OpenApiDocument);
    expect(all.filter((operation) => SKIPPED.has(nameOf(operation))).map(nameOf)).toEqual(
      expect.arrayContaining([...SKIPPED]),
    );
    const operations = all.filter((operation) => !SKIPPED.has(nameOf(operation)));
    const run = new FuzzRun(subject.app, (operation) => senders[audienceOf(operation.path)], {
      known,
      examples,
    });
    await run.fuzz(operations, REQUEST_BUDGET - MTLS_BUDGET);
    requests += run.requests;
    run.expectNoFailures(operations.length);
    expect(requests).toBeGreaterThan(REQUEST_BUDGET * 0.9);
    expect(requests).toBeLessThan(REQUEST_BUDGET * 1.1);
  }, 180_000);

  it("kept its sessions to the end, so the requests reached the routes behind them", async () => {
    expect((await browsers.staff.get("/api/office/staff")).statusCode).toBe(200);
    expect((await browsers.client.get("/api/portal/overview")).statusCode).toBe(200);
    expect((await browsers.platform.get("/api/servicedesk/expiring")).statusCode).toBe(200);
  });
});
