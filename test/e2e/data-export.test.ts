import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { browserForFile, expectNoAccessibilityViolations } from "./support/browser.ts";
import { loggedInPage } from "./support/demo-login.ts";
import { waitForMail } from "./support/outbox.ts";

const browser = browserForFile();
const t = nl.account.myDetails;

/**
 * A client opens Mijn gegevens, sees their own security events, asks for the download of their
 * data, reads the mail that it is ready, and downloads the archive: a ZIP that holds their
 * document byte for byte (issue 19).
 */
describe("Mijn gegevens downloaden", () => {
  it("shows the security events, prepares the archive and downloads it", async () => {
    const email = "jan.jansen@example.nl";
    const { page } = await loggedInPage(browser, "portal", { email }, "nl", {
      acceptDownloads: true,
    });
    await page.goto("/portal/mijn-gegevens");
    await page.getByRole("heading", { level: 2, name: t.securityEvents.heading }).waitFor();
    const events = page.getByRole("table", { name: /Beveiligingsgebeurtenissen van uw account/ });
    await events
      .getByRole("cell", { name: t.securityEvents.kinds.login, exact: true })
      .first()
      .waitFor();
    await expectNoAccessibilityViolations(page);

    // Her document, as the portal serves it: the archive must hold the same bytes.
    const { dossiers } = await (await page.request.get("/api/portal/dossiers")).json();
    const documents = [];
    for (const dossier of dossiers as Array<{ id: string }>) {
      for (const category of ["correspondence", "documents", "supplied"]) {
        const answer = await page.request.get(
          `/api/portal/dossiers/${dossier.id}/documents?category=${category}`,
        );
        documents.push(
          ...((await answer.json()).documents as Array<{ id: string; fileName: string }>),
        );
      }
    }
    const document = documents[0];
    expect(document).toBeDefined();
    const bytes = await (
      await page.request.get(`/api/portal/documents/${document?.id}/content`)
    ).body();

    await page.getByRole("button", { name: t.dataExport.request }).click();
    await page
      .getByText(/Uw gegevens worden|Aangevraagd op/)
      .first()
      .waitFor();
    await expectNoAccessibilityViolations(page);

    const mail = await waitForMail(page, email, "Uw gegevens staan klaar om te downloaden");
    expect(mail.text).toContain("/portal/mijn-gegevens");

    await page.reload();
    const download = page.getByRole("link", { name: t.dataExport.download });
    await download.waitFor();
    await expectNoAccessibilityViolations(page);
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^mijn-gegevens-poort-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = unzipSync(new Uint8Array(await readFile((await file.path()) ?? "")));
    expect(Object.keys(entries)).toContain("LEESMIJ.txt");
    expect(
      JSON.parse(Buffer.from(entries["profile.json"] ?? []).toString("utf8")).account.email,
    ).toBe(email);
    const stored = Object.entries(entries).find(([name]) =>
      name.endsWith(`/${document?.fileName}`),
    );
    expect(stored && Buffer.from(stored[1]).equals(bytes)).toBe(true);

    // The download is one of her security events now.
    await page.reload();
    await events
      .getByRole("cell", { name: t.securityEvents.kinds["data-export-downloaded"] })
      .first()
      .waitFor();
  });
});
