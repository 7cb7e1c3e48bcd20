import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import {
  expectNoAccessibilityViolations,
  launchChromium,
  openPage,
  type WatchedPage,
} from "./support/browser.ts";
import { linkPath, smsCodeSentBy, waitForMail } from "./support/outbox.ts";
import { totpCodeFromSetUpPage } from "./support/totp.ts";

const baseUrl = inject("baseUrl");
const NEW_PASSWORD = "lange-zomer-op-de-wadden";

/**
 * Every account flow of the portal and the back office (B1, B2, B11, B12, B13), walked in a real
 * browser in each language, with the mails and text messages read from the dev outbox. The
 * button and field names come from the translation files, so the test reads the pages as a
 * user of that language does.
 */
const runs = [
  {
    language: "nl" as const,
    t: nl,
    staff: { email: "sara@devriespartners.nl", phone: "+31612340001" },
    office: "Notariskantoor De Vries & Partners",
    company: "Bakkerij Van Dijk B.V.",
    client: "anouk@bakkerijvandijk.nl",
    extra: "joost@bakkerijvandijk.nl",
    colleague: "eva@devriespartners.nl",
    mails: {
      invitation: "Uw account bij Notariskantoor De Vries & Partners",
      confirm: "Stel uw wachtwoord in",
      passwordSet: "Uw wachtwoord is ingesteld",
    },
  },
  {
    language: "en" as const,
    t: en,
    staff: { email: "lisa@aandeamstel.nl", phone: "+31612340003" },
    office: "Notariaat Aan de Amstel",
    company: "Van Dijk Consultancy Ltd",
    client: "olivia@vandijkconsultancy.com",
    extra: "noah@vandijkconsultancy.com",
    colleague: "daan@aandeamstel.nl",
    mails: {
      invitation: "Your account with Notariaat Aan de Amstel",
      confirm: "Set your password",
      passwordSet: "Your password has been set",
    },
  },
];

let browser: Browser;
const contexts: BrowserContext[] = [];
const watchedPages: WatchedPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
afterEach(() => {
  // A refused recovery code answers 400 on purpose; anything else in the console is a fault.
  for (const { problems } of watchedPages) {
    expect(problems.filter((problem) => !/\b400\b/.test(problem))).toEqual([]);
    problems.splice(0);
  }
});

async function newBrowser(language: "nl" | "en"): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl });
  await context.addCookies([{ name: "poort_lang", value: language, url: baseUrl }]);
  contexts.push(context);
  const watched = await openPage(context);
  watchedPages.push(watched);
  return watched.page;
}

/**
 * The second step's answer sets the new session cookie: navigating on before it has arrived
 * would leave the browser with the half-finished session.
 */
async function leftTheLoginPages(page: Page): Promise<void> {
  await page.waitForURL((url) => !url.pathname.includes("/login"));
}

describe.each(runs)("account flows in $language", (run) => {
  // The steps build on each other (the same client throughout), so the browsers stay open.
  afterAll(async () => {
    watchedPages.splice(0);
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  const { t } = run;
  const a = t.account;
  /** The portal's Home: "Welkom, <name>". */
  const homeHeading = (page: Page) =>
    page.getByRole("heading", {
      level: 1,
      name: new RegExp(`^${t.portal.home.welcome.split("{{")[0]}`),
    });
  let clientPage: Page;
  let recoveryCodes: string[] = [];

  it("staff log in with their SMS code and create a company client, which gets mail 1", async () => {
    const page = await newBrowser(run.language);
    await page.goto("/office/login");
    await page.getByLabel(a.fields.email).fill(run.staff.email);
    await page.getByLabel(a.fields.password).fill(DEMO_PASSWORD);
    const code = await smsCodeSentBy(page, run.staff.phone, () =>
      page.getByRole("button", { name: a.login.submit }).click(),
    );
    await page.getByRole("heading", { level: 1, name: a.secondFactor.title }).waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel(a.fields.code).fill(code);
    await page.getByRole("button", { name: a.secondFactor.submit }).click();
    await leftTheLoginPages(page);

    await page.goto("/office/clients");
    await page.getByRole("heading", { level: 1, name: t.office.clients.title }).waitFor();
    await page.getByLabel(t.office.clients.kinds.company).check();
    await page.getByLabel(t.office.clients.companyName).fill(run.company);
    await page
      .getByLabel(t.office.clients.contactName, { exact: false })
      .first()
      .fill("Anouk van Dijk");
    await page.getByLabel(a.fields.email).fill(run.client);
    await page.getByLabel(t.language.names[run.language], { exact: true }).check();
    await page.getByRole("button", { name: t.office.clients.add }).click();
    await page.getByRole("cell", { name: run.client }).waitFor();
    await expectNoAccessibilityViolations(page);
    await waitForMail(page, run.client, run.mails.invitation);
  });

  it("the client activates: e-mail address → mail 2 → Instellen wachtwoord → Mijn gegevens → mail 3", async () => {
    clientPage = await newBrowser(run.language);
    const page = clientPage;
    const invitation = await waitForMail(page, run.client, run.mails.invitation);
    await page.goto(linkPath(invitation, "activate"));
    await page.getByRole("heading", { level: 1, name: a.activate.title }).waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel(a.fields.email).fill(run.client);
    await page.getByRole("button", { name: a.activate.submit }).click();
    await page.getByRole("heading", { name: a.activate.sentTitle }).waitFor();

    const confirmation = await waitForMail(page, run.client, run.mails.confirm);
    await page.goto(linkPath(confirmation, "set-password"));
    await page.getByLabel(a.fields.newPassword, { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(a.fields.passwordConfirmation).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: a.setPassword.submit }).click();
    await page.getByRole("heading", { level: 1, name: a.myDetails.title }).waitFor();
    await expectNoAccessibilityViolations(page);
    await waitForMail(page, run.client, run.mails.passwordSet);
  });

  it("the client turns on 2-step verification by SMS and keeps the recovery codes", async () => {
    const page = clientPage;
    await page.getByRole("button", { name: a.myDetails.twoFactor.start }).click();
    await page.getByLabel(a.fields.mobile).fill("06 55500011");
    const code = await smsCodeSentBy(page, "+31655500011", () =>
      page.getByRole("button", { name: a.myDetails.twoFactor.sendCode }).click(),
    );
    await page.getByLabel(a.fields.code).fill(code);
    await page.getByRole("button", { name: a.myDetails.twoFactor.confirm }).click();
    await page.getByRole("heading", { name: a.myDetails.twoFactor.codesTitle }).waitFor();
    recoveryCodes = (await page.locator("li").allTextContents()).filter((text) =>
      /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(text.trim()),
    );
    expect(recoveryCodes).toHaveLength(10);
    await expectNoAccessibilityViolations(page);
  });

  it("the company's main account adds an extra account, which gets its own invitation", async () => {
    const page = clientPage;
    await page.goto("/portal/mijn-gegevens");
    const section = page.getByRole("region", { name: a.myDetails.extraAccounts.heading });
    await section.getByLabel(a.fields.name).fill("Joost van Dijk");
    await section.getByLabel(a.fields.email).fill(run.extra);
    await section.getByRole("button", { name: a.myDetails.extraAccounts.add }).click();
    await section.getByRole("cell", { name: run.extra }).waitFor();
    await waitForMail(page, run.extra, run.mails.invitation);
  });

  it("logging in again asks for the SMS code; a recovery code works instead, once", async () => {
    const page = await newBrowser(run.language);
    const logIn = async () => {
      await page.goto("/portal/login");
      await page.getByLabel(a.fields.email).fill(run.client);
      await page.getByLabel(a.fields.password).fill(NEW_PASSWORD);
      const code = await smsCodeSentBy(page, "+31655500011", () =>
        page.getByRole("button", { name: a.login.submit }).click(),
      );
      await page.getByRole("heading", { level: 1, name: a.secondFactor.title }).waitFor();
      return code;
    };
    await logIn();
    await page.getByRole("button", { name: a.secondFactor.useRecovery }).click();
    await page.getByLabel(a.fields.recoveryCode).fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: a.secondFactor.submit }).click();
    // Activation was the first login; from now on a login opens Home (B1).
    await homeHeading(page).waitFor();
    await page.getByRole("button", { name: a.accountBar.logout, exact: true }).click();
    await page.getByText(a.login.loggedOut).waitFor();

    const code = await logIn();
    await page.getByRole("button", { name: a.secondFactor.useRecovery }).click();
    await page.getByLabel(a.fields.recoveryCode).fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: a.secondFactor.submit }).click();
    await page.getByRole("alert").first().waitFor();
    await page.getByRole("button", { name: a.secondFactor.useApp }).click();
    await page.getByLabel(a.fields.code).fill(code);
    await page.getByRole("button", { name: a.secondFactor.submit }).click();
    await homeHeading(page).waitFor();
  });

  it("in Mijn gegevens the client signs out elsewhere, deletes the extra account and picks the other language", async () => {
    const page = clientPage;
    const elsewhere = await newBrowser(run.language);
    await elsewhere.goto("/portal/login");
    await elsewhere.getByLabel(a.fields.email).fill(run.client);
    await elsewhere.getByLabel(a.fields.password).fill(NEW_PASSWORD);
    const code = await smsCodeSentBy(elsewhere, "+31655500011", () =>
      elsewhere.getByRole("button", { name: a.login.submit }).click(),
    );
    await elsewhere.getByLabel(a.fields.code).fill(code);
    await elsewhere.getByRole("button", { name: a.secondFactor.submit }).click();
    await leftTheLoginPages(elsewhere);

    await page.goto("/portal/mijn-gegevens");
    await page.getByRole("button", { name: a.myDetails.sessions.endOthers }).click();
    await page.getByText(a.myDetails.sessions.ended).waitFor();
    const other = (await (await elsewhere.request.get("/api/session")).json()) as {
      account?: unknown;
    };
    expect(other.account).toBeUndefined();

    const extras = page.getByRole("region", { name: a.myDetails.extraAccounts.heading });
    const deleteName = a.myDetails.extraAccounts.deleteNamed.replace("{{name}}", "Joost van Dijk");
    await extras.getByRole("button", { name: deleteName }).click();
    await extras.getByRole("button", { name: a.myDetails.extraAccounts.deleteYes }).click();
    await extras.getByText(a.myDetails.extraAccounts.empty).waitFor();

    const otherLanguage = run.language === "nl" ? "en" : "nl";
    await page.getByLabel(t.language.names[otherLanguage], { exact: true }).check();
    await page.getByRole("button", { name: a.myDetails.language.save }).click();
    const profile = (await (await page.request.get("/api/me/profile")).json()) as {
      locale: string;
    };
    expect(profile.locale).toBe(otherLanguage);
    await expectNoAccessibilityViolations(page);
  });

  it("an admin invites a colleague, who sets up an authenticator app at first login", async () => {
    const colleague = run.colleague;
    const admin = await newBrowser(run.language);
    await admin.goto("/office/login");
    await admin.getByLabel(a.fields.email).fill(run.staff.email);
    await admin.getByLabel(a.fields.password).fill(DEMO_PASSWORD);
    const code = await smsCodeSentBy(admin, run.staff.phone, () =>
      admin.getByRole("button", { name: a.login.submit }).click(),
    );
    await admin.getByLabel(a.fields.code).fill(code);
    await admin.getByRole("button", { name: a.secondFactor.submit }).click();
    await leftTheLoginPages(admin);
    await admin.goto("/office/staff");
    await admin.getByRole("heading", { level: 1, name: t.office.staff.title }).waitFor();
    await admin.getByLabel(a.fields.name).fill("Eva Smit");
    await admin.getByLabel(a.fields.email).fill(colleague);
    await admin.getByLabel(t.language.names[run.language], { exact: true }).check();
    await admin.getByRole("button", { name: t.office.staff.invite }).click();
    await admin.getByRole("cell", { name: colleague }).waitFor();
    await expectNoAccessibilityViolations(admin);

    const page = await newBrowser(run.language);
    await page.goto(linkPath(await waitForMail(page, colleague, run.mails.invitation), "activate"));
    await page.getByLabel(a.fields.email).fill(colleague);
    await page.getByRole("button", { name: a.activate.submit }).click();
    await page.goto(
      linkPath(await waitForMail(page, colleague, run.mails.confirm), "set-password"),
    );
    await page.getByLabel(a.fields.newPassword, { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel(a.fields.passwordConfirmation).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: a.setPassword.submit }).click();
    await page.getByRole("heading", { level: 1, name: a.setUp.title }).waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: a.myDetails.twoFactor.startApp }).click();
    await page.getByLabel(a.fields.code).fill(await totpCodeFromSetUpPage(page));
    await page.getByRole("button", { name: a.myDetails.twoFactor.confirm }).click();
    await page.getByRole("heading", { name: a.myDetails.twoFactor.codesTitle }).waitFor();
    await page.getByRole("button", { name: a.myDetails.twoFactor.codesDone }).click();
    await page.goto("/office/clients");
    await page.getByRole("heading", { level: 1, name: t.office.clients.title }).waitFor();
  });
});

describe("the servicedesk", () => {
  afterAll(async () => {
    watchedPages.splice(0);
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  it("lets platform staff in with password and SMS code, and only then", async () => {
    const a = nl.account;
    const page = await newBrowser("nl");
    await page.goto("/servicedesk");
    await page.getByRole("heading", { level: 1, name: a.login.title }).waitFor();
    await page.getByLabel(a.fields.email).fill("noor@servicedesk.example.nl");
    await page.getByLabel(a.fields.password).fill(DEMO_PASSWORD);
    const code = await smsCodeSentBy(page, "+31612340004", () =>
      page.getByRole("button", { name: a.login.submit }).click(),
    );
    await page.getByLabel(a.fields.code).fill(code);
    await page.getByRole("button", { name: a.secondFactor.submit }).click();
    await leftTheLoginPages(page);
    await page.goto("/servicedesk");
    await page.getByRole("heading", { level: 1, name: nl.servicedesk.home.title }).waitFor();
    await page.getByText("Noor Hendriks").first().waitFor();
    await expectNoAccessibilityViolations(page);
  });
});
