import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { samplePdf, samplePng } from "#test/support/dossiers.ts";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import {
  expectNoAccessibilityViolations,
  launchChromium,
  openPage,
  type WatchedPage,
} from "./support/browser.ts";
import { logInAsDemo } from "./support/demo-login.ts";
import { fill } from "./support/translations.ts";

const baseUrl = inject("baseUrl");

/**
 * Messages between the office and its client (SPEC B9, ADR 0012), in a real browser in each
 * language: staff write to Jan Jansen in his will's dossier (2026.0157, which the demo data
 * leaves without messages) with a new file; Jan reads it and the counts drop; he answers with
 * two of three dropped files; staff find the answer and its files in the inbox, and the files
 * are Jan's under "Door mij aangeleverd". Last, the notice mail: bundled (ADR 0013), it comes
 * after the grace of two minutes, and it names nothing of the messages.
 */
const number = "2026.0157";
const description = "Testament Jan Jansen";
const jan = "jan.jansen@example.nl";
const tom = { email: "tom@devriespartners.nl", phone: "+31612340002" };

const runs = [
  {
    language: "nl" as const,
    t: nl,
    subject: "Afspraak voor de ondertekening",
    body: "Beste heer Jansen,\n\nHierbij de agenda voor de ondertekening van uw testament.",
    officeFile: "agenda-ondertekening.pdf",
    reply: "Dank u, ik kom op de afgesproken tijd. Hierbij mijn stukken.",
    files: ["identiteitsbewijs-jan.png", "verkeerd-bestand.pdf", "bankafschrift-jan.pdf"],
  },
  {
    language: "en" as const,
    t: en,
    subject: "Questions about your will",
    body: "Dear Mr Jansen,\n\nPlease find the list of questions attached.",
    officeFile: "questions-will.pdf",
    reply: "Thank you, my answers are attached.",
    files: ["answers-jan.pdf", "wrong-file.pdf", "photo-jan.png"],
  },
];

/** Everything the notice mail must not hold: subjects, texts, file names, the dossier. */
const secrets = [
  number,
  description,
  ...runs.flatMap((run) => [run.subject, run.body, run.officeFile, run.reply, ...run.files]),
];

let browser: Browser;
const contexts: BrowserContext[] = [];
const watched: WatchedPage[] = [];
/** When staff sent the first message: the notice is a mail sent after it. */
let firstSentAt = 0;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  for (const { problems } of watched) expect(problems).toEqual([]);
  await Promise.all(contexts.map((context) => context.close()));
  await browser.close();
});

/** A browser of its own, logged in with the Dutch demo login, then in the run's language. */
async function loggedIn(language: "nl" | "en", area: "portal" | "office"): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, acceptDownloads: true });
  await context.addCookies([{ name: "poort_lang", value: "nl", url: baseUrl }]);
  contexts.push(context);
  const page = await openPage(context);
  watched.push(page);
  if (area === "office") await logInAsDemo(page.page, "office", tom.email, tom.phone);
  else await logInAsDemo(page.page, "portal", jan);
  await context.addCookies([{ name: "poort_lang", value: language, url: baseUrl }]);
  return page.page;
}

function fileOf(name: string) {
  return name.endsWith(".png")
    ? { name, mimeType: "image/png", buffer: samplePng() }
    : { name, mimeType: "application/pdf", buffer: samplePdf(name) };
}

describe.each(runs.map((run, index) => ({ ...run, index })))("messages in $language", (run) => {
  const { t, language } = run;
  const m = t.messages;
  const om = t.office.messages;
  const p = t.portal;
  // Each run adds one message from the office and one answer (and two supplied files).
  const before = 2 * run.index;
  let staff: Page;
  let client: Page;
  let dossierUrl: string;
  /** What "Door mij aangeleverd" held before the answer: other browser tests file there too. */
  let suppliedBefore: number;

  const tab = (category: keyof typeof t.dossiers.category, total: number, unread: number) =>
    client.getByRole("tab", {
      name: fill(unread > 0 ? p.dossier.tabUnread : p.dossier.tab, {
        label: t.dossiers.category[category],
        total,
        unread,
      }),
    });

  it("1. staff write to the clients of the dossier with a new file", async () => {
    staff = await loggedIn(language, "office");
    await staff.goto("/office/dossiers");
    await staff.getByLabel(t.office.dossiers.list.query).fill(number);
    await staff.getByRole("button", { name: t.office.dossiers.list.search }).click();
    await staff.getByRole("link", { name: number, exact: true }).click();
    await staff.getByRole("heading", { level: 2, name: m.title, exact: true }).waitFor();
    await staff.getByRole("button", { name: m.new, exact: true }).click();
    const form = staff.getByRole("region", {
      name: fill(om.compose.newHeading, { number }),
    });
    await form.waitFor();

    // Both fields are required, each with its own error.
    await form.getByRole("button", { name: m.compose.send }).click();
    await staff.getByRole("link", { name: m.errors.subjectMissing }).waitFor();
    await staff.getByRole("link", { name: m.errors.bodyMissing }).waitFor();
    await expectNoAccessibilityViolations(staff);

    await form.getByLabel(m.compose.subject).fill(run.subject);
    await form.getByLabel(m.compose.body).fill(run.body);
    await form.getByLabel(om.compose.newFiles).setInputFiles([fileOf(run.officeFile)]);
    await form.getByRole("button", { name: om.compose.upload }).click();
    await form
      .getByRole("button", { name: fill(m.compose.removeAttachment, { name: run.officeFile }) })
      .waitFor();
    await expectNoAccessibilityViolations(staff);
    if (!firstSentAt) firstSentAt = Date.now();
    await form.getByRole("button", { name: m.compose.send }).click();
    await staff.getByText(fill(om.sent, { subject: run.subject })).waitFor();
    await staff.getByRole("link", { name: run.subject }).waitFor();
    await expectNoAccessibilityViolations(staff);
  });

  it("3. the client sees it on Home and in the dossier, opens it, and the counts drop", async () => {
    client = await loggedIn(language, "portal");
    await client.goto("/portal");
    // The demo data leaves one unread answer in another dossier.
    await client.getByText(fill(p.home.unread.messages, { count: 2 })).waitFor();
    await expectNoAccessibilityViolations(client);

    await client.goto("/portal/dossiers");
    await client.getByLabel(p.dossiers.search).fill(number);
    await client.getByRole("button", { name: p.dossiers.searchButton }).click();
    await client.getByText(fill(p.dossiers.foundFor, { text: number, number: 1 })).waitFor();
    await client
      .getByRole("link", { name: `${p.dossiers.open} ${fill(p.dossiers.openWhich, { number })}` })
      .click();
    await tab("messages", before + 1, 1).click();
    dossierUrl = client.url();
    const dossierId = new URL(dossierUrl).pathname.split("/").at(-1);
    suppliedBefore = (await (await client.request.get(`/api/portal/dossiers/${dossierId}`)).json())
      .tabs.supplied.total;
    const row = client.getByRole("row").filter({ hasText: run.subject });
    // Incoming, by its icon's text alternative; who wrote it.
    await row.getByRole("cell", { name: m.direction.incoming, exact: true }).waitFor();
    await row.getByRole("cell", { name: "Tom Bakker" }).waitFor();
    await expectNoAccessibilityViolations(client);

    await row.getByRole("button", { name: run.subject }).click();
    const message = client.getByRole("article", { name: run.subject });
    await message.getByText(run.body.split("\n").at(-1) ?? "").waitFor();
    await message
      .getByRole("link", { name: `${p.dossier.documents.download} ${run.officeFile}` })
      .waitFor();
    await tab("messages", before + 1, 0).waitFor();
    await expectNoAccessibilityViolations(client);

    await client.goto("/portal");
    await client.getByText(fill(p.home.unread.messages, { count: 1 })).waitFor();
  });

  it("4. the client answers: drops three files, removes the wrong one and sends two", async () => {
    await client.goto(dossierUrl);
    await tab("messages", before + 1, 0).click();
    await client.getByRole("row").filter({ hasText: run.subject }).getByRole("button").click();
    await client
      .getByRole("article", { name: run.subject })
      .getByRole("button", { name: m.reply })
      .click();
    const form = client.getByRole("region", {
      name: fill(m.compose.replyHeading, { subject: run.subject }),
    });
    await form.waitFor();
    expect(await form.getByLabel(m.compose.subject).inputValue()).toBe(`Re: ${run.subject}`);

    // Required: an empty message is refused at its field.
    await form.getByRole("button", { name: m.compose.send }).click();
    await client.getByRole("link", { name: m.errors.bodyMissing }).waitFor();
    await expectNoAccessibilityViolations(client);
    await form.getByLabel(m.compose.body).fill(run.reply);

    await form.getByRole("button", { name: m.compose.addAttachments }).click();
    const dialog = client.getByRole("dialog", { name: t.upload.title });
    await dialog.waitFor();
    const files = run.files.map(fileOf);
    const dataTransfer = await client.evaluateHandle(
      (chosen) => {
        const transfer = new DataTransfer();
        for (const file of chosen) {
          transfer.items.add(
            new File([new Uint8Array(file.bytes)], file.name, { type: file.type }),
          );
        }
        return transfer;
      },
      files.map((file) => ({ name: file.name, type: file.mimeType, bytes: [...file.buffer] })),
    );
    const dropZone = dialog.getByRole("group", { name: t.upload.dropHere });
    for (const type of ["dragenter", "dragover", "drop"]) {
      await dropZone.dispatchEvent(type, { dataTransfer });
    }
    const chosen = dialog.getByRole("list", { name: t.upload.chosenFiles });
    for (const file of run.files) await chosen.getByText(file).waitFor();
    await dialog.getByRole("button", { name: t.upload.addMore }).waitFor();
    await expectNoAccessibilityViolations(client);
    await dialog.getByRole("button", { name: fill(t.upload.start_other, { count: 3 }) }).click();
    await dialog.waitFor({ state: "hidden" });

    const attachments = form.getByRole("list", { name: m.compose.attachmentsLabel });
    for (const file of run.files) await attachments.getByText(file).waitFor();
    await expectNoAccessibilityViolations(client);
    const [, wrong] = run.files;
    await attachments
      .getByRole("button", { name: fill(m.compose.removeAttachment, { name: wrong ?? "" }) })
      .click();
    await expect.poll(() => attachments.getByRole("listitem").count()).toBe(2);
    await form.getByRole("button", { name: m.compose.send }).click();
    await client.getByText(fill(m.compose.sent, { subject: `Re: ${run.subject}` })).waitFor();

    const sent = client.getByRole("row").filter({ hasText: `Re: ${run.subject}` });
    await sent.getByRole("cell", { name: m.direction.outgoing, exact: true }).waitFor();
    await sent.getByRole("cell", { name: "Jan Jansen" }).waitFor();
    await tab("messages", before + 2, 0).waitFor();
    await expectNoAccessibilityViolations(client);
  });

  it("5. staff find the answer and its two files in the inbox", async () => {
    await staff
      .getByRole("navigation", { name: t.account.menu.label })
      .getByRole("link", { name: m.title })
      .click();
    await staff.getByRole("heading", { level: 1, name: m.title }).waitFor();
    await staff.getByLabel(om.filters.read, { exact: true }).selectOption("unread");
    await staff.getByRole("button", { name: om.filters.apply }).click();
    const row = staff.getByRole("row").filter({ hasText: `Re: ${run.subject}` });
    await row.getByText(m.unread, { exact: true }).waitFor();
    await row.getByText(fill(om.attachmentCount, { count: 2 })).waitFor();
    await row.getByRole("cell", { name: number }).waitFor();
    await expectNoAccessibilityViolations(staff);

    await row.getByRole("link", { name: `Re: ${run.subject}` }).click();
    await staff.getByRole("heading", { level: 1, name: `Re: ${run.subject}` }).waitFor();
    const files = staff.getByRole("list", { name: m.attachments });
    const [first, wrong, third] = run.files;
    for (const file of [first, third]) {
      await files.getByRole("link", { name: `${om.download} ${file}` }).waitFor();
    }
    expect(await files.getByText(wrong ?? "").count()).toBe(0);
    await staff.getByText(run.reply).waitFor();
    await expectNoAccessibilityViolations(staff);

    await staff.getByRole("button", { name: om.markHandled }).click();
    await staff.getByText(om.handledDone).waitFor();
    await staff.getByRole("button", { name: om.reopen }).waitFor();
    await expectNoAccessibilityViolations(staff);
  });

  it("6. the two files are the client's, under Door mij aangeleverd", async () => {
    await tab("supplied", suppliedBefore + 2, 0).click();
    const [first, wrong, third] = run.files;
    for (const file of [first, third]) {
      await client
        .getByRole("cell", { name: file ?? "", exact: true })
        .first()
        .waitFor();
    }
    expect(await client.getByRole("cell", { name: wrong ?? "", exact: true }).count()).toBe(0);
    await expectNoAccessibilityViolations(client);
  });
});

describe("the notice of new messages", () => {
  it("2. reaches the client's dev outbox in one bundled mail that names nothing of the messages", async () => {
    const context = await browser.newContext({ baseURL: baseUrl });
    contexts.push(context);
    const page = await context.newPage();
    interface Mail {
      to: string;
      subject: string;
      text: string;
      html?: string;
      sentAt: string;
    }
    let notice: Mail | undefined;
    // The first notice after a while waits two minutes, so that a burst makes one mail.
    await expect
      .poll(
        async () => {
          const { mails } = (await (await page.request.get("/dev/outbox/mail")).json()) as {
            mails: Mail[];
          };
          notice = mails.find(
            (mail) =>
              mail.to === jan &&
              Date.parse(mail.sentAt) >= firstSentAt &&
              /nieuw bericht|nieuwe berichten/.test(mail.text),
          );
          return notice;
        },
        { timeout: 200_000, interval: 1000 },
      )
      .toBeDefined();
    const mail = notice as Mail;
    expect(mail.subject).toBe(
      "Er staat iets nieuws voor u klaar bij Notariskantoor De Vries & Partners",
    );
    expect(mail.text).toContain("/portal/login");
    for (const secret of secrets) {
      expect(mail.subject).not.toContain(secret);
      expect(mail.text).not.toContain(secret);
      if (mail.html) expect(mail.html).not.toContain(secret);
    }
  }, 240_000);
});

describe("a message sent in error", () => {
  const t = nl;
  const m = t.messages;
  const om = t.office.messages;
  const subject = "Bericht aan de verkeerde cliënt";

  it("is withdrawn by staff after a confirmation, and the client no longer sees it", async () => {
    const staff = await loggedIn("nl", "office");
    await staff.goto("/office/dossiers");
    await staff.getByLabel(t.office.dossiers.list.query).fill(number);
    await staff.getByRole("button", { name: t.office.dossiers.list.search }).click();
    await staff.getByRole("link", { name: number, exact: true }).click();
    await staff.getByRole("button", { name: m.new, exact: true }).click();
    const form = staff.getByRole("region", { name: fill(om.compose.newHeading, { number }) });
    await form.getByLabel(m.compose.subject).fill(subject);
    await form.getByLabel(m.compose.body).fill("Dit bericht was niet voor u bedoeld.");
    await form.getByRole("button", { name: m.compose.send }).click();
    await staff.getByRole("link", { name: subject }).click();
    await staff.getByRole("heading", { level: 1, name: subject }).waitFor();

    await staff.getByRole("button", { name: om.withdraw }).click();
    await staff.getByRole("heading", { level: 2, name: om.withdrawHeading }).waitFor();
    await expectNoAccessibilityViolations(staff);
    await staff.getByRole("button", { name: om.withdrawConfirm }).click();
    await staff.getByText(om.withdrawnDone).waitFor();
    // Who withdrew it, and that the clients no longer see it.
    await staff.getByText("De cliënten zien het niet meer", { exact: false }).waitFor();
    expect(await staff.getByRole("button", { name: om.withdraw }).count()).toBe(0);
    expect(await staff.getByRole("button", { name: m.reply }).count()).toBe(0);
    await expectNoAccessibilityViolations(staff);

    const client = await loggedIn("nl", "portal");
    await client.goto("/portal");
    // Only the demo's unread answer is left: the withdrawn message counts no more.
    await client.getByText(fill(t.portal.home.unread.messages, { count: 1 })).waitFor();
    await client.goto("/portal/dossiers");
    await client.getByLabel(t.portal.dossiers.search).fill(number);
    await client.getByRole("button", { name: t.portal.dossiers.searchButton }).click();
    await client
      .getByRole("link", {
        name: `${t.portal.dossiers.open} ${fill(t.portal.dossiers.openWhich, { number })}`,
      })
      .click();
    await client.getByRole("tab", { name: new RegExp(`^${t.dossiers.category.messages}`) }).click();
    await client.getByRole("table", { name: t.portal.dossier.messages.caption }).waitFor();
    expect(await client.getByText(subject).count()).toBe(0);
  });
});
