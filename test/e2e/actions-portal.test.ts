import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { willIntake } from "#test/support/actions.ts";
import { samplePdf } from "#test/support/dossiers.ts";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { callApi, createTemplate, demo, sendAction } from "./support/actions.ts";
import { browserForFile, expectNoAccessibilityViolations } from "./support/browser.ts";
import { loggedInPage, logInInLanguage } from "./support/demo-login.ts";
import { fill } from "./support/translations.ts";

const run = promisify(execFile);

/**
 * Acties in the client portal (issue 13, seed 2.1.2), in a real browser in each language, Dutch
 * at 1280 px and English at 360 px: Sara (an admin: only admins make questionnaires) makes a will
 * intake of three pages and sends it, and a request for two documents, to Jan Jansen in his
 * property transfer (2026.0142). Jan sees the count on Home, opens Acties and "Invullen"; a wrong
 * BSN is refused beside its field; "Volgende" saves page 1; he logs out and in again and resumes
 * on page 2; "Vorige" shows page 1 as he left it; he adds two heirs, uploads his passport on the
 * last page, checks the summary and confirms. The PDF is his under "Door mij aangeleverd" and
 * holds every answer. Then he delivers both requested documents through the upload dialog. Every
 * state passes axe.
 */
const number = "2026.0142";

const runs = [
  {
    language: "nl" as const,
    t: nl,
    viewport: { width: 1280, height: 900 },
    title: { nl: "Testament e2e NL", en: "Will e2e NL" },
    request: "Stukken voor de levering (e2e NL)",
  },
  {
    language: "en" as const,
    t: en,
    viewport: { width: 360, height: 740 },
    title: { nl: "Testament e2e EN", en: "Will e2e EN" },
    request: "Papers for the transfer (e2e EN)",
  },
];

/** Each step walks several pages and runs axe on each state. */
const slow = 120_000;

const items = [
  { label: "Kopie identiteitsbewijs", description: "Voor- en achterkant.", required: true },
  { label: "Recent bankafschrift", required: false },
];

const browser = browserForFile();
let staff: Page | undefined;
let dossierId: string;
let janClientId: string;
let folder: string;

/**
 * Sara's browser, logged in once (within a test: the SMS code is polled with `expect.poll`), and
 * the dossier and Jan's client id looked up through the office API.
 */
async function staffPage(): Promise<Page> {
  if (staff) return staff;
  staff = (await loggedInPage(browser, "office", demo.sara, "nl")).page;
  const found = await callApi(staff.request, "GET", `/api/office/dossiers?q=${number}`);
  const dossier = found.dossiers.find(
    (candidate: { number: string }) => candidate.number === number,
  );
  dossierId = dossier.id;
  janClientId = dossier.clients.find((client: { name: string }) => client.name === "Jan Jansen").id;
  return staff;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "poort-actions-e2e-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Nothing sticks out sideways: the page fits the screen without scrolling horizontally. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, pdf);
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
  // pdftotext breaks lines where the PDF wraps them.
  return stdout.replace(/\s+/g, " ");
}

/** Uploads one file through the open upload dialog and waits until it closed by itself. */
async function uploadThroughDialog(page: Page, t: typeof nl, name: string) {
  const dialog = page.getByRole("dialog", { name: t.upload.title });
  await dialog.waitFor();
  await dialog
    .getByLabel(t.upload.fileInput)
    .setInputFiles({ name, mimeType: "application/pdf", buffer: samplePdf(name) });
  await dialog.getByText(name).waitFor();
  await expectNoAccessibilityViolations(page);
  await dialog.getByRole("button", { name: fill(t.upload.start_one, { count: 1 }) }).click();
  await dialog.waitFor({ state: "hidden" });
}

describe.each(runs)("Acties in the portal in $language", (runConfig) => {
  const { t, language, title, request } = runConfig;
  const p = t.portal;
  const a = p.actions;
  const q = t.questionnaires;
  /** What the client sees of the definition's texts. */
  const shown = (texts: { nl: string; en: string }) => texts[language];
  const required = (label: string) => `${label} (${q.required})`;
  const [persoon, erfgenamen, afronding] = willIntake.pages;
  const heirGroup = erfgenamen?.items.find((item) => item.kind === "group");
  const heirLabel = heirGroup?.kind === "group" ? shown(heirGroup.itemLabel) : "";
  const labelOf = (pageIndex: number, id: string) => {
    const page = willIntake.pages[pageIndex];
    for (const item of page?.items ?? []) {
      if (item.id === id && item.kind === "question") return shown(item.label);
      if (item.kind === "group") {
        const question = item.questions.find((candidate) => candidate.id === id);
        if (question) return shown(question.label);
      }
    }
    throw new Error(`no question ${id}`);
  };
  const answers = {
    name: "Jan Jansen",
    born: "1960-12-06",
    wrongBsn: "123456789",
    bsn: "111222333",
    partner: "Zoë Jansen-IJsselmeer",
    heirs: ["Piet Jansen", "Kees Jansen"],
    legacy: "1.250",
    iban: "nl91 abna 0417 1643 00",
    wishes: "Geen bloemen. Wel muziek.",
    passport: `paspoort-${language}.pdf`,
  };
  /** The answers as the summary and the PDF show them, the amount and IBAN formatted. */
  const answersShown = [
    answers.name,
    answers.bsn,
    answers.partner,
    ...answers.heirs,
    "€ 1.250,00",
    "NL91 ABNA 0417 1643 00",
    answers.passport,
  ];
  const pageOf = (page: number, pages: number) => fill(a.questionnaire.pageOf, { page, pages });

  let client: Page;
  let questionnaireId: string;
  let openBefore: number;

  const field = (pageIndex: number, id: string, isRequired: boolean) =>
    client.getByLabel(isRequired ? required(labelOf(pageIndex, id)) : labelOf(pageIndex, id), {
      exact: true,
    });
  const nextButton = () => client.getByRole("button", { name: a.questionnaire.next, exact: true });
  const previousButton = () =>
    client.getByRole("button", { name: a.questionnaire.previous, exact: true });
  const onPage = async (page: number) => {
    await client.getByText(pageOf(page, 3), { exact: true }).waitFor();
    await expectNoSidewaysScroll(client);
  };
  const married = () => client.getByRole("group", { name: required(labelOf(0, "getrouwd")) });
  const openActions = async () => {
    const { actions } = await (await client.request.get("/api/portal/actions")).json();
    return (actions as { state: string }[]).filter((action) => action.state !== "completed").length;
  };
  /** The row of the action with this title in the table of Acties. */
  const actionRow = (actionTitle: string) =>
    client
      .getByRole("table", { name: a.caption })
      .getByRole("row")
      .filter({ hasText: actionTitle });
  const homeTile = () =>
    client.getByRole("listitem").filter({
      has: client.getByRole("heading", { level: 2, name: p.home.actions.title }),
    });

  it(
    "0. the office sends Jan a questionnaire and a request for two documents",
    async () => {
      const office = (await staffPage()).request;
      const templateId = await createTemplate(office, { ...willIntake, title });
      const [sent] = await sendAction(office, dossierId, {
        kind: "questionnaire",
        templateId,
        clientIds: [janClientId],
        instruction: "Wilt u deze vragenlijst invullen vóór ons gesprek?",
      });
      questionnaireId = sent ?? "";
      await sendAction(office, dossierId, {
        kind: "upload-request",
        title: request,
        items,
        clientIds: [janClientId],
        dueDate: "2099-12-31",
      });
    },
    slow,
  );

  it(
    "1. Jan sees the count on Home and opens Acties",
    async () => {
      const options = { viewport: runConfig.viewport, acceptDownloads: true };
      client = (await loggedInPage(browser, "portal", demo.jan, language, options)).page;
      await client.goto("/portal");
      openBefore = await openActions();
      expect(openBefore).toBeGreaterThanOrEqual(2);
      await homeTile()
        .getByText(fill(p.home.actions.open, { number: openBefore }))
        .waitFor();
      await expectNoAccessibilityViolations(client);
      await client
        .getByRole("navigation", { name: t.account.menu.label })
        .getByRole("link", { name: a.title, exact: true })
        .waitFor();

      await homeTile().getByRole("link", { name: p.home.actions.title }).click();
      await client.getByRole("heading", { level: 1, name: a.title }).waitFor();
      const row = actionRow(shown(title));
      await row.getByRole("cell", { name: a.kind.questionnaire, exact: true }).waitFor();
      await row.getByRole("cell", { name: a.state.open, exact: true }).waitFor();
      await row.getByText(`${number} – Levering Kade 12, Amsterdam`).waitFor();
      const requestRow = actionRow(request);
      await requestRow.getByRole("cell", { name: a.kind.uploadRequest, exact: true }).waitFor();
      await requestRow.getByRole("link", { name: `${a.deliver} ${request}` }).waitFor();
      await expectNoAccessibilityViolations(client);
    },
    slow,
  );

  it(
    "2. Invullen: a wrong BSN is refused beside its field, then Volgende saves page 1",
    async () => {
      await client.getByRole("link", { name: `${a.fill} ${shown(title)}` }).click();
      await client.getByRole("heading", { level: 1, name: shown(title) }).waitFor();
      await onPage(1);
      await client
        .getByRole("heading", { level: 2, name: shown(persoon?.title ?? title) })
        .waitFor();
      await expectNoAccessibilityViolations(client);

      await field(0, "naam", true).fill(answers.name);
      await field(0, "geboortedatum", true).fill(answers.born);
      await field(0, "bsn", true).fill(answers.wrongBsn);
      // The partner's name is asked only once "married" is answered yes.
      expect(await field(0, "partner", true).count()).toBe(0);
      await married().getByRole("radio", { name: q.yes, exact: true }).check();
      await field(0, "partner", true).fill(answers.partner);

      await nextButton().click();
      const summaryLink = client.getByRole("link", {
        name: fill(q.errorItem, { label: labelOf(0, "bsn"), message: q.errors.invalid_bsn }),
      });
      await summaryLink.waitFor();
      // The error summary has the focus, and the field says what is wrong, tied to it.
      expect(await client.evaluate(() => document.activeElement?.textContent ?? "")).toContain(
        q.errorSummary,
      );
      const bsn = field(0, "bsn", true);
      expect(await bsn.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await bsn.getAttribute("aria-describedby")) ?? "";
      const description = await client.evaluate(
        (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
        describedBy.split(" "),
      );
      expect(description).toContain(q.errors.invalid_bsn);
      await onPage(1);
      await expectNoAccessibilityViolations(client);

      await summaryLink.click();
      expect(await bsn.evaluate((element) => element === document.activeElement)).toBe(true);
      await bsn.fill(answers.bsn);
      await nextButton().click();
      await onPage(2);
      // The focus moves to the new page's heading.
      expect(await client.evaluate(() => document.activeElement?.tagName)).toBe("H2");
      expect(await client.evaluate(() => document.activeElement?.textContent)).toBe(
        shown(erfgenamen?.title ?? title),
      );
      await expectNoAccessibilityViolations(client);
    },
    slow,
  );

  it(
    "3. after logging out and in again, Invullen resumes on page 2 and Vorige keeps page 1",
    async () => {
      await client.getByRole("button", { name: t.account.accountBar.logout }).click();
      await client.waitForURL((url) => url.pathname === "/portal/login");
      await logInInLanguage(client, "portal", demo.jan, language);
      await client.goto("/portal/acties");
      const row = actionRow(shown(title));
      await row
        .getByRole("cell", { name: fill(a.state.inProgressPage, { page: 2, pages: 3 }) })
        .waitFor();
      await row.getByRole("link", { name: `${a.fill} ${shown(title)}` }).click();
      await onPage(2);
      await expectNoAccessibilityViolations(client);

      await previousButton().click();
      await onPage(1);
      expect(await field(0, "naam", true).inputValue()).toBe(answers.name);
      expect(await field(0, "geboortedatum", true).inputValue()).toBe(answers.born);
      expect(await field(0, "bsn", true).inputValue()).toBe(answers.bsn);
      expect(await married().getByRole("radio", { name: q.yes, exact: true }).isChecked()).toBe(
        true,
      );
      expect(await field(0, "partner", true).inputValue()).toBe(answers.partner);
      expect(await previousButton().count()).toBe(0);
      await expectNoAccessibilityViolations(client);
    },
    slow,
  );

  it(
    "4. Jan adds two heirs, uploads his passport, checks the summary and confirms",
    async () => {
      await nextButton().click();
      await onPage(2);
      const heir = (n: number) =>
        client.getByRole("group", { name: fill(q.group.item, { item: heirLabel, n }) });
      const heirName = required(labelOf(1, "erfgenaam_naam"));
      await heir(1)
        .getByLabel(heirName, { exact: true })
        .fill(answers.heirs[0] ?? "");
      await heir(1).getByLabel(labelOf(1, "erfdeel"), { exact: true }).fill(answers.legacy);
      await client
        .getByRole("button", {
          name: fill(q.group.add, { item: heirLabel.toLowerCase() }),
        })
        .click();
      // The new heir's first field has the focus.
      const second = heir(2).getByLabel(heirName, { exact: true });
      expect(await second.evaluate((element) => element === document.activeElement)).toBe(true);
      await second.fill(answers.heirs[1] ?? "");
      await expectNoAccessibilityViolations(client);
      await nextButton().click();

      await onPage(3);
      await field(2, "iban", true).fill(answers.iban);
      await field(2, "wensen", false).fill(answers.wishes);
      const passport = client.getByRole("group", { name: labelOf(2, "paspoort") });
      await passport.getByRole("button", { name: q.file.add }).click();
      await uploadThroughDialog(client, t, answers.passport);
      await passport.getByText(`${q.file.chosen} ${answers.passport}`).waitFor();
      await passport
        .getByRole("button", { name: `${q.file.remove} ${answers.passport}` })
        .waitFor();
      await expectNoAccessibilityViolations(client);
      await nextButton().click();

      await client
        .getByRole("heading", { level: 2, name: a.questionnaire.summaryHeading })
        .waitFor();
      for (const text of answersShown) {
        await client.getByText(text, { exact: true }).waitFor();
      }
      // Heir 2 has no legacy: said as such.
      await client.getByText(q.summary.notAnswered, { exact: true }).waitFor();
      await client.getByRole("button", { name: a.questionnaire.print }).waitFor();
      for (const section of [persoon, erfgenamen, afronding]) {
        await client
          .getByRole("button", {
            name: `${q.summary.change} ${fill(q.summary.changeWhich, { page: shown(section?.title ?? title) })}`,
          })
          .waitFor();
      }
      await expectNoSidewaysScroll(client);
      await expectNoAccessibilityViolations(client);

      await client.getByRole("button", { name: a.questionnaire.confirm }).click();
      await client.getByRole("heading", { level: 2, name: a.questionnaire.doneHeading }).waitFor();
      await client.getByText(fill(a.questionnaire.done, { number })).waitFor();
      await expectNoAccessibilityViolations(client);
    },
    slow,
  );

  it(
    "5. the PDF is Jan's under Door mij aangeleverd and holds every answer",
    async () => {
      const href = await client.getByRole("link", { name: a.downloadPdf }).getAttribute("href");
      const download = await client.request.get(href ?? "");
      expect(download.headers()["content-type"]).toBe("application/pdf");
      const text = await pdfText(await download.body(), `answers-${language}.pdf`);
      for (const answer of [...answersShown, answers.wishes]) {
        expect(text).toContain(answer);
      }
      // The date of birth, in the language of Jan's account.
      expect(text).toMatch(/6 [Dd]ecember 1960/);

      await client.getByRole("link", { name: fill(a.questionnaire.toDossier, { number }) }).click();
      const tab = client.getByRole("tab", { selected: true });
      expect(await tab.textContent()).toContain(t.dossiers.category.supplied);
      // Filed under the questionnaire's title in the language of Jan's account (Dutch).
      await client.getByRole("cell", { name: title.nl, exact: true }).waitFor();
      await client
        .getByRole("cell", { name: `${title.nl} - antwoorden.pdf`, exact: true })
        .waitFor();
      await client.getByRole("cell", { name: answers.passport, exact: true }).waitFor();
      await expectNoAccessibilityViolations(client);

      // Bekijken: the completed questionnaire with its answers, read only.
      await client.goto(`/portal/acties/${questionnaireId}`);
      await client
        .getByRole("heading", { level: 2, name: a.questionnaire.completedHeading })
        .waitFor();
      await client.getByText(answers.partner, { exact: true }).waitFor();
      expect(await client.getByRole("button", { name: a.questionnaire.confirm }).count()).toBe(0);
      await expectNoAccessibilityViolations(client);
    },
    slow,
  );

  it(
    "6. Jan delivers both requested documents, and the request is completed",
    async () => {
      await client.goto("/portal/acties");
      await client.getByRole("link", { name: `${a.deliver} ${request}` }).click();
      await client.getByRole("heading", { level: 1, name: request }).waitFor();
      await client.getByRole("heading", { level: 2, name: a.upload.itemsHeading }).waitFor();
      await expectNoSidewaysScroll(client);
      await expectNoAccessibilityViolations(client);

      for (const [index, item] of items.entries()) {
        const file = `document-${index + 1}-${language}.pdf`;
        await client.getByRole("button", { name: `${a.deliver} ${item.label}` }).click();
        await uploadThroughDialog(client, t, file);
        await client.getByText(fill(a.upload.delivered, { file, label: item.label })).waitFor();
        await client.getByRole("link", { name: file }).waitFor();
        await expectNoAccessibilityViolations(client);
      }
      await client.getByText(a.upload.complete).waitFor();
      expect(await client.getByRole("button", { name: a.deliver, exact: false }).count()).toBe(0);

      await client.goto("/portal/acties");
      const row = actionRow(request);
      await row.getByRole("cell", { name: a.state.completed, exact: true }).waitFor();
      await row.getByRole("link", { name: `${a.view} ${request}` }).waitFor();
      const done = actionRow(shown(title));
      await done.getByRole("link", { name: `${a.downloadPdf} ${shown(title)}` }).waitFor();
      await expectNoAccessibilityViolations(client);

      await client.goto("/portal");
      await homeTile()
        .getByText(fill(p.home.actions.open, { number: openBefore - 2 }))
        .waitFor();
    },
    slow,
  );
});
