import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { officeScope } from "#src/server/access/tenant-scope.ts";
import { createActiveClient, createOfficeStaff, logInToPortal } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import {
  createServicedeskStaff,
  type MtlsListener,
  startMtlsListener,
} from "#test/support/certificates.ts";
import { clientIdNamed, samplePdf, supplyFile } from "#test/support/dossiers.ts";
import {
  type OfficeApi,
  type OfficeWithCertificate,
  officeApi,
  officeWithCertificate,
} from "#test/support/office-api.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { officeEventsDeps } from "./deps.ts";
import {
  addWebhookEndpoint,
  disableWebhookEndpoint,
  sendWebhookAgain,
  webhookDeliveries,
  webhookEndpoints,
} from "./webhook-endpoints.ts";

const SECOND = 1000;
const HOUR = 3600 * SECOND;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A real webhook receiver on 127.0.0.1: records every post and answers `status`. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { status: 204 };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const answered = state.status;
      received.push({
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        answered,
      });
      response.statusCode = answered;
      response.end(answered >= 400 ? "receiver is down for maintenance" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    state,
    url: (path: string) => `http://127.0.0.1:${port}/${path}`,
    /** The posts to one endpoint's path that it took (2xx). */
    accepted: (path: string) =>
      received.filter((post) => post.path === `/${path}` && post.answered < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Standard Webhooks signature, computed here on its own: what a receiver would check. */
function expectedSignature(secret: string, post: Received): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signed = `${post.headers["webhook-id"]}.${post.headers["webhook-timestamp"]}.${post.body}`;
  return `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
}

/**
 * The events feed and webhooks of the office API (issue 16): what a client does becomes an event
 * of its office, read by the office's certificate from the feed and posted, signed, to the
 * office's webhook endpoints by the job runner, in order, once, retried while the receiver is
 * down; the back office manages the endpoints (admins) and reads their delivery log (all staff);
 * another office sees none of it.
 */
describe.each(testDatabaseKinds)("office events and webhooks, on %s", (kind) => {
  let subject: TestApp;
  let listener: MtlsListener;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let officeA: OfficeWithCertificate;
  let officeB: OfficeWithCertificate;
  let apiA: OfficeApi;
  let apiB: OfficeApi;
  let adminA: ApiClient;
  let assistantA: ApiClient;
  let adminB: ApiClient;
  let jan: ApiClient;
  let janId: string;
  let dossierId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    receiver = await startReceiver();
    const servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
    officeA = await officeWithCertificate(subject, servicedesk, "Notariskantoor Van Dam");
    officeB = await officeWithCertificate(subject, servicedesk, "Notariaat Elders");
    listener = await startMtlsListener(subject);
    apiA = officeApi(listener, officeA.identity);
    apiB = officeApi(listener, officeB.identity);
    adminA = await createOfficeStaff(subject, officeA.officeId, "sara@vandam.nl", "admin");
    assistantA = await createOfficeStaff(subject, officeA.officeId, "tom@vandam.nl", "assistant");
    adminB = await createOfficeStaff(subject, officeB.officeId, "eva@elders.nl", "admin");
    jan = await createActiveClient(subject, officeA.officeId, "jan@example.nl");
    janId = await clientIdNamed(adminA, "Jan Jansen");
    dossierId = (
      await adminA.post("/api/office/dossiers", {
        number: "2026.0700",
        description: "Levering Kade 12",
        clientIds: [janId],
      })
    ).json().id;
  });
  afterAll(async () => {
    await listener.close();
    await receiver.close();
    await subject.close();
  });
  beforeEach(() => {
    receiver.state.status = 204;
    subject.clock.advance(SECOND);
  });

  const deps = () => officeEventsDeps(subject.services);
  const scopeA = () => officeScope(officeA.officeId);

  /**
   * A new endpoint of office A at the receiver's `path`, the only live one from now on. Through
   * the services, not a session: some tests move the clock past any session's life.
   */
  async function onlyEndpoint(path: string): Promise<{ id: string; secret: string }> {
    for (const endpoint of await webhookEndpoints(deps(), scopeA())) {
      if (!endpoint.disabledAt) {
        await disableWebhookEndpoint(deps(), scopeA(), endpoint.id, { type: "operator" });
      }
    }
    const { endpoint, secret } = await addWebhookEndpoint(
      deps(),
      scopeA(),
      { url: receiver.url(path), description: `Receiver ${path}` },
      { type: "operator" },
    );
    return { id: endpoint.id, secret };
  }

  /** The endpoint's delivery log, oldest first (the back office shows it newest first). */
  const deliveryLog = async (endpointId: string) =>
    (
      await webhookDeliveries(deps(), scopeA(), endpointId, { page: 1, pageSize: 100 })
    ).deliveries.reverse();

  async function janSends(subjectLine: string): Promise<string> {
    const send = () =>
      jan.post(`/api/portal/dossiers/${dossierId}/messages`, {
        subject: subjectLine,
        body: "Vertrouwelijke tekst die nooit in een event staat.",
        attachmentIds: [],
      });
    let sent = await send();
    // A session does not outlive the clock's jumps: Jan logs in again when his ended.
    if (sent.statusCode === 401 || sent.statusCode === 403) {
      jan = await logInToPortal(subject, "jan@example.nl");
      sent = await send();
    }
    expect(sent.statusCode, sent.body).toBe(201);
    return sent.json().id;
  }

  async function allEvents(api: OfficeApi) {
    const events = [];
    let after: string | null = "0";
    while (after !== null) {
      const page = await api.get(`/api/office/v1/events?after=${after}&limit=2`);
      expect(page.status).toBe(200);
      events.push(...page.json().events);
      after = page.json().next;
    }
    return events;
  }

  it("turns a client's message into an event of the feed and a signed webhook", async () => {
    const endpoint = await onlyEndpoint("first");
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const messageId = await janSends("Paspoort");

    const events = await allEvents(apiA);
    // Jan's first login accepted the invitation: that came first.
    expect(events.map((event) => event.type)).toEqual(["invitation.activated", "message.received"]);
    const event = events[1];
    expect(event).toMatchObject({ dossierId, clientId: janId, data: { messageId } });
    expect(JSON.stringify(events)).not.toContain("Vertrouwelijke");

    await subject.services.jobs.runDueJobs();
    const [post] = receiver.accepted("first");
    expect(receiver.accepted("first")).toHaveLength(1);
    expect(JSON.parse(post?.body ?? "")).toEqual(event);
    expect(post?.headers["webhook-id"]).toBe(event.id);
    expect(Number(post?.headers["webhook-timestamp"])).toBe(
      Math.floor(subject.clock.now().getTime() / 1000),
    );
    expect(post?.headers["content-type"]).toBe("application/json");
    expect(post?.headers["webhook-signature"]).toBe(
      expectedSignature(endpoint.secret, post as Received),
    );

    // Every staff member reads the log.
    const log = (await assistantA.get(`/api/office/webhooks/${endpoint.id}/deliveries`)).json();
    expect(log.deliveries).toMatchObject([
      {
        eventId: event.id,
        eventType: "message.received",
        state: "delivered",
        attempts: 1,
        lastStatusCode: 204,
      },
    ]);
  });

  it("feeds a supplied document as an event, and pages by the cursor", async () => {
    await onlyEndpoint("supplied");
    const supplied = await supplyFile(jan, dossierId, "paspoort.pdf", samplePdf("paspoort"));
    expect(supplied.statusCode).toBeLessThan(300);
    const events = await allEvents(apiA);
    const last = events.at(-1);
    expect(last).toMatchObject({ type: "upload.supplied", dossierId, clientId: janId });
    expect(last.data.documentId).toMatch(/^[0-9a-f-]{36}$/);
    const after = await apiA.get(`/api/office/v1/events?after=${last.id}`);
    expect(after.json()).toEqual({ events: [], next: null });
    expect((await apiA.get("/api/office/v1/events?limit=101")).status).toBe(400);
    await subject.services.jobs.runDueJobs();
    expect(receiver.accepted("supplied").map((post) => JSON.parse(post.body).id)).toEqual([
      last.id,
    ]);
  });

  it("shows office B nothing of office A's events, endpoints or deliveries", async () => {
    const endpoint = await onlyEndpoint("private");
    await janSends("Alleen voor Van Dam");
    await subject.services.jobs.runDueJobs();
    expect(await allEvents(apiB)).toEqual([]);
    expect((await adminB.get("/api/office/webhooks")).json()).toEqual({ endpoints: [] });
    const [delivery] = await deliveryLog(endpoint.id);
    const base = `/api/office/webhooks/${endpoint.id}`;
    expect((await adminB.get(`${base}/deliveries`)).statusCode).toBe(404);
    expect((await adminB.post(`${base}/rotate-secret`)).statusCode).toBe(404);
    expect((await adminB.post(`${base}/disable`)).statusCode).toBe(404);
    expect((await adminB.post(`${base}/deliveries/${delivery?.id}/send-again`)).statusCode).toBe(
      404,
    );
    expect((await adminA.get(`${base}/deliveries`)).statusCode).toBe(200);
  });

  it("leaves endpoints to the office's admins and the log to every staff member", async () => {
    const added = await assistantA.post("/api/office/webhooks", { url: receiver.url("no") });
    expect(added.statusCode).toBe(403);
    const byAdmin = await adminA.post("/api/office/webhooks", { url: receiver.url("roles") });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json().secret).toMatch(/^whsec_/);
    const base = `/api/office/webhooks/${byAdmin.json().endpoint.id}`;
    await janSends("Voor de rollen");
    await subject.services.jobs.runDueJobs();
    const log = (await assistantA.get(`${base}/deliveries`)).json();
    expect(log).toMatchObject({ total: 1, deliveries: [{ state: "delivered" }] });
    const again = `${base}/deliveries/${log.deliveries[0].id}/send-again`;
    expect((await assistantA.post(again)).statusCode).toBe(403);
    expect((await assistantA.post(`${base}/rotate-secret`)).statusCode).toBe(403);
    expect((await assistantA.post(`${base}/disable`)).statusCode).toBe(403);
    expect((await jan.get("/api/office/webhooks")).statusCode).toBe(403);
    const listed = (await assistantA.get("/api/office/webhooks")).json().endpoints;
    expect(JSON.stringify(listed)).not.toContain(byAdmin.json().secret);

    expect((await adminA.post(again)).statusCode).toBe(201);
    const disabled = await adminA.post(`${base}/disable`);
    expect(disabled.json()).toMatchObject({ pending: 0, failed: 1 });
    expect(disabled.json().disabledAt).not.toBeNull();
    expect((await adminA.post(`${base}/rotate-secret`)).statusCode).toBe(409);
    expect((await adminA.post(again)).statusCode).toBe(409);
  });

  it("signs with both secrets for a day after a rotation, new first", async () => {
    const endpoint = await onlyEndpoint("rotated");
    const rotated = await adminA.post(`/api/office/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const secret = rotated.json().secret;
    expect(secret).not.toBe(endpoint.secret);
    expect(rotated.json().endpoint.previousSecretUntil).toBe(
      new Date(subject.clock.now().getTime() + 24 * HOUR).toISOString(),
    );
    expect(JSON.stringify((await adminA.get("/api/office/webhooks")).json())).not.toContain(secret);

    await janSends("Tijdens de overlap");
    await subject.services.jobs.runDueJobs();
    const during = receiver.accepted("rotated")[0] as Received;
    expect(during.headers["webhook-signature"]).toBe(
      `${expectedSignature(secret, during)} ${expectedSignature(endpoint.secret, during)}`,
    );

    subject.clock.advance(24 * HOUR);
    await janSends("Na de overlap");
    await subject.services.jobs.runDueJobs();
    const after = receiver.accepted("rotated")[1] as Received;
    expect(after.headers["webhook-signature"]).toBe(expectedSignature(secret, after));
  });

  it("gives a receiver that was down the events later, in order and once", async () => {
    const endpoint = await onlyEndpoint("flaky");
    receiver.state.status = 500;
    for (const line of ["Eén", "Twee", "Drie"]) await janSends(line);
    await subject.services.jobs.runDueJobs();
    // Only the oldest was tried: the others wait behind it, so the order holds.
    expect(receiver.received.filter((post) => post.path === "/flaky")).toHaveLength(1);
    for (let retry = 0; retry < 4; retry++) {
      subject.clock.advance(2 ** retry * 10 * SECOND);
      await subject.services.jobs.runDueJobs();
    }
    const tries = receiver.received.filter((post) => post.path === "/flaky");
    expect(tries).toHaveLength(5);
    expect(new Set(tries.map((post) => post.headers["webhook-id"])).size).toBe(1);
    const waiting = await deliveryLog(endpoint.id);
    expect(waiting.map((delivery) => delivery.state)).toEqual(["pending", "pending", "pending"]);
    expect(waiting[0]).toMatchObject({
      attempts: 5,
      lastStatusCode: 500,
      lastResponseExcerpt: "receiver is down for maintenance",
    });

    receiver.state.status = 204;
    subject.clock.advance(HOUR);
    await subject.services.jobs.runDueJobs();
    await subject.services.jobs.runDueJobs();
    const feed = (await allEvents(apiA)).filter((event) => event.type === "message.received");
    const expected = feed.slice(-3).map((event) => event.id);
    expect(receiver.accepted("flaky").map((post) => post.headers["webhook-id"])).toEqual(expected);
  });

  it("gives a delivery up after three days, goes on with the next, and sends it again on demand", async () => {
    const endpoint = await onlyEndpoint("gone");
    receiver.state.status = 503;
    await janSends("Verloren");
    await subject.services.jobs.runDueJobs();
    for (let hour = 0; hour < 74; hour++) {
      subject.clock.advance(HOUR);
      await subject.services.jobs.runDueJobs();
    }
    receiver.state.status = 204;
    await janSends("Daarna");
    await subject.services.jobs.runDueJobs();
    const [failed, next] = await deliveryLog(endpoint.id);
    expect([failed?.state, next?.state]).toEqual(["failed", "delivered"]);
    expect(receiver.accepted("gone")).toHaveLength(1);

    const again = await sendWebhookAgain(deps(), scopeA(), endpoint.id, failed?.id ?? "", {
      type: "operator",
    });
    expect(again).toMatchObject({ eventId: failed?.eventId, state: "pending" });
    await subject.services.jobs.runDueJobs();
    expect(receiver.accepted("gone").map((post) => post.headers["webhook-id"])).toEqual([
      next?.eventId,
      failed?.eventId,
    ]);
  });

  it("takes only https endpoints outside development and tests", async () => {
    const deps = { ...officeEventsDeps(subject.services), allowHttpEndpoints: false };
    await expect(
      addWebhookEndpoint(
        deps,
        officeScope(officeA.officeId),
        { url: "http://kantoor.example/hook", description: "" },
        { type: "operator" },
      ),
    ).rejects.toMatchObject({ code: "webhook_url_refused" });
  });
});
