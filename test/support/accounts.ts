import * as OTPAuth from "otpauth";
import type { StaffRole } from "#src/contracts/accounts.ts";
import { officeScope } from "#src/server/access/tenant-scope.ts";
import { accountsDeps } from "#src/server/modules/accounts/deps.ts";
import { inviteClient, inviteStaff } from "#src/server/modules/accounts/invitations.ts";
import { createOffice } from "#src/server/modules/offices/service.ts";
import { ApiClient } from "./api-client.ts";
import { lastMailTo, linkToken } from "./outbox.ts";
import type { TestApp } from "./test-app.ts";

export const TEST_PASSWORD = "zonnige-kade-47-brug";

let debtorNumber = 200_000;
export async function createTestOffice(subject: TestApp, name = "Notariskantoor Van Dam") {
  debtorNumber += 1;
  return createOffice(
    subject.services.database.db,
    subject.clock,
    { name, debtorNumber: String(debtorNumber), email: `info@kantoor${debtorNumber}.nl` },
    { type: "operator" },
  );
}

/** Walks the mailed-link activation, as the invited person would; returns their browser. */
export async function activateByMail(
  subject: TestApp,
  email: string,
  password = TEST_PASSWORD,
  ip?: string,
) {
  const browser = new ApiClient(subject.app, ip);
  const invitation = linkToken(await lastMailTo(subject, email), "activate");
  await browser.post("/api/auth/activation", { token: invitation, email });
  const setPassword = linkToken(await lastMailTo(subject, email), "set-password");
  const response = await browser.post("/api/auth/password", { token: setPassword, password });
  if (response.statusCode !== 200) throw new Error(`activation failed: ${response.body}`);
  await browser.refreshCsrfToken();
  return browser;
}

export async function createActiveClient(
  subject: TestApp,
  officeId: string,
  email: string,
  kind: "person" | "company" = "person",
  name = kind === "company" ? "Bakkerij Bol B.V." : "Jan Jansen",
) {
  await inviteClient(
    accountsDeps(subject.services),
    officeScope(officeId),
    {
      kind,
      name,
      contactName: "Anna Bol",
      email,
      locale: "nl",
    },
    { type: "staff" },
  );
  return activateByMail(subject, email);
}

export async function createActiveStaff(
  subject: TestApp,
  officeId: string,
  email: string,
  role: StaffRole = "admin",
) {
  await inviteStaff(
    accountsDeps(subject.services),
    officeScope(officeId),
    { name: "Sara de Wit", email, role, locale: "nl" },
    { type: "operator" },
  );
  return activateByMail(subject, email);
}

/** Staff must set up 2-step verification before the back office opens: an authenticator. */
export async function enrolAuthenticator(subject: TestApp, browser: ApiClient): Promise<string[]> {
  const { secret } = (await browser.post("/api/me/two-factor/totp")).json();
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: subject.clock.now().getTime(),
  });
  const confirmed = await browser.post("/api/me/two-factor/totp/confirm", { code });
  if (confirmed.statusCode !== 200) throw new Error(`enrolment failed: ${confirmed.body}`);
  return confirmed.json().recoveryCodes as string[];
}

/** A staff member who can use the back office at once. */
export async function createOfficeStaff(
  subject: TestApp,
  officeId: string,
  email: string,
  role: StaffRole = "admin",
) {
  const browser = await createActiveStaff(subject, officeId, email, role);
  await enrolAuthenticator(subject, browser);
  return browser;
}

/** Logs a client login in to the portal with its password (no second step); its browser. */
export async function logInToPortal(
  subject: TestApp,
  email: string,
  password = TEST_PASSWORD,
  ip?: string,
) {
  const browser = new ApiClient(subject.app, ip);
  const response = await browser.post("/api/auth/login", { area: "portal", email, password });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  await browser.refreshCsrfToken();
  return browser;
}

/**
 * A client login of several offices chooses the office (by its name) its session acts for, as
 * the portal's "Kies een notariskantoor" does (ADR 0011); returns the chosen membership's id.
 */
export async function chooseOffice(browser: ApiClient, officeName: string): Promise<string> {
  const { officeChoice } = (await browser.get("/api/session")).json();
  const office = officeChoice?.offices.find(
    (candidate: { officeName: string }) => candidate.officeName === officeName,
  );
  if (!office) throw new Error(`no office ${officeName} to choose`);
  const chosen = await browser.post("/api/me/office", { membershipId: office.id });
  if (chosen.statusCode !== 204) throw new Error(`choosing failed: ${chosen.body}`);
  return office.id;
}
