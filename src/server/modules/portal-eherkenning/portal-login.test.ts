import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officeScope } from "#src/server/access/tenant-scope.ts";
import { clients } from "#src/server/modules/accounts/schema.ts";
import { catalogueDeps } from "#src/server/modules/service-catalogue/deps.ts";
import {
  portalLoginService,
  registerOfficePortalServices,
  setOfficePortalLevel,
} from "#src/server/modules/service-catalogue/office-portal-services.ts";
import {
  activateByMail,
  createActiveClient,
  createTestOffice,
  logInToPortal,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { seedApplication } from "#test/support/eherkenning-review.ts";
import { deliveredMails, lastMailTo, lastSmsTo, linkToken } from "#test/support/outbox.ts";
import { createSupplierStaff } from "#test/support/supplier-staff.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

const HOLDER_PHONE = "+31612345678";

/**
 * A company's login to the client portal with eHerkenning, through Poort's own IdP (issue 15):
 * the office's service at the office's level, the first login's link to a portal account
 * approved by that account, later logins straight in as an ordinary portal session for the
 * company, and logout through both. The company is the test register's 90000001, a client of
 * one office; a second office has no such client.
 */
describe.each(testDatabaseKinds)("portal login with eHerkenning, on %s", (kind) => {
  let subject: TestApp;
  let officeId: string;
  let otherOfficeId: string;
  let main: ApiClient;
  let holderNumber = 0;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject);
    officeId = office.id;
    otherOfficeId = (await createTestOffice(subject, "Notariaat Elders")).id;
    // As the CLI does for an office it creates: its portal joins the catalogue.
    await registerOfficePortalServices(catalogueDeps(subject.services));
    main = await createActiveClient(subject, officeId, "directie@nzt.example.nl", "company");
    await subject.services.database.db
      .update(clients)
      .set({ kvkNumber: "90000001" })
      .where(and(eq(clients.officeId, officeId), eq(clients.kind, "company")));
    // EH2+ for this office, so a means the review issues at once (no face-to-face) logs in.
    await setOfficePortalLevel(catalogueDeps(subject.services), officeScope(officeId), "EH2+", {
      type: "operator",
    });
  });
  afterAll(() => subject.close());

  /** A means for 90000001 issued through part 1, authorized for the office's portal. */
  async function issueMeans(): Promise<string> {
    holderNumber += 1;
    const email = `medewerker${holderNumber}@nzt.example.nl`;
    const portal = await portalLoginService(catalogueDeps(subject.services), officeId);
    const reviewer = await createSupplierStaff(
      subject,
      `rev${holderNumber}@supplier.nl`,
      "reviewer",
    );
    const seeded = await seedApplication(subject, {
      email,
      scope: { kind: "services", serviceIds: [portal?.id ?? ""] },
    });
    const approved = await reviewer.post(
      `/api/eherkenning/beheer/applications/${seeded.id}/approval`,
    );
    expect(approved.statusCode).toBe(200);
    const holder = await activateByMail(subject, email);
    await holder.post("/api/me/two-factor/sms", { mobile: HOLDER_PHONE });
    const code = /(\d{6})/.exec(await lastSmsTo(subject, HOLDER_PHONE))?.[1];
    expect((await holder.post("/api/me/two-factor/sms/confirm", { code })).statusCode).toBe(200);
    return email;
  }

  /** "Inloggen met eHerkenning" for the office, through the IdP's login, up to the IdP's answer. */
  async function logInAtIdp(browser: ApiClient, email: string, office = officeId) {
    const started = await browser.get(`/portal/saml/login?office=${office}`);
    expect(started.statusCode).toBe(303);
    const sso = new URL(String(started.headers.location));
    const accepted = await browser.get(`${sso.pathname}${sso.search}`);
    expect(accepted.headers.location).toMatch(/\/eherkenning\/idp\/inloggen$/);
    await browser.post("/api/auth/login", {
      area: "eherkenning",
      email,
      password: "zonnige-kade-47-brug",
    });
    await browser.refreshCsrfToken();
    const code = /(\d{6})/.exec(await lastSmsTo(subject, HOLDER_PHONE))?.[1];
    expect(
      (await browser.post("/api/auth/second-factor", { method: "sms", code })).statusCode,
    ).toBe(200);
    await browser.refreshCsrfToken();
    return (await browser.post("/api/eherkenning/idp/answer", {})).json();
  }

  /** The whole login: the IdP's posting page's Response, posted to the portal's ACS. */
  async function logInWithEherkenning(browser: ApiClient, email: string) {
    expect(await logInAtIdp(browser, email)).toEqual({ outcome: "post" });
    const page = await browser.get("/eherkenning/idp/doorsturen");
    const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    expect(/action="([^"]+)"/.exec(page.body)?.[1]).toBe(
      `${subject.services.config.publicUrl}/portal/saml/acs`,
    );
    const answer = await browser.send(
      "POST",
      "/portal/saml/acs",
      `SAMLResponse=${encodeURIComponent(samlResponse)}`,
      { "content-type": "application/x-www-form-urlencoded" },
    );
    expect(answer.statusCode).toBe(303);
    await browser.refreshCsrfToken();
    return String(answer.headers.location);
  }

  /** Asks for the link and returns the approval token mailed to `to`. */
  async function requestLink(browser: ApiClient, body: object, to: string) {
    const before = (await deliveredMails(subject)).length;
    const asked = await browser.post("/api/portal/eherkenning/link", body);
    expect(asked.statusCode).toBe(202);
    const mails = await deliveredMails(subject);
    expect(mails.length).toBe(before + 1);
    return linkToken(await lastMailTo(subject, to), "eherkenning/goedkeuren");
  }

  it("lists the offices to log in to, with the level each demands", async () => {
    const answer = await new ApiClient(subject.app).get("/api/portal/eherkenning/offices");
    expect(answer.json().offices).toEqual(
      expect.arrayContaining([
        { id: officeId, name: "Notariskantoor Van Dam", level: "EH2+" },
        { id: otherOfficeId, name: "Notariaat Elders", level: "EH3" },
      ]),
    );
  });

  it("links a first login to the main account once it approves, then goes straight in", async () => {
    const email = await issueMeans();
    const person = new ApiClient(subject.app);
    expect(await logInWithEherkenning(person, email)).toMatch(/\/portal\/eherkenning\/koppelen$/);
    // Not in yet: the eHerkenning opens nothing until the link is approved.
    expect((await person.get("/api/session")).json().account?.kind).not.toBe("client");
    expect((await person.get("/api/portal/eherkenning/link")).json()).toMatchObject({
      officeName: "Notariskantoor Van Dam",
      companyName: "Bakkerij Bol B.V.",
      kvkNumber: "90000001",
      requestedAt: null,
    });
    const token = await requestLink(person, { target: "main" }, "directie@nzt.example.nl");
    expect((await person.get("/api/portal/eherkenning/link")).json().requestedAt).not.toBeNull();

    // The approval page needs the main account's own login.
    const anonymous = await new ApiClient(subject.app).get(
      `/api/portal/eherkenning/approvals/${token}`,
    );
    expect(anonymous.statusCode).toBe(401);
    const seen = await main.get(`/api/portal/eherkenning/approvals/${token}`);
    expect(seen.json()).toMatchObject({
      forThisAccount: true,
      approvedAt: null,
      kvkNumber: "90000001",
    });
    const approved = await main.post(`/api/portal/eherkenning/approvals/${token}`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().approvedAt).not.toBeNull();
    // The link works once.
    expect((await main.post(`/api/portal/eherkenning/approvals/${token}`)).statusCode).toBe(410);

    const again = new ApiClient(subject.app);
    expect(await logInWithEherkenning(again, email)).toMatch(/\/portal\/$/);
    const session = (await again.get("/api/session")).json();
    expect(session).toMatchObject({ stage: "complete", signOn: "eherkenning" });
    expect(session.account.email).toBe("directie@nzt.example.nl");
    expect(session.officeChoice.needed).toBe(false);
    expect((await again.get("/api/portal/dossiers")).statusCode).toBe(200);

    // Logout ends the portal session, then the IdP's, and lands on the login page.
    const out = await again.post("/api/portal/eherkenning/logout");
    const slo = new URL(out.json().redirectTo);
    expect(slo.pathname).toBe("/eherkenning/idp/slo");
    expect((await again.get("/api/session")).json().account).toBeUndefined();
    const back = new URL(
      String((await again.get(`${slo.pathname}${slo.search}`)).headers.location),
    );
    expect(back.pathname).toBe("/portal/saml/slo");
    const landed = await again.get(`${back.pathname}${back.search}`);
    expect(String(landed.headers.location)).toMatch(/\/portal\/login\?uitgelogd=1$/);
  });

  it("links to an extra account that approves it; an address not of the company gets nothing", async () => {
    const invited = await main.post("/api/me/extra-accounts", {
      name: "Piet Bol",
      email: "piet@nzt.example.nl",
      locale: "nl",
    });
    expect(invited.statusCode).toBe(201);
    const extra = await activateByMail(subject, "piet@nzt.example.nl");
    const email = await issueMeans();
    const person = new ApiClient(subject.app);
    await logInWithEherkenning(person, email);

    const before = (await deliveredMails(subject)).length;
    const stranger = await person.post("/api/portal/eherkenning/link", {
      target: "extra",
      email: "iemand@elders.example.nl",
    });
    expect(stranger.statusCode).toBe(202);
    expect((await deliveredMails(subject)).length).toBe(before);

    const token = await requestLink(
      person,
      { target: "extra", email: "piet@nzt.example.nl" },
      "piet@nzt.example.nl",
    );
    // The main account may not approve what was asked of the extra account.
    expect(
      (await main.get(`/api/portal/eherkenning/approvals/${token}`)).json().forThisAccount,
    ).toBe(false);
    expect((await main.post(`/api/portal/eherkenning/approvals/${token}`)).statusCode).toBe(403);
    expect((await extra.post(`/api/portal/eherkenning/approvals/${token}`)).statusCode).toBe(200);

    const again = new ApiClient(subject.app);
    await logInWithEherkenning(again, email);
    expect((await again.get("/api/session")).json().account.email).toBe("piet@nzt.example.nl");
  });

  it("refuses at the IdP a means below the office's level, naming both levels", async () => {
    await setOfficePortalLevel(catalogueDeps(subject.services), officeScope(officeId), "EH3", {
      type: "operator",
    });
    try {
      const email = await issueMeans();
      expect(await logInAtIdp(new ApiClient(subject.app), email)).toEqual({
        outcome: "level-too-low",
        meansLevel: "EH2+",
        demandedLevel: "EH3",
      });
    } finally {
      await setOfficePortalLevel(catalogueDeps(subject.services), officeScope(officeId), "EH2+", {
        type: "operator",
      });
    }
  });

  it("finds no authorization for an office the means was not authorized for", async () => {
    await setOfficePortalLevel(
      catalogueDeps(subject.services),
      officeScope(otherOfficeId),
      "EH2+",
      {
        type: "operator",
      },
    );
    const email = await issueMeans();
    expect(await logInAtIdp(new ApiClient(subject.app), email, otherOfficeId)).toEqual({
      outcome: "no-authorization",
    });
  });

  it("shows no link page or approval to a browser without its token", async () => {
    const stranger = await logInToPortal(subject, "directie@nzt.example.nl");
    expect((await stranger.get("/api/portal/eherkenning/link")).statusCode).toBe(410);
    const made = "A".repeat(43);
    expect((await stranger.get(`/api/portal/eherkenning/approvals/${made}`)).statusCode).toBe(410);
  });

  it("refuses an unknown office and an office id that is not one", async () => {
    const browser = new ApiClient(subject.app);
    const unknown = await browser.get(
      "/portal/saml/login?office=00000000-0000-4000-8000-000000000000",
    );
    expect(String(unknown.headers.location)).toMatch(/\/portal\/login\?eherkenning=invalid$/);
    const malformed = await browser.get("/portal/saml/login?office=%27%20or%201%3D1");
    expect(malformed.statusCode).toBe(303);
    const acs = await browser.send("POST", "/portal/saml/acs", "SAMLResponse=bm9uc2Vuc2U%3D", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(String(acs.headers.location)).toMatch(/\?eherkenning=invalid$/);
  });
});
