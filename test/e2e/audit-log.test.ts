import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { browserForFile, expectNoAccessibilityViolations } from "./support/browser.ts";
import { loggedInPage } from "./support/demo-login.ts";

const browser = browserForFile();
const a = nl.office.auditLog;
const common = nl.auditLog;

/** Today in the Netherlands, as the date fields take it. */
const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format();

/**
 * The office admin opens "Auditlog", filters on her office's logins of today, finds her own
 * login, and exports the same filter as CSV for Excel (issue 19). At 1280 px the page does not
 * scroll sideways.
 */
describe("the office's audit log", () => {
  it("an admin filters the logins of today and exports them as CSV", async () => {
    const { page } = await loggedInPage(
      browser,
      "office",
      { email: "sara@devriespartners.nl", phone: "+31612340001" },
      "nl",
      { acceptDownloads: true, viewport: { width: 1280, height: 900 } },
    );
    await page
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: a.title })
      .click();
    await page.getByRole("heading", { level: 1, name: a.title }).waitFor();

    await page.getByLabel(a.filters.kind).selectOption({ label: a.kinds.logins });
    await page.getByLabel(common.from, { exact: true }).fill(today());
    await page.getByLabel(common.to, { exact: true }).fill(today());
    await page.getByRole("button", { name: common.apply }).click();
    await page.waitForURL((url) => url.searchParams.get("kind") === "logins");

    const table = page.getByRole("table", { name: a.caption });
    const ownLogin = table
      .getByRole("row")
      .filter({ hasText: "Sara de Wit" })
      .filter({ has: page.getByRole("cell", { name: "Ingelogd", exact: true }) });
    await ownLogin.first().waitFor();
    // Only logins: no document or invitation rows under this filter. The table of all kinds
    // stays on the page until the filtered one arrives, and it holds her login too: wait for it
    // to give way.
    const isLogin = (what: string) =>
      /^(Ingelogd|Inloggen mislukt|Wachtwoord goed|Tweede stap|Kantoor gekozen|Selfservice geweigerd)/.test(
        what,
      );
    const whatCells = table.locator("tbody tr td:nth-child(3)");
    await expect
      .poll(async () => (await whatCells.allTextContents()).filter((what) => !isLogin(what)), {
        timeout: 10_000,
      })
      .toEqual([]);
    const whats = await whatCells.allTextContents();
    expect(whats.length).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await expectNoAccessibilityViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: a.export }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^auditlog-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) as string, "utf8");
    expect(csv.startsWith("\uFEFFTijd;Wie;E-mailadres;Rol;Wat;Actie;")).toBe(true);
    const rows = csv.slice(1).trimEnd().split("\r\n").slice(1);
    // The page shows the newest 50; the file holds every one of the filter.
    expect(rows.length).toBeGreaterThanOrEqual(whats.length);
    expect(
      rows.some(
        (row) =>
          row.startsWith(`${today()} `) &&
          row.includes(";Sara de Wit;sara@devriespartners.nl;Beheerder;Ingelogd;session.login;"),
      ),
    ).toBe(true);
    expect(rows.every((row) => /;(session|selfservice)\.[a-z-]+;/.test(row))).toBe(true);
  });
});
