import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { embeddedCompanies } from "#src/server/modules/kvk-register/embedded-register.ts";
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { browserForFile } from "./support/browser.ts";
import { loggedInPage } from "./support/demo-login.ts";
import {
  activateMeans,
  addIdCopy,
  applyForService,
  approveApplication,
  chooseSigner,
  dataListValue,
  ehMail,
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
import { waitForMail } from "./support/outbox.ts";
import { fill } from "./support/translations.ts";

/**
 * The first browser test (SPEC C1–C6), in Dutch: an EH3 means for the client portal of
 * De Vries & Partners (the demo office whose portal stays at EH3; the catalogue's test moves the
 * other office's), for a BV whose two directors may only act together, applied for by a user
 * who does not work there. Both directors sign through their mails, the reviewer approves, the
 * partner's agent identifies the user, and the user activates the means with an authenticator
 * app. The steps build on each other, so the browsers stay open between them.
 */
const browser = browserForFile();
const a = nl.ehApply;
const r = nl.ehReview;
const company = embeddedCompanies.jointDirectors;
const service = "Klantenportaal Notariskantoor De Vries & Partners";
const suffix = Date.now().toString(36);
const user = {
  name: "Lotte Bakker",
  email: `lotte.${suffix}@example.nl`,
  mobile: "+31687650001",
  typedMobile: "06 87650001",
};
const anna = {
  name: "Anna de Vries",
  authority: "gb" as const,
  email: `anna.${suffix}@example.nl`,
  mobile: "+31687650002",
  typedMobile: "06 87650002",
};
const pieter = {
  name: "Pieter Jansen",
  authority: "gb" as const,
  email: `pieter.${suffix}@example.nl`,
};

describe("eHerkenning EH3 for a notary's client portal, signed by two joint directors", () => {
  let applicant: Page;
  let reviewer: Page;
  let reference: string;

  it("lets a user who does not work for the BV apply, with a copy of their ID", async () => {
    applicant = await pageIn(browser, "nl");
    await applyForService(applicant, nl, {
      label: serviceOption(nl, service, "EH3"),
      level: "EH3",
    });
    await verifyUser(applicant, nl, "nl", user);
    await findCompany(applicant, nl, company);
    await applicant
      .getByText(fill(a.signaturesNeeded.joint, { level: "EH3", count: 2, of: 2 }))
      .waitFor();
    await applicant.getByLabel(a.who.no, { exact: true }).check();
    await chooseSigner(applicant, nl, anna);
    await chooseSigner(applicant, nl, pieter);
    await checkPage(applicant, "step 2");
    await applicant.getByRole("button", { name: a.next }).click();
    await addIdCopy(applicant, nl);
    reference = await submitApplication(applicant, nl);
  });

  it("has both directors sign through their mails, one with an SMS code, one with a mailed code", async () => {
    for (const director of [anna, pieter]) {
      await signThroughMail(browser, nl, "nl", director, { company: company.name, reference });
    }
    await followPageSays(applicant, pattern(a.follow.states.review), "signed");
    expect(await applicant.getByRole("cell", { name: pattern(a.follow.signedOn) }).count()).toBe(2);
  });

  it("lets the reviewer approve it, which invites the user to the identification", async () => {
    ({ page: reviewer } = await loggedInPage(
      browser,
      "eherkenning/beheer",
      supplierStaff.reviewer,
      "nl",
    ));
    await approveApplication(reviewer, nl, reference, "identification");
    await waitForMail(applicant, user.email, ehMail.nl.identification(reference));
    await followPageSays(applicant, a.follow.states.identification, "approved");
  });

  it("lets the partner's agent plan the appointment and record the identification, which issues the means", async () => {
    const { page: agent } = await loggedInPage(
      browser,
      "eherkenning/beheer",
      supplierStaff.agent,
      "nl",
    );
    await agent.goto("/eherkenning/beheer/");
    await agent.waitForURL(/\/eherkenning\/beheer\/identificaties/);
    await agent.getByRole("link", { name: reference }).waitFor();
    await checkPage(agent, "the identifications");

    await agent.getByRole("link", { name: reference }).click();
    await agent.getByRole("heading", { level: 2, name: r.appointment.heading }).waitFor();
    await checkPage(agent, "the identification");
    await agent.getByRole("button", { name: r.record.submit }).click();
    await agent.getByRole("link", { name: r.record.missing.documentType }).waitFor();
    await checkPage(agent, "the identification with its errors");

    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await agent.getByLabel(r.appointment.when, { exact: true }).fill(`${tomorrow}T10:30`);
    await agent.getByLabel(r.appointment.place, { exact: true }).fill("Herengracht 512, Amsterdam");
    await agent.getByRole("button", { name: r.appointment.save }).click();
    await agent.getByText(r.appointment.saved).waitFor();
    await waitForMail(agent, user.email, ehMail.nl.appointment(reference));
    await followPageSays(applicant, a.follow.states.identification, "with the appointment");
    await applicant.getByText(/Herengracht 512, Amsterdam/).waitFor();

    await agent.getByLabel(r.columns.documentType).selectOption("passport");
    await agent.getByLabel(r.record.documentNumber).fill("NX1234567");
    await agent.getByLabel(r.columns.expiresOn).fill("2030-01-31");
    await agent
      .getByRole("group", { name: r.identification.photoMatches })
      .getByLabel(r.yes)
      .check();
    await agent.getByLabel(r.identification.placeOfCheck).fill("Amsterdam");
    await agent.getByLabel(r.identification.outcomes.verified, { exact: true }).check();
    await agent.getByRole("button", { name: r.record.submit }).click();
    await agent.getByRole("heading", { level: 3, name: r.record.confirmHeading }).waitFor();
    await agent.getByText(r.record.confirmVerified).waitFor();
    await checkPage(agent, "the identification's confirmation");
    await agent.getByRole("button", { name: r.record.confirm }).click();
    await agent.getByRole("heading", { level: 2, name: r.identification.recorded }).waitFor();
    await checkPage(agent, "the recorded identification");

    await followPageSays(applicant, a.follow.states.issued, "issued");
    await applicant.getByText(a.follow.activationMail).waitFor();
  });

  it("lets the user activate the means with an authenticator app and see the authorization", async () => {
    await activateMeans(applicant, nl, "nl", user, "totp");
    await expectAuthorization(applicant, nl, { company: company.name, service, level: "EH3" });

    await reviewer.goto(`/eherkenning/beheer/middelen?email=${encodeURIComponent(user.email)}`);
    await reviewer.getByRole("heading", { level: 3, name: pattern(user.name) }).waitFor();
    expect(await dataListValue(reviewer, r.means.login).textContent()).toBe(
      r.means.loginStates.active,
    );
    await checkPage(reviewer, "the means in the back office");
  });
});
