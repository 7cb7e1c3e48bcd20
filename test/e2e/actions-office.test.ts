import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { willIntake } from "#test/support/actions.ts";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { callApi, clientThroughTheApi, createTemplate, demo } from "./support/actions.ts";
import { browserForFile, expectNoAccessibilityViolations } from "./support/browser.ts";
import { loggedInPage } from "./support/demo-login.ts";
import { expectPageFits } from "./support/layout.ts";
import { fill } from "./support/translations.ts";

/**
 * Actions in the back office (issue 13, ADR 0014), in a real browser in each language: Sara (an
 * admin) makes a questionnaire through the API; Tom opens Jan Jansen's will dossier (2026.0157),
 * meets the errors of an empty "Actie versturen", sends the questionnaire to Jan with a due date
 * and an upload request for two documents, and sees both as Open. Jan fills in and completes
 * the questionnaire through the API; Tom then sees it completed, reads the answers with who gave
 * them, downloads the CSV and the PDF, reminds Jan of the upload request, and then withdraws it
 * as sent in error. Every state passes axe.
 */
const number = "2026.0157";
const desktop = { width: 1280, height: 800 };
const mobile = { width: 360, height: 740 };

const runs = [
  {
    language: "nl" as const,
    t: nl,
    questionnaire: { nl: "Testament (ronde NL)", en: "Will (NL round)" },
    upload: "Stukken voor het testament",
    items: ["Kopie paspoort", "Bankafschrift"],
    instruction: "Graag invullen voor het eerste gesprek.",
    heir: "Piet Jansen",
  },
  {
    language: "en" as const,
    t: en,
    questionnaire: { nl: "Testament (ronde EN)", en: "Will (EN round)" },
    upload: "Documents for the will",
    items: ["Copy of passport", "Bank statement"],
    instruction: "Please fill this in before our first meeting.",
    heir: "Kees Jansen",
  },
];

const browser = browserForFile();
/** Sara's browser, logged in to the back office: she makes the questionnaires. */
let admin: Page | undefined;

/** A browser of its own, logged in to the back office, then in the run's language. */
async function loggedIn(language: "nl" | "en", who: { email: string; phone: string }) {
  const options = { acceptDownloads: true, viewport: desktop };
  return (await loggedInPage(browser, "office", who, language, options)).page;
}

/** A day from today, "YYYY-MM-DD", as the date box takes it. */
function daysFromNow(days: number): string {
  const day = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return day.toISOString().slice(0, 10);
}

const longDate = (day: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );

describe.each(runs)("actions in the back office in $language", (run) => {
  const { t, language } = run;
  const a = t.office.actions;
  const form = a.form;
  const page = a.page;
  const title = run.questionnaire[language];
  const due = daysFromNow(30);
  let staff: Page;
  let dossierUrl: string;
  let questionnaireId: string;
  let uploadId: string;

  const composer = () =>
    staff.getByRole("region", { name: fill(form.heading, { number }), exact: true });
  const row = (name: string) =>
    staff.getByRole("row").filter({ has: staff.getByRole("link", { name, exact: true }) });
  const actionIdOf = async (name: string) =>
    ((await staff.getByRole("link", { name, exact: true }).getAttribute("href")) ?? "")
      .split("/")
      .at(-1) ?? "";

  it("1. staff open the dossier, and an empty Actie versturen shows its errors", async () => {
    admin ??= await loggedIn("nl", demo.sara);
    await createTemplate(admin.request, { ...willIntake, title: run.questionnaire });

    staff = await loggedIn(language, demo.tom);
    await staff.goto("/office/dossiers");
    await staff.getByLabel(t.office.dossiers.list.query).fill(number);
    await staff.getByRole("button", { name: t.office.dossiers.list.search }).click();
    await staff.getByRole("link", { name: number, exact: true }).click();
    await staff.getByRole("heading", { level: 2, name: a.heading, exact: true }).waitFor();
    dossierUrl = staff.url();
    await expectNoAccessibilityViolations(staff);

    await staff.getByRole("button", { name: a.send, exact: true }).click();
    await composer().waitFor();
    // Jan is the dossier's only client: chosen already. Without him, and without a
    // questionnaire, both errors show, at the fields and in the summary.
    const janBox = composer().getByRole("checkbox", { name: "Jan Jansen" });
    expect(await janBox.isChecked()).toBe(true);
    await janBox.uncheck();
    await composer().getByRole("button", { name: form.send, exact: true }).click();
    await staff.getByRole("link", { name: a.errors.template }).waitFor();
    await staff.getByRole("link", { name: a.errors.clients }).waitFor();
    expect(
      await composer().getByRole("combobox", { name: form.template }).getAttribute("aria-invalid"),
    ).toBe("true");
    await expectNoAccessibilityViolations(staff);

    // A due date in the past, and an upload request without its title and document.
    await composer().getByLabel(form.dueDate).fill(daysFromNow(-2));
    await composer().getByRole("radio", { name: a.kind.uploadRequest }).check();
    await composer().getByRole("button", { name: form.send, exact: true }).click();
    await staff.getByRole("link", { name: a.errors.title }).waitFor();
    await staff.getByRole("link", { name: fill(a.errors.itemLabel, { n: 1 }) }).waitFor();
    await staff.getByRole("link", { name: a.errors.dueDatePast }).waitFor();
    await expectNoAccessibilityViolations(staff);

    // The link in the summary leads to its field.
    await staff.getByRole("link", { name: a.errors.title }).click();
    expect(
      await composer()
        .getByLabel(form.title)
        .evaluate((element) => element === document.activeElement),
    ).toBe(true);

    await composer().getByRole("button", { name: form.cancel, exact: true }).click();
    await composer().waitFor({ state: "hidden" });
    // The focus is back on the button that opened the form.
    expect(
      await staff
        .getByRole("button", { name: a.send, exact: true })
        .evaluate((element) => element === document.activeElement),
    ).toBe(true);
  });

  it("2. staff send the questionnaire to Jan with a due date", async () => {
    await staff.getByRole("button", { name: a.send, exact: true }).click();
    await composer()
      .getByRole("combobox", { name: form.template })
      .selectOption({
        label: fill(form.templateOption, { title, version: 1 }),
      });
    await composer().getByLabel(form.dueDate).fill(due);
    await composer().getByLabel(form.instruction).fill(run.instruction);
    await expectNoAccessibilityViolations(staff);
    await composer().getByRole("button", { name: form.send, exact: true }).click();
    await staff.getByText(fill(a.sentNotice, { title, clients: "Jan Jansen" })).waitFor();
    await composer().waitFor({ state: "hidden" });

    const sent = row(title);
    await sent.getByRole("cell", { name: a.kind.questionnaire, exact: true }).waitFor();
    await sent.getByRole("cell", { name: a.state.open, exact: true }).waitFor();
    await sent.getByRole("cell", { name: longDate(due, language), exact: true }).waitFor();
    await sent.getByRole("cell", { name: "Jan Jansen", exact: true }).waitFor();
    questionnaireId = await actionIdOf(title);
    await expectNoAccessibilityViolations(staff);
  });

  it("3. staff send an upload request for two documents, and see both as Open", async () => {
    await staff.getByRole("button", { name: a.send, exact: true }).click();
    await composer().getByRole("radio", { name: a.kind.uploadRequest }).check();
    await composer().getByLabel(form.title).fill(run.upload);
    const item = (n: number) =>
      composer().getByRole("group", { name: fill(form.itemHeading, { n }), exact: true });
    await item(1)
      .getByLabel(form.itemLabel)
      .fill(run.items[0] ?? "");
    await composer().getByRole("button", { name: form.addItem }).click();
    // The new document's name takes the focus.
    await expect
      .poll(() =>
        item(2)
          .getByLabel(form.itemLabel)
          .evaluate((element) => element === document.activeElement),
      )
      .toBe(true);
    await staff.keyboard.type(run.items[1] ?? "");
    await item(2).getByLabel(form.itemDescription).fill("3 maanden / 3 months");
    await item(2).getByRole("checkbox", { name: form.itemRequired }).uncheck();
    // A third, added and removed again.
    await composer().getByRole("button", { name: form.addItem }).click();
    await item(3).waitFor();
    await expectNoAccessibilityViolations(staff);
    await composer()
      .getByRole("button", { name: fill(form.removeItem, { n: 3 }) })
      .click();
    await item(3).waitFor({ state: "hidden" });
    await composer().getByRole("button", { name: form.send, exact: true }).click();
    await staff
      .getByText(fill(a.sentNotice, { title: run.upload, clients: "Jan Jansen" }))
      .waitFor();

    const sent = row(run.upload);
    await sent.getByRole("cell", { name: a.kind.uploadRequest, exact: true }).waitFor();
    await sent.getByRole("cell", { name: a.state.open, exact: true }).waitFor();
    await sent.getByRole("cell", { name: a.noDueDate, exact: true }).waitFor();
    await row(title).getByRole("cell", { name: a.state.open, exact: true }).waitFor();
    uploadId = await actionIdOf(run.upload);
    await expectNoAccessibilityViolations(staff);
  });

  it("4. Jan fills in and completes the questionnaire, and staff see it completed", async () => {
    const client = await clientThroughTheApi(browser, demo.jan);
    const pages: [string, Record<string, unknown>][] = [
      [
        "persoon",
        {
          naam: "Jan Jansen",
          geboortedatum: "6-12-1960",
          bsn: "111222333",
          getrouwd: false,
        },
      ],
      ["erfgenamen", { erfgenaam: [{ erfgenaam_naam: run.heir, erfdeel: "€ 1.250,-" }] }],
      ["afronding", { iban: "NL91 ABNA 0417 1643 00" }],
    ];
    for (const [pageId, answers] of pages) {
      await callApi(client, "PUT", `/api/portal/actions/${questionnaireId}/pages/${pageId}`, {
        answers,
        go: "next",
      });
    }
    await callApi(client, "POST", `/api/portal/actions/${questionnaireId}/completion`);

    await staff.goto(dossierUrl);
    const done = row(title);
    await done.waitFor();
    const completedPrefix = a.state.completedOn.split("{{")[0]?.trim() ?? "";
    await done.getByRole("cell").filter({ hasText: completedPrefix }).waitFor();
    await expectNoAccessibilityViolations(staff);
  });

  it("5. staff read the answers, download the CSV, and the PDF link works", async () => {
    await row(title).getByRole("link", { name: title, exact: true }).click();
    await staff.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
    expect(new URL(staff.url()).pathname).toBe(`/office/actions/${questionnaireId}`);
    await staff.getByText(fill(page.versionOf, { number: 1 })).waitFor();
    await staff.getByRole("link", { name: fill(page.back, { number }) }).waitFor();
    await staff.getByText(run.instruction).waitFor();

    const answers = staff.getByRole("region", { name: page.answersHeading, exact: true });
    const heading =
      language === "nl" ? willIntake.pages[1]?.title.nl : willIntake.pages[1]?.title.en;
    await answers.getByRole("heading", { level: 3, name: heading, exact: true }).waitFor();
    await answers
      .getByText(language === "nl" ? "Erfgenaam 1" : "Heir 1", { exact: true })
      .waitFor();
    await answers.getByText(run.heir, { exact: true }).waitFor();
    await answers.getByText("NL91 ABNA 0417 1643 00", { exact: true }).waitFor();
    // The wishes and the passport were left empty.
    expect(await answers.getByText(page.notAnswered, { exact: true }).count()).toBe(2);
    const answeredBy = page.answeredBy.split("{{")[0] ?? "";
    expect(await answers.getByText(answeredBy).count()).toBeGreaterThan(0);
    await answers
      .getByText(new RegExp(`${answeredBy.trim()}.*Jan Jansen`))
      .first()
      .waitFor();
    // Completed: no reminder any more.
    expect(await staff.getByRole("button", { name: page.remind }).count()).toBe(0);
    await expectNoAccessibilityViolations(staff);

    const [download] = await Promise.all([
      staff.waitForEvent("download"),
      answers.getByRole("link", { name: page.downloadCsv }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? "", "utf8");
    expect(csv).toContain(run.heir);
    expect(csv).toContain("Jan Jansen");
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    const json = await staff.request.get(
      (await answers.getByRole("link", { name: page.downloadJson }).getAttribute("href")) ?? "",
    );
    expect(json.status()).toBe(200);
    expect(await json.text()).toContain(run.heir);

    const pdfHref = await answers
      .getByRole("link", { name: page.downloadPdf })
      .getAttribute("href");
    const pdf = await staff.request.get(pdfHref ?? "");
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("6. staff remind Jan of the upload request", async () => {
    await staff.goto(dossierUrl);
    await row(run.upload).getByRole("link", { name: run.upload, exact: true }).click();
    await staff.getByRole("heading", { level: 1, name: run.upload, exact: true }).waitFor();
    expect(new URL(staff.url()).pathname).toBe(`/office/actions/${uploadId}`);
    const items = staff.getByRole("region", {
      name: fill(page.itemsCaption, { client: "Jan Jansen" }),
      exact: true,
    });
    for (const label of run.items) {
      await items
        .getByRole("row")
        .filter({ hasText: label })
        .getByRole("cell", { name: page.notDelivered, exact: true })
        .waitFor();
    }
    await staff.getByText(page.notReminded, { exact: true }).waitFor();
    await expectNoAccessibilityViolations(staff);

    await staff.getByRole("button", { name: page.remind, exact: true }).click();
    const confirm = staff.getByRole("region", {
      name: fill(page.remindHeading, { client: "Jan Jansen" }),
    });
    await confirm.getByText(page.remindConfirmText).waitFor();
    await expectNoAccessibilityViolations(staff);
    await confirm.getByRole("button", { name: page.remindConfirm }).click();
    await staff.getByText(fill(page.remindedNotice, { client: "Jan Jansen" })).waitFor();
    await expect.poll(() => staff.getByText(page.notReminded, { exact: true }).count()).toBe(0);
    await expectNoAccessibilityViolations(staff);
  });

  it("7. staff withdraw the upload request, which the dossier's Acties then show as Ingetrokken", async () => {
    await staff.getByRole("button", { name: page.withdraw, exact: true }).click();
    const confirm = staff.getByRole("region", {
      name: fill(page.withdrawConfirmHeading, { client: "Jan Jansen" }),
    });
    await confirm.getByText(page.withdrawConfirmText).waitFor();
    await expectNoAccessibilityViolations(staff);
    await confirm.getByRole("button", { name: page.withdrawConfirm }).click();
    await staff.getByText(fill(page.withdrawnNotice, { client: "Jan Jansen" })).waitFor();
    const withdrawnPrefix = page.withdrawnByAt.split("{{")[0]?.trim() ?? "";
    await staff.getByText(new RegExp(`^${withdrawnPrefix}.*Tom`)).waitFor();
    // Nothing left to remind or withdraw.
    expect(await staff.getByRole("button", { name: page.remind }).count()).toBe(0);
    expect(await staff.getByRole("button", { name: page.withdraw }).count()).toBe(0);
    await expectNoAccessibilityViolations(staff);

    await staff.goto(dossierUrl);
    await row(run.upload).getByRole("cell", { name: a.state.withdrawn, exact: true }).waitFor();
  });

  it("8. the dossier's Acties and the action pages fit or scroll at 1280 and 360 px", async () => {
    const paths = [
      new URL(dossierUrl).pathname,
      `/office/actions/${questionnaireId}`,
      `/office/actions/${uploadId}`,
    ];
    for (const size of [desktop, mobile]) {
      await staff.setViewportSize(size);
      for (const path of paths) {
        await staff.goto(path);
        // The questionnaire's page has its answers (after the action itself), the others a table.
        if (path.endsWith(questionnaireId)) await staff.getByText(run.heir).waitFor();
        else await staff.locator("table").first().waitFor();
        await expectPageFits(staff, `${path} at ${size.width} px`);
        await expectNoAccessibilityViolations(staff);
      }
    }
    await staff.setViewportSize(desktop);
  });
});
