import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { samplePdf, samplePng } from "#test/support/dossiers.ts";
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
const t = nl;
const o = t.office.dossiers;
const p = t.portal;

/**
 * The dossier's whole journey in a real browser (SPEC B3–B8, B13): the office creates it with a
 * progress template and publishes a letter and a draft deed; the client finds it, reads the
 * counts, downloads both byte for byte, supplies three files by drag and drop, and the office
 * sees them. Demo client Jan Jansen starts with two dossiers in behandeling and one cancelled.
 */
describe("a dossier from the office to the client and back", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watched: WatchedPage[] = [];
  let staff: Page;
  let client: Page;
  let dossierPath: string;
  const letter = samplePdf("brief over de levering");
  const deed = samplePdf("concept-akte");
  const number = "2026.0999";

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const { problems } of watched) expect(problems).toEqual([]);
    await Promise.all(contexts.map((context) => context.close()));
    await browser.close();
  });

  /** Staff and client each have a browser of their own, with its own cookies. */
  async function newPage() {
    const context = await browser.newContext({ baseURL: baseUrl, acceptDownloads: true });
    await context.addCookies([{ name: "poort_lang", value: "nl", url: baseUrl }]);
    contexts.push(context);
    const page = await openPage(context);
    watched.push(page);
    return page.page;
  }

  it("staff create a dossier from the property-transfer template and mark the first step done", async () => {
    staff = await newPage();
    await logInAsDemo(staff, "office", "tom@devriespartners.nl", "+31612340002");
    await staff
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: o.title })
      .click();
    await staff.getByRole("link", { name: o.new }).click();
    await staff.getByLabel(o.fields.number).fill(number);
    await staff.getByLabel(o.fields.description).fill("Levering Molenweg 7, Haarlem");
    await staff
      .getByLabel(o.fields.template)
      .selectOption({ label: o.templates["property-transfer"] });
    await staff.getByLabel("Jan Jansen (persoon)").check();
    await expectNoAccessibilityViolations(staff);
    await staff.getByRole("button", { name: o.create.submit }).click();
    await staff
      .getByRole("heading", { level: 1, name: fill(o.detail.title, { number }) })
      .waitFor();
    dossierPath = new URL(staff.url()).pathname;

    await staff.getByRole("button", { name: o.progress.edit }).click();
    await staff.getByLabel(fill(o.progress.done, { n: 1 })).check();
    await staff.getByRole("button", { name: o.progress.save }).click();
    await staff.getByText(fill(o.progress.saved, { done: 1, total: 8 })).waitFor();
  });

  it("staff publish a letter and a draft deed", async () => {
    const publish = async (category: string, title: string, content: Buffer) => {
      await staff.getByRole("radio", { name: category }).check();
      await staff.getByLabel(o.publish.title).fill(title);
      await staff
        .getByLabel(o.publish.file)
        .setInputFiles({ name: `${title}.pdf`, mimeType: "application/pdf", buffer: content });
      await staff.getByRole("radio", { name: o.publish.now }).check();
      await staff.getByRole("button", { name: o.publish.submit }).click();
      await staff.getByText(fill(o.publish.published, { title })).waitFor();
    };
    await publish(t.dossiers.category.correspondence, "Brief over de levering", letter);
    await publish(t.dossiers.category.documents, "Concept-akte van levering", deed);
    await staff
      .getByRole("button", {
        name: fill(o.documents.unpublishNamed, { title: "Concept-akte van levering" }),
      })
      .waitFor();
    await expectNoAccessibilityViolations(staff);
  });

  it("the client sees the counts on Home and finds the dossier by number and by description", async () => {
    client = await newPage();
    await logInAsDemo(client, "portal", "jan.jansen@example.nl");
    await client.goto("/portal");
    const tile = client.getByRole("heading", { level: 2, name: p.home.dossiers.title });
    await client.getByText(fill(p.home.dossiers.summary, { inProgress: 3, other: 1 })).waitFor();
    const actions = client.getByRole("listitem").filter({
      has: client.getByRole("heading", { level: 2, name: p.home.actions.title }),
    });
    // Other browser tests may have left Jan actions; the tile shows what the server counts.
    const open = (await (await client.request.get("/api/portal/overview")).json()).actions.open;
    await actions.getByText(fill(p.home.actions.open, { number: open })).waitFor();
    expect(await actions.getByRole("link").count()).toBe(1);
    await expectNoAccessibilityViolations(client);
    await tile.getByRole("link").click();

    const search = async (text: string) => {
      await client.getByLabel(p.dossiers.search).fill(text);
      await client.getByRole("button", { name: p.dossiers.searchButton }).click();
      await client.getByText(fill(p.dossiers.foundFor, { text, number: 1 })).waitFor();
    };
    await search(number);
    await search("Molenweg");
    await client.getByRole("cell", { name: "1/8", exact: true }).waitFor();
    await expectNoAccessibilityViolations(client);
    await client
      .getByRole("link", { name: `${p.dossiers.open} ${fill(p.dossiers.openWhich, { number })}` })
      .click();
    await client.getByText(fill(t.dossiers.progress, { done: 1, total: 8 })).waitFor();
  });

  it("opens the tabs; downloads come out byte for byte and the unread counts drop", async () => {
    const tab = (category: keyof typeof t.dossiers.category, total: number, unread: number) =>
      client.getByRole("tab", {
        name: fill(unread > 0 ? p.dossier.tabUnread : p.dossier.tab, {
          label: t.dossiers.category[category],
          total,
          unread,
        }),
      });
    await tab("correspondence", 1, 1).waitFor();
    await tab("documents", 1, 1).waitFor();
    await tab("supplied", 0, 0).waitFor();
    await tab("messages", 0, 0).waitFor();
    await expectNoAccessibilityViolations(client);

    for (const [category, title, content] of [
      ["correspondence", "Brief over de levering", letter],
      ["documents", "Concept-akte van levering", deed],
    ] as const) {
      await tab(category, 1, 1).click();
      const [download] = await Promise.all([
        client.waitForEvent("download"),
        client.getByRole("link", { name: `${p.dossier.documents.download} ${title}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${title}.pdf`);
      expect((await readFile(await download.path())).equals(content)).toBe(true);
      await tab(category, 1, 0).waitFor();
    }
  });

  it("the client supplies three files by drag and drop, and sees them under Door mij aangeleverd", async () => {
    await client.getByRole("tab", { name: new RegExp(`^${t.dossiers.category.supplied}`) }).click();
    await client.getByRole("button", { name: p.dossier.supply.button }).click();
    const dialog = client.getByRole("dialog", { name: t.upload.title });
    await dialog.waitFor();
    // The default limit of 100 MiB, counted in steps of 1024 as the sizes of the files are.
    await dialog.getByText(fill(t.upload.intro, { max: "100 MB" })).waitFor();
    const files = [
      { name: "paspoort.png", type: "image/png", bytes: [...samplePng()] },
      { name: "loonstrook.pdf", type: "application/pdf", bytes: [...samplePdf("loonstrook")] },
      { name: "werkgeversverklaring.pdf", type: "application/pdf", bytes: [...samplePdf("wgv")] },
    ];
    const dataTransfer = await client.evaluateHandle((chosen) => {
      const transfer = new DataTransfer();
      for (const file of chosen) {
        transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      }
      return transfer;
    }, files);
    const dropZone = dialog.getByRole("group", { name: t.upload.dropHere });
    for (const type of ["dragenter", "dragover", "drop"]) {
      await dropZone.dispatchEvent(type, { dataTransfer });
    }
    const chosen = dialog.getByRole("list", { name: t.upload.chosenFiles });
    for (const file of files) await chosen.getByText(file.name).waitFor();
    await expectNoAccessibilityViolations(client);
    await dialog.getByRole("button", { name: "Upload 3 bestanden" }).click();
    await dialog.waitFor({ state: "hidden" });

    await client
      .getByRole("tab", {
        name: fill(p.dossier.tab, { label: t.dossiers.category.supplied, total: 3 }),
      })
      .waitFor();
    for (const file of files) await client.getByRole("cell", { name: file.name }).first().waitFor();
    await expectNoAccessibilityViolations(client);
  });

  it("staff see what the client supplied", async () => {
    await staff.goto(dossierPath);
    const supplied = staff.getByRole("table", { name: o.supplied.caption });
    for (const name of ["paspoort.png", "loonstrook.pdf", "werkgeversverklaring.pdf"]) {
      await supplied.getByText(name).first().waitFor();
    }
    await expectNoAccessibilityViolations(staff);
  });
});
