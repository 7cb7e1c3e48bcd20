import { and, asc, eq, inArray, like } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE, SECOND } from "#src/server/platform/clock.ts";
import { openDatabase } from "#src/server/platform/db/database.ts";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { jobs } from "#src/server/platform/jobs/schema.ts";
import { mails } from "#src/server/platform/mail/schema.ts";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { addDocument, clientIdNamed, samplePdf } from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { clientNoticeMail, staffNoticeMail } from "./notice-mails.ts";
import { NOTICE_GRACE_MS, sendNoticesJob } from "./notice-rounds.ts";
import { notices } from "./schema.ts";
import { sendNotices } from "./send-notices.ts";
import { type ClientNoticeKind, notifyDossierClients, notifyDossierStaff } from "./service.ts";

/** What the notices must never tell (ADR 0013): the dossier's and documents' content. */
const DOSSIER_NUMBER = "ZZNUMMER-4711";
const DESCRIPTION = "ZZOMSCHRIJVING Kade 12";
const TITLE = "ZZTITEL Nota van afrekening";
const FILE_NAME = "ZZBESTAND-nota.pdf";
const SENTINELS = [DOSSIER_NUMBER, DESCRIPTION, TITLE, FILE_NAME, "ZZ"];

const BUNDLE_MS = 15 * MINUTE;

describe.each(testDatabaseKinds)("bundled notices on %s (ADR 0013)", (kind) => {
  let subject: TestApp;
  let staff: ApiClient | undefined;
  let staffAccount: { id: string; email: string };
  let officeId: string;
  let dossierCount = 0;
  let staffCount = 0;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    officeId = (await createTestOffice(subject, "Kantoor Amstel")).id;
  });
  afterAll(() => subject.close());

  /**
   * A logged-in staff member of the office: the tests move the clock by hours, past a session's
   * idle time, so a new one when the last one's session ended.
   */
  async function officeStaff(): Promise<ApiClient> {
    if (staff && (await staff.get("/api/session")).json().account) return staff;
    staffCount += 1;
    const email = `sara${staffCount}@amstel.nl`;
    staff = await createOfficeStaff(subject, officeId, email);
    staffAccount = { id: (await staff.get("/api/session")).json().account.id, email };
    return staff;
  }

  const db = () => subject.services.database.db;
  const clock = () => subject.services.clock;
  const now = () => clock().now().getTime();

  /** A client login of the office, active, with its browser. */
  async function newClient(email: string, name: string) {
    const browser = await createActiveClient(subject, officeId, email, "person", name);
    const accountId: string = (await browser.get("/api/session")).json().account.id;
    return { browser, accountId, clientId: await clientIdNamed(await officeStaff(), name), email };
  }

  /** A dossier of the office with these clients and the staff member as its handler. */
  async function newDossier(clientIds: string[], withHandler = true) {
    dossierCount += 1;
    const browser = await officeStaff();
    const handlerId = withHandler ? staffAccount.id : null;
    const created = await browser.post("/api/office/dossiers", {
      number: `${DOSSIER_NUMBER}-${dossierCount}`,
      description: DESCRIPTION,
      clientIds,
      handlerId,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  const event = (dossierId: string, kind: ClientNoticeKind) =>
    db().transaction((tx) => notifyDossierClients(tx, clock(), { dossierId, kind }));

  /** The notice mails to an address, oldest first, after running the due jobs. */
  async function noticesTo(to: string) {
    await subject.services.jobs.runDueJobs();
    return db()
      .select()
      .from(mails)
      .where(
        and(
          eq(mails.toAddress, to),
          inArray(mails.template, [clientNoticeMail.name, staffNoticeMail.name]),
        ),
      )
      .orderBy(asc(mails.seq));
  }

  function expectSecret(mail: { subject: string; textBody: string; htmlBody: string }) {
    for (const part of [mail.subject, mail.textBody, mail.htmlBody]) {
      for (const sentinel of SENTINELS) expect(part).not.toContain(sentinel);
    }
  }

  it("bundles 20 events in 10 minutes, and tells later news only once the window has passed", async () => {
    const jan = await newClient("jan@example.nl", "Jan Jansen");
    const dossierId = await newDossier([jan.clientId]);
    const kinds: ClientNoticeKind[] = ["documents", "messages", "questionnaires"];
    const start = now();

    for (let n = 0; n < 20; n++) {
      await event(dossierId, kinds[n % 3] as ClientNoticeKind);
      await subject.services.jobs.runDueJobs();
      subject.clock.advance(30 * SECOND);
    }
    // The first news went after the grace; the other 19 wait for the window to pass.
    let sent = await noticesTo(jan.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.createdAt.getTime()).toBe(start + NOTICE_GRACE_MS);
    const windowEnd = start + NOTICE_GRACE_MS + BUNDLE_MS;
    subject.clock.set(new Date(windowEnd - SECOND));
    expect(await noticesTo(jan.email)).toHaveLength(1);
    subject.clock.set(new Date(windowEnd));
    sent = await noticesTo(jan.email);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.subject).toBe("Er staat iets nieuws voor u klaar bij Kantoor Amstel");
    expect(sent[1]?.textBody).toContain(
      "Kantoor Amstel heeft nieuwe documenten, nieuwe berichten en acties voor u in het klantenportaal.",
    );
    expect(sent[1]?.textBody).toContain("/portal/login\n");
    for (const mail of sent) expectSecret(mail);

    // Nothing new, nothing sent.
    subject.clock.set(new Date(windowEnd + 25 * MINUTE));
    expect(await noticesTo(jan.email)).toHaveLength(2);

    // News long after the last notice: told after the grace, not earlier.
    const later = now();
    await event(dossierId, "messages");
    subject.clock.set(new Date(later + NOTICE_GRACE_MS - SECOND));
    expect(await noticesTo(jan.email)).toHaveLength(2);
    subject.clock.set(new Date(later + NOTICE_GRACE_MS));
    sent = await noticesTo(jan.email);
    expect(sent).toHaveLength(3);
    expect(sent[2]?.textBody).toContain("Kantoor Amstel heeft een nieuw bericht voor u");

    // News within that notice's window: told when the window ends, not earlier.
    subject.clock.advance(5 * MINUTE);
    await event(dossierId, "documents");
    subject.clock.set(new Date(later + NOTICE_GRACE_MS + BUNDLE_MS - SECOND));
    expect(await noticesTo(jan.email)).toHaveLength(3);
    subject.clock.set(new Date(later + NOTICE_GRACE_MS + BUNDLE_MS));
    expect(await noticesTo(jan.email)).toHaveLength(4);

    // However many events, one job per round (per mail here): they do not pile up.
    const janJobs = await db()
      .select({ id: jobs.id })
      .from(jobs)
      .where(like(jobs.singletonKey, `${sendNoticesJob.name}:${jan.accountId}:%`));
    expect(janJobs).toHaveLength(4);
  });

  it("follows each kind's preference, at the event and again when the mail goes", async () => {
    const piet = await newClient("piet@example.nl", "Piet Pieters");
    const dossierId = await newDossier([piet.clientId]);
    const setPreferences = async (notifications: Partial<Record<ClientNoticeKind, boolean>>) => {
      const answer = await piet.browser.send(
        "PATCH",
        "/api/me/profile",
        { notifications },
        { "x-csrf-token": piet.browser.csrfToken ?? "" },
      );
      expect(answer.statusCode, answer.body).toBe(200);
    };
    const pendingOf = async () =>
      (await db().select().from(notices).where(eq(notices.dossierId, dossierId))).filter(
        (notice) => notice.settledAt === null,
      );

    await setPreferences({ messages: false });
    await event(dossierId, "messages");
    expect(await pendingOf()).toEqual([]);
    await event(dossierId, "documents");
    subject.clock.advance(NOTICE_GRACE_MS);
    let sent = await noticesTo(piet.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.textBody).toContain("Kantoor Amstel heeft een nieuw document voor u");
    expect(sent[0]?.textBody).not.toContain("bericht voor u");

    // Turned off after the event, before the mail: not told, and settled without a mail.
    subject.clock.advance(BUNDLE_MS);
    await event(dossierId, "questionnaires");
    await setPreferences({ questionnaires: false });
    subject.clock.advance(NOTICE_GRACE_MS);
    expect(await noticesTo(piet.email)).toHaveLength(1);
    const settled = await db().select().from(notices).where(eq(notices.kind, "questionnaires"));
    expect(settled.filter((notice) => notice.dossierId === dossierId)).toEqual([
      expect.objectContaining({ mailId: null, settledAt: clock().now() }),
    ]);

    // With its preference on again, the kind is told.
    await setPreferences({ messages: true });
    await event(dossierId, "messages");
    subject.clock.advance(NOTICE_GRACE_MS);
    sent = await noticesTo(piet.email);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.textBody).toContain("Kantoor Amstel heeft een nieuw bericht voor u");
  });

  it("writes in the login's own language", async () => {
    const emma = await newClient("emma@example.com", "Emma Smith");
    const changed = await emma.browser.send(
      "PATCH",
      "/api/me/profile",
      { locale: "en" },
      { "x-csrf-token": emma.browser.csrfToken ?? "" },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const dossierId = await newDossier([emma.clientId]);
    await event(dossierId, "documents");
    await event(dossierId, "documents");
    await event(dossierId, "questionnaires");
    subject.clock.advance(NOTICE_GRACE_MS);
    const [mail] = await noticesTo(emma.email);
    expect(mail?.locale).toBe("en");
    expect(mail?.subject).toBe("Something new is waiting for you at Kantoor Amstel");
    expect(mail?.textBody).toContain(
      "Kantoor Amstel has new documents and an action for you in the client portal.",
    );
    expect(mail?.htmlBody).toContain('<html lang="en">');
    if (mail) expectSecret(mail);
  });

  it("tells the dossier's handler of a client's message, with the back office's login", async () => {
    const dossierId = await newDossier([]);
    const withoutHandler = await newDossier([], false);
    await db().transaction(async (tx) => {
      await notifyDossierStaff(tx, clock(), { dossierId, kind: "messages" });
      await notifyDossierStaff(tx, clock(), { dossierId, kind: "messages" });
      await notifyDossierStaff(tx, clock(), { dossierId: withoutHandler, kind: "messages" });
    });
    subject.clock.advance(NOTICE_GRACE_MS);
    const sent = await noticesTo(staffAccount.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.template).toBe(staffNoticeMail.name);
    expect(sent[0]?.locale).toBe("nl");
    expect(sent[0]?.textBody).toContain(
      "Er zijn nieuwe berichten van cliënten voor u in de dossiers die u behandelt.",
    );
    expect(sent[0]?.textBody).toMatch(/\/office\/login\n/);
    if (sent[0]) expectSecret(sent[0]);
  });

  it("announces published documents through the notice, without titles, file names or dossier", async () => {
    const anna = await newClient("anna@example.nl", "Anna de Boer");
    const dossierId = await newDossier([anna.clientId]);
    subject.clock.advance(BUNDLE_MS);
    const staffBrowser = await officeStaff();
    const draft = await addDocument(staffBrowser, dossierId, {
      category: "documents",
      title: TITLE,
      name: FILE_NAME,
      content: samplePdf(),
      publish: false,
    });
    expect(draft.statusCode).toBe(201);
    subject.clock.advance(NOTICE_GRACE_MS);
    // A draft is not news.
    expect(await noticesTo(anna.email)).toEqual([]);

    await staffBrowser.post(`/api/office/documents/${draft.json().id}/publish`);
    await addDocument(staffBrowser, dossierId, {
      category: "correspondence",
      title: `${TITLE} 2`,
      name: FILE_NAME,
      content: samplePdf(),
    });
    subject.clock.advance(NOTICE_GRACE_MS);
    const sent = await noticesTo(anna.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.textBody).toContain("Kantoor Amstel heeft nieuwe documenten voor u");
    if (sent[0]) expectSecret(sent[0]);
  });

  it("tells news that commits while its round's job runs, and leaves none behind", async () => {
    const lisa = await newClient("lisa@example.nl", "Lisa Laan");
    const dossierId = await newDossier([lisa.clientId]);
    subject.clock.advance(BUNDLE_MS);
    await event(dossierId, "documents");
    subject.clock.advance(NOTICE_GRACE_MS);

    // News whose transaction is still open when the round's job starts: the job waits for the
    // login's row, then tells it in the same mail.
    let commit: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let added: () => void = () => {};
    const noticeAdded = new Promise<void>((resolve) => {
      added = resolve;
    });
    const open = db().transaction(async (tx) => {
      await notifyDossierClients(tx, clock(), { dossierId, kind: "messages" });
      added();
      await held;
    });
    await noticeAdded;
    const running = subject.services.jobs.runDueJobs();
    await new Promise((resolve) => setTimeout(resolve, 200));
    commit();
    await Promise.all([open, running]);

    const sent = await noticesTo(lisa.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.textBody).toContain(
      "Kantoor Amstel heeft een nieuw document en een nieuw bericht",
    );
    const pending = (
      await db().select().from(notices).where(eq(notices.accountId, lisa.accountId))
    ).filter((notice) => notice.settledAt === null);
    expect(pending).toEqual([]);
  });

  it("plans a new round when the planned job was lost, and the lost one then tells nothing", async () => {
    const kees = await newClient("kees@example.nl", "Kees Kok");
    const dossierId = await newDossier([kees.clientId]);
    subject.clock.advance(BUNDLE_MS);
    await event(dossierId, "documents");
    // The round's job failed for good (its database gone for hours, say).
    const [lost] = await db()
      .update(jobs)
      .set({ state: "failed" })
      .where(like(jobs.singletonKey, `${sendNoticesJob.name}:${kees.accountId}:%`))
      .returning();
    expect(lost?.singletonKey).toBe(`${sendNoticesJob.name}:${kees.accountId}:0`);
    subject.clock.advance(2 * 60 * MINUTE);
    expect(await noticesTo(kees.email)).toEqual([]);

    // The next news plans round 1; the lost job, run again by hand, finds it is not its round.
    await event(dossierId, "messages");
    await enqueueJob(db(), clock(), sendNoticesJob, lost?.payload as never, {
      singletonKey: `retry-${lost?.id}`,
    });
    expect(await noticesTo(kees.email)).toEqual([]);
    subject.clock.advance(NOTICE_GRACE_MS);
    const sent = await noticesTo(kees.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.textBody).toContain(
      "Kantoor Amstel heeft een nieuw document en een nieuw bericht",
    );
  });

  it("sends exactly one notice per login when two instances run the jobs", async () => {
    const logins: Array<Awaited<ReturnType<typeof newClient>>> = [];
    for (const letter of ["a", "b", "c"]) {
      logins.push(await newClient(`twee-${letter}@example.nl`, `Twee ${letter.toUpperCase()}`));
    }
    const dossierId = await newDossier(logins.map((login) => login.clientId));
    subject.clock.advance(BUNDLE_MS);
    for (let n = 0; n < 5; n++) await event(dossierId, "messages");
    // Each round's job twice more, as a lost job's stand-in and a repeat would be: the lock on
    // the login's row and its round let one of them tell.
    const rounds = (
      await db()
        .select({ id: jobs.id, payload: jobs.payload })
        .from(jobs)
        .where(and(eq(jobs.name, sendNoticesJob.name), eq(jobs.state, "queued")))
    ).filter((job) =>
      logins.some((login) => (job.payload as { accountId: string }).accountId === login.accountId),
    );
    expect(rounds).toHaveLength(logins.length);
    for (const round of rounds) {
      for (const copy of [1, 2]) {
        await enqueueJob(
          db(),
          clock(),
          sendNoticesJob,
          round.payload as { accountId: string; round: number },
          { runAt: clock().now(), singletonKey: `copy-${copy}-${round.id}` },
        );
      }
    }
    subject.clock.advance(NOTICE_GRACE_MS);

    const logger = pino({ level: "silent" });
    const secondHandle = subject.databaseUrl
      ? await openDatabase({ databaseUrl: subject.databaseUrl, poolSize: 5 })
      : subject.services.database;
    const deps = {
      clock: clock(),
      mailer: subject.services.mailer,
      publicUrl: subject.services.config.publicUrl,
      bundleMs: BUNDLE_MS,
    };
    const instances = [db(), secondHandle.db].map((instanceDb) => {
      const runner = new JobRunner({ db: instanceDb, clock: clock(), logger, pollMs: 10 });
      runner.handle(sendNoticesJob, (payload, context) => sendNotices(context.db, deps, payload));
      return runner;
    });
    try {
      for (const instance of instances) instance.start();
      await expect
        .poll(
          async () =>
            (
              await db()
                .select({ id: jobs.id })
                .from(jobs)
                .where(
                  and(
                    eq(jobs.name, sendNoticesJob.name),
                    inArray(jobs.state, ["queued", "active"]),
                  ),
                )
            ).length,
          { timeout: 20_000, interval: 50 },
        )
        .toBe(0);
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
      if (secondHandle !== subject.services.database) await secondHandle.close();
    }
    for (const login of logins) {
      const sent = await noticesTo(login.email);
      expect(sent, login.email).toHaveLength(1);
      expect(sent[0]?.textBody).toContain("Kantoor Amstel heeft nieuwe berichten voor u");
    }
  });
});
