import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoCompanyHolders } from "#src/server/demo/demo-eherkenning.ts";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { browserForFile } from "./support/browser.ts";
import { logInInLanguage } from "./support/demo-login.ts";
import { type Language, pageIn, type Texts } from "./support/eherkenning.ts";
import { checkPage } from "./support/layout.ts";
import { linkPath, type OutboxMail, smsCodeSentBy } from "./support/outbox.ts";
import { totpCode } from "./support/totp.ts";
import { fill } from "./support/translations.ts";

/**
 * A company logs in to the client portal with eHerkenning (issue 15), in Chromium, in Dutch and
 * in English: a demo EH3 means of Bakkerij Bol, issued through part 1, logs in to the portal of
 * De Vries & Partners through Poort's IdP; its first login links it once to the company's main
 * account (Anna Bol approves it by the mailed link, after her own login), and its next login goes
 * straight in, to the company's dossiers; logout ends both sessions. Eva's EH2+ means is refused
 * for the portal, which demands EH3. Each language has a holder of its own, since a link, once
 * approved, stays.
 */
const browser = browserForFile();
const office = "Notariskantoor De Vries & Partners";
const company = "Bakkerij Bol B.V.";
const mainAccount = "anna@bakkerijbol.nl";
const eva = { email: "eva.smit@example.nl", phone: "+31612340022" };
const holders: Record<Language, (typeof demoCompanyHolders)[number]> = {
  nl: demoCompanyHolders[0],
  en: demoCompanyHolders[1],
};

/**
 * Poort's public address, where the IdP sends the browser back to (the ACS): it may be another
 * host name than the one the tests call (localhost for 127.0.0.1), and the login's cookie must be
 * set where the Response arrives, so the login starts there, in the run's language.
 */
async function publicOrigin(page: Page, language: Language): Promise<string> {
  const metadata = await (await page.request.get("/portal/saml/metadata")).text();
  const origin = new URL(/entityID="([^"]+)"/.exec(metadata)?.[1] ?? "").origin;
  await page.context().addCookies([{ name: "poort_lang", value: language, url: origin }]);
  return origin;
}

/** From the portal's login page, by "Inloggen met eHerkenning" for the office, to the IdP. */
async function startAtPortal(page: Page, t: Texts, language: Language) {
  const l = t.portal.eherkenning.login;
  await page.goto(`${await publicOrigin(page, language)}/portal/login`);
  await page.getByRole("heading", { level: 2, name: l.heading }).waitFor();
  await page
    .getByLabel(l.office)
    .selectOption({ label: fill(l.officeOption, { name: office, level: "EH3" }) });
  await checkPage(page, "portal login with eHerkenning");
  await page.getByRole("link", { name: l.submit }).click();
  await page.getByRole("heading", { level: 1, name: t.ehIdp.login.title }).waitFor();
  // The IdP names the service the portal asked for: the office's portal, in the catalogue's words.
  const service = language === "nl" ? `Klantenportaal ${office}` : `Client portal ${office}`;
  await page.getByText(service, { exact: true }).waitFor();
}

const usedCodes = new Map<string, string>();

/** An authenticator code not used before: Poort accepts each code once, so a second login waits. */
async function unusedTotpCode(secret: string): Promise<string> {
  let code = totpCode(secret);
  await expect
    .poll(
      () => {
        code = totpCode(secret);
        return code !== usedCodes.get(secret);
      },
      { timeout: 35_000, interval: 500 },
    )
    .toBe(true);
  usedCodes.set(secret, code);
  return code;
}

/** The approval links mailed to the main account so far (the other language's run mails too). */
async function approvalPaths(page: Page): Promise<string[]> {
  const { mails } = (await (await page.request.get("/dev/outbox/mail")).json()) as {
    mails: OutboxMail[];
  };
  return mails
    .filter((mail) => mail.to === mainAccount && /^eHerkenning koppelen/.test(mail.subject))
    .map((mail) => linkPath(mail, "eherkenning/goedkeuren"));
}

/** The holder's login at the IdP: password, then the authenticator's code. */
async function logInAtIdp(page: Page, t: Texts, holder: { email: string; totpSecret: string }) {
  await page.getByLabel(t.account.fields.email).fill(holder.email);
  await page.getByLabel(t.account.fields.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: t.ehIdp.login.submit }).click();
  await page.getByRole("heading", { level: 1, name: t.ehIdp.login.secondFactorTitle }).waitFor();
  await page.getByLabel(t.account.fields.code).fill(await unusedTotpCode(holder.totpSecret));
  await page.getByRole("button", { name: t.account.secondFactor.submit }).click();
}

describe.each([
  ["nl", nl],
  ["en", en],
] as [Language, Texts][])(
  "a company's login to the portal with eHerkenning, in %s",
  (language, t) => {
    const k = t.portal.eherkenning;
    const holder = holders[language];

    it("links the means once to the main account, then goes straight in to the company's dossiers", {
      timeout: 150_000,
    }, async () => {
      const page = await pageIn(browser, language);
      await startAtPortal(page, t, language);
      await logInAtIdp(page, t, holder);

      // The first login: the link page, for the company the IdP named.
      await page.waitForURL(/\/portal\/eherkenning\/koppelen$/);
      await page.getByRole("heading", { level: 1, name: k.link.title }).waitFor();
      await page.getByText(fill(k.link.intro, { company, kvk: "90000006", office })).waitFor();
      await checkPage(page, "link page");
      await page.getByLabel(fill(k.link.targets.main, { company })).check();
      const earlier = await approvalPaths(page);
      await page.getByRole("button", { name: k.link.submit }).click();
      await page.getByText(fill(k.link.sent.main, { company })).waitFor();
      await checkPage(page, "link requested");

      // The main account approves, by the mailed link, after its own login.
      let approvalPath: string | undefined;
      await expect
        .poll(
          async () => {
            approvalPath = (await approvalPaths(page)).find((path) => !earlier.includes(path));
            return approvalPath;
          },
          { timeout: 15_000, interval: 200 },
        )
        .toBeDefined();
      const approval = await pageIn(browser, language);
      await approval.goto(approvalPath ?? "");
      await approval.waitForURL(/\/portal\/login$/);
      await logInInLanguage(approval, "portal", { email: mainAccount }, language);
      await approval.reload();
      await approval.getByRole("heading", { level: 1, name: k.approval.title }).waitFor();
      await approval.getByText(fill(k.approval.warning, { company, office })).waitFor();
      await checkPage(approval, "approval page");
      await approval.getByRole("button", { name: k.approval.submit }).click();
      await approval.getByRole("heading", { name: k.approval.approved.title }).waitFor();
      await checkPage(approval, "link approved");

      // The next login goes straight in, as the company, to its dossiers.
      await startAtPortal(page, t, language);
      await logInAtIdp(page, t, holder);
      await page.waitForURL((url) => url.pathname === "/portal/");
      await page.goto(`${await publicOrigin(page, language)}/portal/dossiers`);
      await page.getByText("Statutenwijziging Bakkerij Bol B.V.").waitFor();
      await checkPage(page, "company's dossiers after an eHerkenning login");

      // Logout ends the portal's session and the IdP's, and says so.
      await page.getByRole("button", { name: t.account.accountBar.logout }).click();
      await page.waitForURL(/\/portal\/login\?uitgelogd=1$/);
      await page.getByText(t.account.login.loggedOut).waitFor();
      const origin = await publicOrigin(page, language);
      const session = await (await page.request.get(`${origin}/api/session`)).json();
      expect(session.account).toBeUndefined();
    });

    it("refuses Eva's EH2+ means for the portal, which demands EH3", async () => {
      const page = await pageIn(browser, language);
      await startAtPortal(page, t, language);
      await page.getByLabel(t.account.fields.email).fill(eva.email);
      await page.getByLabel(t.account.fields.password).fill(DEMO_PASSWORD);
      const code = await smsCodeSentBy(page, eva.phone, () =>
        page.getByRole("button", { name: t.ehIdp.login.submit }).click(),
      );
      await page.getByLabel(t.account.fields.code).fill(code);
      await page.getByRole("button", { name: t.account.secondFactor.submit }).click();
      const e = t.ehIdp;
      await page.getByRole("heading", { level: 1, name: e.levelTooLow.title }).waitFor();
      await page
        .getByText(
          fill(e.levelTooLow.explanation, { demanded: e.levels.EH3, held: e.levels["EH2+"] }),
        )
        .waitFor();
      await checkPage(page, "EH2+ refused for the portal");
    });
  },
);
