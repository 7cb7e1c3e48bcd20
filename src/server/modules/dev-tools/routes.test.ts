import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "#src/server/demo/seed-demo.ts";
import { DAY } from "#src/server/platform/clock.ts";
import { deliveredMails } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

const REMINDERS = "certificates-expiry-reminders";

describe.each(testDatabaseKinds)("the development clock, on %s", (kind) => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp(kind);
  });
  afterAll(() => subject.close());

  const moveClock = (offset: unknown) =>
    subject.app.inject({ method: "POST", url: "/dev/clock", payload: { offset } });

  it("moves Poort's clock ahead of real time, and never back", async () => {
    const realTime = subject.clock.now().getTime();
    expect((await subject.app.inject({ method: "GET", url: "/dev/clock" })).json()).toEqual({
      now: new Date(realTime).toISOString(),
      offsetMs: 0,
    });

    const moved = await moveClock("40d");
    expect(moved.json()).toEqual({
      now: new Date(realTime + 40 * DAY).toISOString(),
      offsetMs: 40 * DAY,
    });
    expect(subject.services.clock.now().getTime()).toBe(realTime + 40 * DAY);

    const back = await moveClock("20d");
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details).toEqual([
      expect.objectContaining({ path: "offset", code: "clock_moves_only_ahead" }),
    ]);
    expect((await moveClock("next year")).statusCode).toBe(400);
    expect(subject.services.clock.now().getTime()).toBe(realTime + 40 * DAY);
  });
});

describe.each(testDatabaseKinds)("running a scheduled job now, on %s", (kind) => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp(kind);
    // The demo office De Vries & Partners has a certificate, valid 730 days.
    await seedDemo(subject.services);
  });
  afterAll(() => subject.close());

  const runReminders = () =>
    subject.app.inject({ method: "POST", url: `/dev/jobs/${REMINDERS}/run` });
  const expiryMails = async () =>
    (await deliveredMails(subject)).filter(
      (mail) =>
        mail.to === "info@devriespartners.nl" &&
        /^Uw KNB kantoorcertificaat verloopt op \d\d-\d\d-\d{4}$/.test(mail.subject),
    );

  it("lists the scheduled jobs and the job handlers", async () => {
    const overview = (await subject.app.inject({ method: "GET", url: "/dev/jobs" })).json();
    expect(overview.schedules).toContainEqual(
      expect.objectContaining({ name: REMINDERS, cron: "0 6 * * *", lastRun: null }),
    );
    expect(overview.handledJobs).toEqual(
      expect.arrayContaining(["certificates.expiry-reminders", "mail.deliver"]),
    );
  });

  it("mails the 40-day notice once, however often the reminders run", async () => {
    expect((await runReminders()).json()).toMatchObject({ state: "completed" });
    expect(await expiryMails()).toHaveLength(0);

    await subject.app.inject({ method: "POST", url: "/dev/clock", payload: { offset: "700d" } });
    expect((await runReminders()).json()).toMatchObject({ state: "completed", error: null });
    expect(await expiryMails()).toHaveLength(1);
    expect((await runReminders()).json()).toMatchObject({ state: "completed" });
    expect(await expiryMails()).toHaveLength(1);

    const overview = (await subject.app.inject({ method: "GET", url: "/dev/jobs" })).json();
    expect(overview.schedules).toContainEqual(
      expect.objectContaining({
        name: REMINDERS,
        lastRun: expect.objectContaining({ state: "completed" }),
      }),
    );
  });

  it("answers 404 for a job that is not scheduled", async () => {
    const response = await subject.app.inject({ method: "POST", url: "/dev/jobs/make-coffee/run" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.details[0].code).toBe("unknown_schedule");
  });
});

const production = {
  NODE_ENV: "production",
  SECRET_KEY: "x".repeat(32),
  MTLS_TLS_CERT_FILE: "/tls.pem",
  MTLS_TLS_KEY_FILE: "/tls.key",
  UPLOAD_SCAN: "off",
};

describe.each([
  { where: "in production", environment: production, clockMoves: false },
  {
    where: "beside a real mail server",
    environment: { SMTP_URL: "smtp://127.0.0.1:2525" },
    clockMoves: true,
  },
])("the development tools $where", ({ environment, clockMoves }) => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp("pglite", environment);
  });
  afterAll(() => subject.close());

  it("do not exist: no one moves the clock or runs a job from outside", async () => {
    for (const [method, url] of [
      ["GET", "/dev/clock"],
      ["POST", "/dev/clock"],
      ["GET", "/dev/jobs"],
      ["POST", `/dev/jobs/${REMINDERS}/run`],
    ] as const) {
      const response = await subject.app.inject({ method, url, payload: { offset: "700d" } });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    // In production not even DEV_CLOCK_OFFSET moves it.
    expect(subject.services.devClock !== undefined).toBe(clockMoves);
  });
});
