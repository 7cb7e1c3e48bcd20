import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { embeddedCompanies } from "#src/server/modules/kvk-register/embedded-register.ts";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import { browserForFile } from "./support/browser.ts";
import { loggedInPage } from "./support/demo-login.ts";
import {
  activateMeans,
  addIdCopy,
  applyForService,
  approveApplication,
  chooseSigner,
  expectAuthorization,
  findCompany,
  followPageSays,
  pageIn,
  pattern,
  serviceOption,
  signThroughMail,
  submitApplication,
  supplierStaff,
  verifyUser,
} from "./support/eherkenning.ts";
import { checkPage } from "./support/layout.ts";
import { fill } from "./support/translations.ts";

/**
 * The second browser test, in English: an EH2+ means for a municipality's parking
 * permit, for an eenmanszaak whose owner alone may sign, applied for by a user who works there
 * (at EH2+ the copy of their ID is still needed). The owner signs, the reviewer (in English too)
 * approves, which issues the means at once, and the user activates it with an SMS code, the
 * second factor of EH2+. The steps build on each other, so the browsers stay open between them.
 */
const browser = browserForFile();
const a = en.ehApply;
const company = embeddedCompanies.soleOwner;
const service = "Business parking permit";
const suffix = Date.now().toString(36);
const user = {
  name: "Sophie Meijer",
  email: `sophie.${suffix}@example.com`,
  mobile: "+31687650011",
  typedMobile: "+31 6 87650011",
};
const owner = {
  name: "Johan van den Berg",
  authority: "azb" as const,
  email: `johan.${suffix}@example.com`,
};

describe("eHerkenning EH2+ for a parking permit, signed by the sole owner", () => {
  let applicant: Page;
  let reference: string;

  it("lets a user who works for the company apply, with a copy of their ID", async () => {
    applicant = await pageIn(browser, "en");
    await applyForService(applicant, en, {
      label: serviceOption(en, service, "EH2+"),
      level: "EH2+",
    });
    await verifyUser(applicant, en, "en", user);
    await findCompany(applicant, en, company);
    await applicant.getByText(fill(a.signaturesNeeded.sole, { level: "EH2+" })).waitFor();
    await applicant.getByLabel(a.who.yes, { exact: true }).check();
    await chooseSigner(applicant, en, owner);
    await checkPage(applicant, "step 2");
    await applicant.getByRole("button", { name: a.next }).click();
    await addIdCopy(applicant, en);
    reference = await submitApplication(applicant, en);
  });

  it("has the owner sign alone through the mail, which is enough", async () => {
    await signThroughMail(browser, en, "en", owner, { company: company.name, reference });
    await followPageSays(applicant, pattern(a.follow.states.review), "signed");
    expect(await applicant.getByRole("cell", { name: pattern(a.follow.signedOn) }).count()).toBe(1);
  });

  it("lets the reviewer approve it, which issues the means at once", async () => {
    const { page: reviewer } = await loggedInPage(
      browser,
      "eherkenning/beheer",
      supplierStaff.reviewer,
      "en",
    );
    await approveApplication(reviewer, en, reference, "issued");
    await followPageSays(applicant, a.follow.states.issued, "issued");
    await applicant.getByText(a.follow.activationMail).waitFor();
  });

  it("lets the user activate the means with an SMS code and see the authorization", async () => {
    await activateMeans(applicant, en, "en", user, "sms");
    await expectAuthorization(applicant, en, { company: company.name, service, level: "EH2+" });
  });
});
