import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import type nl from "../../../src/web/ui/i18n/nl.json";
import type { browserForFile } from "./browser.ts";
import { checkPage } from "./layout.ts";
import { codeIn, linkPath, smsCodeSentBy, waitForMail } from "./outbox.ts";
import { totpCodeFromSetUpPage } from "./totp.ts";
import { fill } from "./translations.ts";

/**
 * The steps of an eHerkenning application (SPEC C1–C6) as its people take them in a browser:
 * the applicant's wizard, a representative's signature, the reviewer's approval and the user's
 * activation. Every page and step is checked as it stands (fits at phone and desktop width,
 * axe finds nothing). Buttons and fields are found by the translations of the run's language.
 */

export type Texts = typeof nl;
export type Language = "nl" | "en";
type Browser = ReturnType<typeof browserForFile>;

/** The subjects of the mails an application sends (the server's templates), per language. */
export const ehMail = {
  nl: {
    contactCode: /^Uw code voor de eHerkenningsaanvraag EH-/,
    signingRequest: (company: string) =>
      `Verzoek om de eHerkenningsaanvraag voor ${company} te ondertekenen`,
    signingCode: (reference: string) => `Uw code om aanvraag ${reference} te ondertekenen`,
    identification: (reference: string) => `Uw eHerkenning-aanvraag ${reference}: identificatie`,
    appointment: (reference: string) => `Uw afspraak voor identificatie (${reference})`,
    activation: "Activeer uw eHerkenningsmiddel",
    setPassword: "Stel uw wachtwoord in",
  },
  en: {
    contactCode: /^Your code for eHerkenning application EH-/,
    signingRequest: (company: string) =>
      `Request to sign the eHerkenning application for ${company}`,
    signingCode: (reference: string) => `Your code to sign application ${reference}`,
    identification: (reference: string) =>
      `Your eHerkenning application ${reference}: identification`,
    appointment: (reference: string) => `Your identification appointment (${reference})`,
    activation: "Activate your eHerkenning means",
    setPassword: "Set your password",
  },
} as const;

/** The demo's supplier staff, who log in at /eherkenning/beheer with an SMS code. */
export const supplierStaff = {
  reviewer: { email: "beoordelaar@poort-eherkenning.nl", phone: "+31612340012" },
  agent: { email: "agent@ampgroep.nl", phone: "+31612340013" },
};

/** A person in the application: the user, or a representative who signs. */
export interface Person {
  name: string;
  /** Unique to the run: the outbox is shared by every test. */
  email: string;
  /** E.164, as the outbox shows it; a representative without one gets their code by mail. */
  mobile?: string;
  /** The mobile number as the person types it. */
  typedMobile?: string;
}

/** A browser page of its own, in the run's language (what a mailed link opens in). */
export async function pageIn(browser: Browser, language: Language): Promise<Page> {
  const { page } = await browser.newPage({ locale: language === "nl" ? "nl-NL" : "en-GB" });
  await page
    .context()
    .addCookies([{ name: "poort_lang", value: language, url: inject("baseUrl") }]);
  return page;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A translation with a `{{placeholder}}` left open, as a pattern for the text around it. */
export function pattern(text: string): RegExp {
  return new RegExp(
    text
      .split(/\{\{\w+\}\}/)
      .map(escapeRegExp)
      .join(".*"),
  );
}

/** The value beside this label in a page's data list (`<dt>` and `<dd>`). */
export function dataListValue(page: Page, label: string) {
  return page
    .locator(".utrecht-data-list__item")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
    .locator("dd");
}

/** Step 1's choice of one service, whoever provides it. */
export function serviceOption(t: Texts, service: string, level: string): RegExp {
  const { serviceOption } = t.ehApply.scope;
  return pattern(serviceOption.replace("{{service}}", service).replace("{{level}}", level));
}

/** The wizard's start page, then step 1 with the one service chosen, at the level it demands. */
export async function applyForService(
  page: Page,
  t: Texts,
  service: { label: RegExp; level: keyof Texts["ehApply"]["levels"] },
): Promise<void> {
  const a = t.ehApply;
  await page.goto("/eherkenning/aanvragen");
  await page.getByRole("heading", { level: 1, name: a.title }).waitFor();
  await checkPage(page, "the wizard's start");
  await page.getByRole("button", { name: a.start.button }).click();

  await page.getByRole("heading", { level: 2, name: a.steps.what }).waitFor();
  await page.getByText(fill(a.stepOf, { step: 1, total: 5 })).waitFor();
  await page.getByLabel(a.scope.kinds.services, { exact: true }).check();
  await page.getByLabel(service.label).check();
  await page.getByText(fill(a.scope.demanded, { level: service.level })).waitFor();
  expect(await page.getByLabel(a.levels[service.level], { exact: true }).isChecked()).toBe(true);
  await checkPage(page, "step 1");
  await page.getByRole("button", { name: a.next }).click();
}

/** Step 2's first part: the user's name and own contacts, each confirmed by its code. */
export async function verifyUser(page: Page, t: Texts, language: Language, user: Person) {
  const a = t.ehApply;
  await page.getByRole("heading", { level: 2, name: a.steps.who }).waitFor();
  await page.getByLabel(a.who.name).fill(user.name);
  await page.getByLabel(a.who.email).fill(user.email);
  await page.getByLabel(a.who.mobile).fill(user.typedMobile ?? "");
  await page.getByRole("button", { name: a.who.saveUser }).click();
  await page.getByRole("button", { name: a.who.sendCode.email }).click();
  const mail = await waitForMail(page, user.email, ehMail[language].contactCode);
  await checkPage(page, "step 2, the code sent by mail");
  await page.getByLabel(a.who.codeLabel).fill(codeIn(mail));
  await page.getByRole("button", { name: a.who.confirmCode }).click();
  await page.getByText(a.who.verified.email).waitFor();
  const smsCode = await smsCodeSentBy(page, user.mobile ?? "", () =>
    page.getByRole("button", { name: a.who.sendCode.mobile }).click(),
  );
  await page.getByLabel(a.who.codeLabel).fill(smsCode);
  await page.getByRole("button", { name: a.who.confirmCode }).click();
  await page.getByText(a.who.verified.mobile).waitFor();
}

/** Step 2's second part: the company by its KvK number, shown with its representatives. */
export async function findCompany(
  page: Page,
  t: Texts,
  company: { kvkNumber: string; representatives: readonly { name: string }[] },
) {
  const a = t.ehApply;
  await page.getByLabel(a.who.kvkNumber).fill(company.kvkNumber);
  await page.getByRole("button", { name: a.who.lookUp }).click();
  for (const representative of company.representatives) {
    await page.getByRole("cell", { name: representative.name, exact: true }).waitFor();
  }
}

/** Chooses a representative to sign, with the address (and number) their link and code go to. */
export async function chooseSigner(
  page: Page,
  t: Texts,
  signer: Person & { authority: keyof Texts["ehApply"]["authority"] },
) {
  const w = t.ehApply.who;
  const authority = t.ehApply.authority[signer.authority];
  await page.getByLabel(fill(w.signerOption, { name: signer.name, authority })).check();
  await page.getByLabel(fill(w.signerEmail, { name: signer.name })).fill(signer.email);
  if (signer.typedMobile) {
    await page.getByLabel(fill(w.signerMobile, { name: signer.name })).fill(signer.typedMobile);
  }
}

/** Step 3: the table of what each level needs, and the copy of the user's ID, which it needs. */
export async function addIdCopy(page: Page, t: Texts) {
  const c = t.ehApply.collect;
  await page.getByRole("heading", { level: 2, name: t.ehApply.steps.collect }).waitFor();
  await page.getByText(c.required).waitFor();
  await page.getByLabel(c.expiresOn).fill("2030-01-31");
  await page.getByLabel(c.file).setInputFiles({
    name: "paspoort.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(
      `%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ID ${Date.now()}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
    ),
  });
  await page.getByRole("button", { name: c.upload }).click();
  await page.getByText(fill(c.uploaded, { name: "paspoort.pdf" })).waitFor();
  await checkPage(page, "step 3");
  await page.getByRole("button", { name: t.ehApply.next }).click();
}

/**
 * Step 4: the summary, submitted by the user; then step 5, the follow page, waiting for the
 * signatures. Gives the application's reference.
 */
export async function submitApplication(page: Page, t: Texts): Promise<string> {
  const a = t.ehApply;
  await page.getByRole("heading", { level: 2, name: a.steps.start }).waitFor();
  await page.getByText(a.summary.userStarts).waitFor();
  await checkPage(page, "step 4");
  await page.getByRole("button", { name: a.summary.submit }).click();
  await page.getByRole("heading", { level: 1, name: a.follow.title }).waitFor();
  await page.getByText(a.follow.states.signing).waitFor();
  await checkPage(page, "the follow page, waiting for signatures");
  const shown = await page.getByText(pattern(a.reference)).textContent();
  const reference = /EH-[0-9A-Z]{8}/.exec(shown ?? "")?.[0];
  if (!reference) throw new Error(`no reference in "${shown}"`);
  return reference;
}

/**
 * A representative opens the link mailed to them, in a browser of their own, asks for the code
 * (by SMS when a mobile number was given, else by mail) and signs.
 */
export async function signThroughMail(
  browser: Browser,
  t: Texts,
  language: Language,
  signer: Person,
  application: { company: string; reference: string },
) {
  const s = t.ehApply.signing;
  const page = await pageIn(browser, language);
  const request = await waitForMail(
    page,
    signer.email,
    ehMail[language].signingRequest(application.company),
  );
  await page.goto(linkPath(request, "ondertekenen"));
  await page.getByRole("heading", { level: 1, name: s.title }).waitFor();
  await page.getByText(application.reference, { exact: true }).waitFor();
  await checkPage(page, `the signing page of ${signer.name}`);
  const sendCode = () => page.getByRole("button", { name: s.sendCode }).click();
  const code = signer.mobile
    ? await smsCodeSentBy(page, signer.mobile, sendCode)
    : await sendCode().then(async () =>
        codeIn(
          await waitForMail(
            page,
            signer.email,
            ehMail[language].signingCode(application.reference),
          ),
        ),
      );
  await page.getByLabel(t.ehApply.who.codeLabel).fill(code);
  await page.getByRole("button", { name: s.sign, exact: true }).click();
  await page.getByText(pattern(s.done.signed)).waitFor();
  await checkPage(page, `the signing page of ${signer.name}, signed`);
}

/** The applicant's follow page, reloaded, says where the application stands. */
export async function followPageSays(page: Page, state: string | RegExp, where: string) {
  await page.reload();
  await page.getByText(state, { exact: typeof state === "string" }).waitFor();
  await checkPage(page, `the follow page, ${where}`);
}

/**
 * The reviewer finds the application in the queue, goes through its checklist (all met) and
 * approves it: issued at once, or (EH3, EH4) on to the partner's identification.
 */
export async function approveApplication(
  page: Page,
  t: Texts,
  reference: string,
  then: "issued" | "identification",
) {
  const r = t.ehReview;
  await page.goto("/eherkenning/beheer/");
  await page.waitForURL(/\/eherkenning\/beheer\/aanvragen/);
  await page.getByRole("heading", { level: 1, name: r.queue.title }).waitFor();
  await page.getByRole("link", { name: reference }).waitFor();
  await checkPage(page, "the review queue");

  await page.getByRole("link", { name: reference }).click();
  await page
    .getByRole("heading", { level: 1, name: fill(r.application.title, { reference }) })
    .waitFor();
  await page.getByRole("heading", { level: 2, name: r.checklist.heading }).waitFor();
  expect(await page.getByText(r.checklist.notMet).count()).toBe(0);
  await checkPage(page, "the application in review");

  await page.getByRole("button", { name: r.decision.approve }).click();
  await page.getByRole("heading", { level: 3, name: r.decision.approveHeading }).waitFor();
  await page
    .getByText(then === "issued" ? r.decision.approveIssues : r.decision.approveIdentifies)
    .waitFor();
  await checkPage(page, "the approval's confirmation");
  await page.getByRole("button", { name: r.decision.approveConfirm }).click();
  if (then === "identification") {
    await page.getByRole("heading", { level: 2, name: r.identification.heading }).waitFor();
  }
  await expect.poll(() => dataListValue(page, r.columns.state).textContent()).toBe(r.states[then]);
  await checkPage(page, "the approved application");
}

/**
 * The user activates the means from the mail: their address, the password from the second
 * mail, and the second factor the level needs (an authenticator app, or SMS on their mobile);
 * then, past the recovery codes, "Mijn gegevens", and on to "Mijn eHerkenning".
 */
export async function activateMeans(
  page: Page,
  t: Texts,
  language: Language,
  user: Person,
  factor: "totp" | "sms",
) {
  const a = t.account;
  const twoFactor = a.myDetails.twoFactor;
  const password = "Heldere-Ochtend-Aan-Zee-29";
  await page.goto(
    linkPath(await waitForMail(page, user.email, ehMail[language].activation), "activate"),
  );
  await page.getByRole("heading", { level: 1, name: a.activate.title }).waitFor();
  await checkPage(page, "the activation");
  await page.getByLabel(a.fields.email).fill(user.email);
  await page.getByRole("button", { name: a.activate.submit }).click();
  await page.getByRole("heading", { level: 1, name: a.activate.sentTitle }).waitFor();
  await checkPage(page, "the activation, mail sent");

  await page.goto(
    linkPath(await waitForMail(page, user.email, ehMail[language].setPassword), "set-password"),
  );
  await page.getByRole("heading", { level: 1, name: a.setPassword.title }).waitFor();
  await checkPage(page, "the password");
  await page.getByLabel(a.fields.newPassword, { exact: true }).fill(password);
  await page.getByLabel(a.fields.passwordConfirmation).fill(password);
  await page.getByRole("button", { name: a.setPassword.submit }).click();

  await page.getByRole("heading", { level: 1, name: a.setUp.title }).waitFor();
  await page.getByText(t.ehMeans.secondFactor[factor]).waitFor();
  // The level decides: the other method is not offered.
  const other = factor === "totp" ? twoFactor.start : twoFactor.startApp;
  expect(await page.getByRole("button", { name: other }).count()).toBe(0);
  await checkPage(page, "the second step's set-up");
  if (factor === "totp") {
    await page.getByRole("button", { name: twoFactor.startApp }).click();
    await page.locator("code.poort-totp-secret").waitFor();
    await checkPage(page, "the authenticator app's set-up");
    await page.getByLabel(a.fields.code).fill(await totpCodeFromSetUpPage(page));
  } else {
    await page.getByRole("button", { name: twoFactor.start }).click();
    await page.getByLabel(a.fields.mobile).fill(user.typedMobile ?? "");
    const code = await smsCodeSentBy(page, user.mobile ?? "", () =>
      page.getByRole("button", { name: twoFactor.sendCode }).click(),
    );
    await checkPage(page, "the SMS set-up, code sent");
    await page.getByLabel(a.fields.code).fill(code);
  }
  await page.getByRole("button", { name: twoFactor.confirm }).click();
  await page.getByRole("heading", { name: twoFactor.codesTitle }).waitFor();
  await checkPage(page, "the recovery codes");
  await page.getByRole("button", { name: twoFactor.codesDone }).click();

  await page.getByRole("heading", { level: 1, name: a.myDetails.title }).waitFor();
  await checkPage(page, "Mijn gegevens");
  await page.getByRole("link", { name: t.ehMeans.title }).click();
  await page.getByRole("heading", { level: 1, name: t.ehMeans.title }).waitFor();
}

/** "Mijn eHerkenning" shows the means at its level and the one authorization it was issued with. */
export async function expectAuthorization(
  page: Page,
  t: Texts,
  authorization: { company: string; service: string; level: string },
) {
  await page.getByRole("heading", { level: 2, name: t.ehMeans.means }).waitFor();
  const row = page.getByRole("row", { name: new RegExp(authorization.company) });
  await row.waitFor();
  expect(await row.count()).toBe(1);
  const cells = await row.getByRole("cell").allTextContents();
  expect(cells.join(" | ")).toContain(authorization.service);
  expect(cells).toContain(authorization.level);
  expect(cells).toContain(t.ehMeans.states.active);
  await checkPage(page, "Mijn eHerkenning");
}
