import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { Agent, type RequestOptions, request } from "node:https";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officeScope } from "#src/server/access/tenant-scope.ts";
import { accountsDeps } from "#src/server/modules/accounts/deps.ts";
import { inviteClient } from "#src/server/modules/accounts/invitations.ts";
import { findAccountByEmail } from "#src/server/modules/accounts/repository.ts";
import { SESSION_COOKIE } from "#src/server/modules/accounts/session-plugin.ts";
import { startSession } from "#src/server/modules/accounts/sessions.ts";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import { systemClock } from "#src/server/platform/clock.ts";
import { mails } from "#src/server/platform/mail/schema.ts";
import { launchChromium, openPage } from "#test/e2e/support/browser.ts";
import { createActiveClient, createOfficeStaff, TEST_PASSWORD } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { createServicedeskStaff } from "#test/support/certificates.ts";
import { clientIdNamed, samplePdf } from "#test/support/dossiers.ts";
import { NGINX_BINARY, type Nginx, nginxInstalled, startNginx } from "#test/support/nginx.ts";
import { type OfficeWithCertificate, officeWithCertificate } from "#test/support/office-api.ts";
import { type TempFolder, tempFolder } from "#test/support/openssl.ts";
import { type S3Server, s3Environment, startS3Server } from "#test/support/s3-server.ts";
import { freePort, type ServerProcess, startServerProcess } from "#test/support/server-process.ts";
import { type SmtpSink, startSmtpSink } from "#test/support/smtp-sink.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
// @ts-expect-error: a plain ES module without types
import { ensureBuilt } from "../../scripts/ensure-built.mjs";
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };

/** A browser or the office's software, on a kept-alive connection to nginx. */
interface Caller {
  name: string;
  port: number;
  servername: string;
  agent: Agent;
  paths: readonly string[];
}

interface Answer {
  status: number;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by the assertions
  json(): any;
}

/** One HTTPS request to nginx on 127.0.0.1, JSON in and out. */
function send(
  port: number,
  path: string,
  options: RequestOptions & { body?: unknown } = {},
): Promise<Answer> {
  const { body, headers, ...tls } = options;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: payload ? "POST" : "GET",
        ...tls,
        headers: {
          accept: "application/json",
          ...(payload ? { "content-type": "application/json" } : {}),
          ...headers,
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: text, json: () => JSON.parse(text) }),
        );
        response.on("error", reject);
      },
    )
      .on("error", reject)
      .end(payload);
  });
}

/** One HTTPS GET to nginx on 127.0.0.1, the body as bytes (a download). */
function download(
  port: number,
  path: string,
  options: RequestOptions,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path, ...options }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (chunk: Buffer) => parts.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts) }),
      );
      response.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A session as a login on the instances makes it (on real time, as they keep it). */
interface Session {
  cookie: string;
  csrfToken: string;
}

/**
 * A tus PATCH to one instance that sends its bytes slowly, 64 KiB at a time, so that the
 * instance can be killed halfway through it.
 */
function slowPatch(
  instance: ServerProcess,
  session: Session,
  location: string,
  offset: number,
  bytes: Buffer,
) {
  let sent = 0;
  const waiting: Array<{ bytes: number; resolve: () => void }> = [];
  const target = new URL(`${instance.url}${location}`);
  const outgoing = http.request({
    host: target.hostname,
    port: target.port,
    path: target.pathname,
    method: "PATCH",
    headers: {
      "tus-resumable": "1.0.0",
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
      "upload-offset": String(offset),
      "content-type": "application/offset+octet-stream",
      "content-length": String(bytes.length),
    },
  });
  const ended = new Promise<void>((resolve) => {
    outgoing.on("error", () => resolve());
    outgoing.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve());
    });
    outgoing.on("close", () => resolve());
  });
  void (async () => {
    for (let at = 0; at < bytes.length && !outgoing.destroyed; at += 64 * 1024) {
      outgoing.write(bytes.subarray(at, at + 64 * 1024));
      sent += Math.min(64 * 1024, bytes.length - at);
      for (const wait of waiting.filter((entry) => sent >= entry.bytes)) wait.resolve();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    ended,
    sentAtLeast: (count: number) =>
      new Promise<void>((resolve) => {
        if (sent >= count) resolve();
        else waiting.push({ bytes: count, resolve });
      }),
  };
}

/** Each caller asks, one request after another, until stopped; anything but a 200 is a failure. */
function steadyLoad(callers: readonly Caller[]) {
  let running = true;
  let answered = 0;
  const failures: string[] = [];
  const loops = callers.map(async (caller) => {
    for (let turn = 0; running; turn += 1) {
      const path = caller.paths[turn % caller.paths.length] as string;
      try {
        const answer = await send(caller.port, path, {
          agent: caller.agent,
          servername: caller.servername,
        });
        if (answer.status === 200) answered += 1;
        else failures.push(`${caller.name} ${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
      } catch (error) {
        failures.push(`${caller.name} ${path}: ${(error as Error).message}`);
      }
      // Steady, not flat out: the restarting instance needs the CPU to start again.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  return {
    failures,
    answered: () => answered,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

const databaseUrl = process.env.DATABASE_URL;

describe.skipIf(!databaseUrl)(
  "two Poort instances behind deploy/nginx/poort.conf (skipped without DATABASE_URL: they share one PostgreSQL database)",
  () => {
    const secretKey = randomBytes(32).toString("base64");
    let subject: TestApp;
    let office: OfficeWithCertificate;
    let uploaderStaff: ApiClient;
    let files: TempFolder;
    /** Each instance's own DATA_DIR: they share no disk, only the database and the bucket. */
    const dataDirs: Partial<Record<"a" | "b", string>> = {};
    let s3: S3Server;
    let smtp: SmtpSink;
    let nginx: Nginx;
    const ports = { http: 0, https: 0, mtls: 0, smtp: 0 };
    const instancePorts = { a: { web: 0, mtls: 0 }, b: { web: 0, mtls: 0 } };
    const instances: Partial<Record<"a" | "b", ServerProcess>> = {};
    /** What nginx presents to browsers, which they trust for the test. */
    let nginxCa: string;

    const instanceEnvironment = (name: "a" | "b") => ({
      DATABASE_URL: subject.databaseUrl as string,
      // One secret key, so every instance opens the CA and secrets the others sealed.
      SECRET_KEY: secretKey,
      DATA_DIR: dataDirs[name] as string,
      ...s3Environment(s3),
      SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
      PORT: String(instancePorts[name].web),
      MTLS_PORT: String(instancePorts[name].mtls),
      PUBLIC_URL: `https://localhost:${ports.https}`,
      MTLS_PUBLIC_URL: `https://selfservice.localhost:${ports.mtls}`,
      // nginx connects from 127.0.0.1: its X-Forwarded-For and certificate header are believed.
      TRUSTED_PROXIES: "127.0.0.1",
      MTLS_TRUSTED_PROXIES: "127.0.0.1",
      // The default drain: longer than poort.conf's keepalive_timeout and fail_timeout.
      SHUTDOWN_DRAIN_MS: "5000",
      JOBS_POLL_MS: "100",
      // The steady load comes from one address; the general API limit would answer it 429.
      API_RATE_LIMIT_PER_IP: "0",
      API_RATE_LIMIT_PER_SESSION: "0",
    });
    const start = async (name: "a" | "b") => {
      instances[name] = await startServerProcess(instanceEnvironment(name));
    };

    beforeAll(async () => {
      if (!nginxInstalled) throw new Error(`${NGINX_BINARY} is missing: apt-get install nginx`);
      // The instances serve the web apps as built when they start: the browser's pages.
      (ensureBuilt as (names: string[]) => void)(["web"]);
      // The test's own hands on the shared database: an office with its certificate, issued
      // and mailed (to the dev outbox of this app) before the instances start.
      subject = await createTestApp("postgres", { SECRET_KEY: secretKey });
      const servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
      office = await officeWithCertificate(subject, servicedesk, "Notariskantoor Schaal");
      // The uploads' staff and client, activated by mail before the instances poll for jobs:
      // their workers would otherwise take the invitation mails to the SMTP relay instead.
      uploaderStaff = await createOfficeStaff(subject, office.officeId, "sara@schaal.nl");
      // A name of its own: the invitations of the other tests are all "Jan Jansen".
      await createActiveClient(subject, office.officeId, "jan@schaal.nl", "person", "Jan Dijkstra");

      files = await tempFolder();
      for (const name of ["a", "b"] as const) {
        dataDirs[name] = await mkdtemp(path.join(os.tmpdir(), `poort-scale-out-${name}-`));
      }
      s3 = await startS3Server();
      const chain = await subject.app.inject({ method: "GET", url: "/pki/chain.pem" });
      await files.write("office-ca.pem", chain.body);
      const issued = await files.openssl([
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        "nginx-key.pem",
        "-out",
        "nginx-cert.pem",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,DNS:selfservice.localhost,IP:127.0.0.1",
      ]);
      if (issued.code !== 0) throw new Error(issued.stderr);
      nginxCa = (await files.read("nginx-cert.pem")).toString();

      for (const key of Object.keys(ports) as Array<keyof typeof ports>) {
        ports[key] = await freePort();
      }
      for (const instance of Object.values(instancePorts)) {
        instance.web = await freePort();
        instance.mtls = await freePort();
      }
      // The relay holds each mail a moment, so a stopping instance has deliveries in flight.
      smtp = await startSmtpSink(ports.smtp, { holdMs: 100 });
      await Promise.all([start("a"), start("b")]);

      const file = (name: string) => path.join(files.path, name);
      nginx = await startNginx({
        placeholders: {
          HTTP_LISTEN: `127.0.0.1:${ports.http}`,
          HTTPS_LISTEN: `127.0.0.1:${ports.https}`,
          MTLS_LISTEN: `127.0.0.1:${ports.mtls}`,
          SERVER_NAME: "localhost",
          MTLS_SERVER_NAME: "selfservice.localhost",
          TLS_CERT_FILE: file("nginx-cert.pem"),
          TLS_KEY_FILE: file("nginx-key.pem"),
          MTLS_TLS_CERT_FILE: file("nginx-cert.pem"),
          MTLS_TLS_KEY_FILE: file("nginx-key.pem"),
          OFFICE_CA_FILE: file("office-ca.pem"),
          // The instances' mTLS listeners carry certificates of Poort's own CA here.
          UPSTREAM_CA_FILE: file("office-ca.pem"),
        },
        web: Object.values(instancePorts).map(({ web }) => `127.0.0.1:${web}`),
        mtls: Object.values(instancePorts).map(({ mtls }) => `127.0.0.1:${mtls}`),
        waitFor: [`127.0.0.1:${ports.https}`, `127.0.0.1:${ports.mtls}`],
      });
    }, 120_000);

    afterAll(async () => {
      await nginx?.stop();
      await Promise.all(Object.values(instances).map((instance) => instance.kill()));
      await smtp?.close();
      await subject?.close();
      await files?.remove();
      await s3?.close();
      for (const dataDir of Object.values(dataDirs)) {
        await rm(dataDir, { recursive: true, force: true });
      }
    });

    const anonymousCsrf = { "x-csrf-token": "x", cookie: "__Host-poort_csrf=x" };

    it("tells Poort the client's address that nginx saw, not the one the client wrote itself", async () => {
      const answer = await send(ports.https, "/api/auth/login", {
        ca: nginxCa,
        servername: "localhost",
        body: { area: "office", email: "niemand@kantoor.nl", password: "zonnige-kade-47-brug" },
        headers: { ...anonymousCsrf, "x-forwarded-for": "203.0.113.9" },
        // Another loopback address than nginx's own, which the instances trust as a proxy.
        localAddress: "127.0.0.2",
      });
      expect(answer.status, answer.body).toBe(401);
      const failed = await subject.services.database.db
        .select({ ip: auditEvents.ip })
        .from(auditEvents)
        .where(eq(auditEvents.action, "session.login-failed"));
      expect(failed).toEqual([{ ip: "127.0.0.2" }]);
    });

    it("ends the office certificate's TLS and passes it on, and only the presented one", async () => {
      const selfService = { ca: nginxCa, servername: "selfservice.localhost" };
      const withCertificate = await send(ports.mtls, "/api/session", {
        ...selfService,
        ...office.identity,
      });
      expect(withCertificate.status, withCertificate.body).toBe(200);

      const certificatePem = await files.openssl(
        ["pkcs12", "-clcerts", "-nokeys", "-passin", `pass:${office.identity.passphrase}`],
        office.identity.pfx,
      );
      expect(certificatePem.stdout).toContain("BEGIN CERTIFICATE");
      const forged = await send(ports.mtls, "/api/session", {
        ...selfService,
        headers: { "x-ssl-client-cert": encodeURIComponent(certificatePem.stdout) },
      });
      expect(forged.status).toBe(403);
      expect(forged.json().error.code).toBe("certificate_missing");
    });

    /** Invites clients of the office: each invitation mails through two jobs, on any instance. */
    const invite = async (emails: readonly string[]) => {
      for (const email of emails) {
        await inviteClient(
          accountsDeps(subject.services),
          officeScope(office.officeId),
          { kind: "person", name: "Jan Jansen", email, locale: "nl" },
          { type: "staff" },
        );
      }
    };

    /** Once every mail to these addresses is sent: each reached the relay exactly once. */
    const expectEachMailedOnce = async (emails: readonly string[]) => {
      const mailsTo = () =>
        subject.services.database.db
          .select({ id: mails.id, status: mails.status })
          .from(mails)
          .where(inArray(mails.toAddress, [...emails]));
      await expect
        .poll(
          async () => {
            const rows = await mailsTo();
            return rows.length === emails.length && rows.every((row) => row.status === "sent");
          },
          { timeout: 30_000, interval: 200 },
        )
        .toBe(true);
      const received = smtp.received.map((mail) => mail.messageId);
      for (const { id } of await mailsTo()) {
        expect(received.filter((messageId) => messageId.startsWith(`<${id}@`))).toHaveLength(1);
      }
    };

    it("runs each queued job once while both instances poll for jobs", async () => {
      const emails = Array.from({ length: 20 }, (_, n) => `klant${n}@schaal.nl`);
      await invite(emails);
      await expectEachMailedOnce(emails);
    });

    /**
     * A session of the account as a login on the instances makes it: the test app's own
     * sessions run on its test clock, which the instances (on real time) would find expired.
     */
    const sessionOf = async (kind: "client" | "staff", email: string): Promise<Session> => {
      const { db } = subject.services.database;
      const account = await findAccountByEmail(db, kind, email);
      if (!account) throw new Error(`no ${kind} account ${email}`);
      const { token, session } = await startSession(db, systemClock, account.id, "complete", {
        ip: "127.0.0.1",
        userAgent: "scale-out test",
      });
      return { cookie: `${SESSION_COOKIE}=${token}`, csrfToken: session.csrfToken };
    };

    /** A client of the office with a dossier to supply files in, and staff who read them. */
    let people: { staff: Session; client: Session; dossierId: string } | undefined;
    const uploader = async () => {
      if (people) return people;
      const staff = uploaderStaff;
      const clientId = await clientIdNamed(staff, "Jan Dijkstra");
      const created = await staff.post("/api/office/dossiers", {
        number: "2026.5001",
        description: "Levering Dijkweg 4",
        status: "in-progress",
        clientIds: [clientId],
      });
      expect(created.statusCode, created.body).toBe(201);
      people = {
        staff: await sessionOf("staff", "sara@schaal.nl"),
        client: await sessionOf("client", "jan@schaal.nl"),
        dossierId: created.json().id as string,
      };
      return people;
    };

    /** A tus request straight to one instance, as the client's browser (session and CSRF). */
    const tus = (
      instance: "a" | "b",
      session: Session,
      method: "POST" | "HEAD" | "PATCH",
      url: string,
      headers: Record<string, string>,
      body?: Buffer,
    ) =>
      fetch(`${(instances[instance] as ServerProcess).url}${url}`, {
        method,
        headers: {
          "tus-resumable": "1.0.0",
          cookie: session.cookie,
          "x-csrf-token": session.csrfToken,
          ...headers,
        },
        ...(body ? { body: new Uint8Array(body) } : {}),
      });

    const startUploadOn = async (
      instance: "a" | "b",
      session: Session,
      dossierId: string,
      size: number,
    ) => {
      const base64 = (value: string) => Buffer.from(value).toString("base64");
      const created = await tus(instance, session, "POST", "/api/portal/uploads", {
        "upload-length": String(size),
        "upload-metadata": `dossierId ${base64(dossierId)},filename ${base64("scan.pdf")}`,
      });
      expect(created.status, await created.clone().text()).toBe(201);
      return created.headers.get("location") as string;
    };

    const patch = (
      instance: "a" | "b",
      session: Session,
      location: string,
      offset: number,
      bytes: Buffer,
    ) =>
      tus(
        instance,
        session,
        "PATCH",
        location,
        {
          "upload-offset": String(offset),
          "content-type": "application/offset+octet-stream",
        },
        bytes,
      );

    it("continues a 50 MiB upload on whichever instance each PATCH reaches; staff download it whole", async () => {
      const { staff, client, dossierId } = await uploader();
      const content = Buffer.concat([samplePdf("scan"), randomBytes(50 * 1024 * 1024)]);
      const location = await startUploadOn("a", client, dossierId, content.length);
      const partSize = 5 * 1024 * 1024;
      let answer: Response | undefined;
      for (let offset = 0, turn = 0; offset < content.length; offset += partSize, turn += 1) {
        const instance = turn % 2 === 0 ? "a" : "b";
        answer = await patch(
          instance,
          client,
          location,
          offset,
          content.subarray(offset, offset + partSize),
        );
        expect(answer.status, await answer.clone().text()).toBe(
          offset + partSize >= content.length ? 200 : 204,
        );
      }
      const document = (await answer?.json()) as { id: string; size: number };
      expect(document.size).toBe(content.length);

      const downloaded = await download(
        ports.https,
        `/api/office/documents/${document.id}/content`,
        {
          ca: nginxCa,
          servername: "localhost",
          headers: { cookie: staff.cookie },
        },
      );
      expect(downloaded.status).toBe(200);
      expect(sha256(downloaded.body)).toBe(sha256(content));
      // A viewer's range through nginx and S3: only those bytes.
      const ranged = await download(ports.https, `/api/office/documents/${document.id}/content`, {
        ca: nginxCa,
        servername: "localhost",
        headers: { cookie: staff.cookie, range: "bytes=10000000-10000099" },
      });
      expect(ranged.status).toBe(206);
      expect(ranged.body.equals(content.subarray(10_000_000, 10_000_100))).toBe(true);
    }, 90_000);

    it("lets an upload cut off by a killed instance finish through the other", async () => {
      const { staff, client, dossierId } = await uploader();
      const content = Buffer.concat([samplePdf("testament"), randomBytes(12 * 1024 * 1024)]);
      const location = await startUploadOn("b", client, dossierId, content.length);
      const first = await patch("b", client, location, 0, content.subarray(0, 4 * 1024 * 1024));
      expect(first.status).toBe(204);

      // The next PATCH streams slowly to A, which is killed halfway: nothing of it counts.
      const cutOff = slowPatch(
        instances.a as ServerProcess,
        client,
        location,
        4 * 1024 * 1024,
        content.subarray(4 * 1024 * 1024),
      );
      await cutOff.sentAtLeast(1024 * 1024);
      await (instances.a as ServerProcess).kill();
      await cutOff.ended;
      const head = await tus("b", client, "HEAD", location, {});
      const offset = Number(head.headers.get("upload-offset"));
      expect(offset).toBe(4 * 1024 * 1024);
      const rest = await patch("b", client, location, offset, content.subarray(offset));
      expect(rest.status, await rest.clone().text()).toBe(200);
      const document = (await rest.json()) as { id: string };
      const downloaded = await download(
        ports.https,
        `/api/office/documents/${document.id}/content`,
        {
          ca: nginxCa,
          servername: "localhost",
          headers: { cookie: staff.cookie },
        },
      );
      expect(sha256(downloaded.body)).toBe(sha256(content));
      await start("a");
    }, 90_000);

    it("serves a client's browser through nginx: the login page, the login, and Home", async () => {
      // The client of the uploads, whose password the test app's activation set.
      await uploader();
      const browser = await launchChromium();
      try {
        const context = await browser.newContext({
          baseURL: `https://localhost:${ports.https}`,
          ignoreHTTPSErrors: true,
          locale: "nl-NL",
        });
        const { page, problems } = await openPage(context);
        await page.goto("/portal/login");
        await page.getByLabel(nl.account.fields.email).fill("jan@schaal.nl");
        await page.getByLabel(nl.account.fields.password).fill(TEST_PASSWORD);
        await page.getByRole("button", { name: nl.account.login.submit }).click();
        await page.waitForURL((url) => !url.pathname.includes("/login"));
        await page.getByRole("heading", { level: 1 }).waitFor();
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 60_000);

    it("drops no request during a rolling restart, and runs each job enqueued meanwhile once", async () => {
      const trusted = { ca: nginxCa, keepAlive: true, maxSockets: 1 };
      const browser = (name: string): Caller => ({
        name,
        port: ports.https,
        servername: "localhost",
        agent: new Agent(trusted),
        paths: ["/api/session", "/health"],
      });
      const software: Caller = {
        name: "office software",
        port: ports.mtls,
        servername: "selfservice.localhost",
        agent: new Agent({ ...trusted, ...office.identity }),
        paths: ["/api/session"],
      };
      const callers = [browser("browser 1"), browser("browser 2"), browser("browser 3"), software];
      const load = steadyLoad(callers);

      // Invitations keep coming meanwhile, so that jobs run while instances stop.
      const emails: string[] = [];
      let inviting = true;
      const invitations = (async () => {
        while (inviting) {
          const email = `rolling${emails.length}@schaal.nl`;
          emails.push(email);
          await invite([email]);
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      })();

      const answeredWhileRestarting: number[] = [];
      try {
        for (const name of ["a", "b"] as const) {
          const before = load.answered();
          const instance = instances[name] as ServerProcess;
          expect(await instance.stop(), instance.output()).toBe(0);
          await start(name);
          answeredWhileRestarting.push(load.answered() - before);
        }
      } finally {
        inviting = false;
        await invitations;
        await load.stop();
        for (const caller of callers) caller.agent.destroy();
      }

      expect(load.failures).toEqual([]);
      // The load ran through both restarts: the test above could not pass by standing still.
      expect(answeredWhileRestarting).not.toContain(0);
      await expectEachMailedOnce(emails);
    }, 90_000);
  },
);
