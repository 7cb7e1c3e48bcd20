import type { SupplierRole } from "#src/contracts/accounts.ts";
import { accountsDeps } from "#src/server/modules/accounts/deps.ts";
import { inviteSupplierStaff } from "#src/server/modules/accounts/invitations.ts";
import { activateByMail, enrolAuthenticator } from "./accounts.ts";
import type { ApiClient } from "./api-client.ts";
import type { TestApp } from "./test-app.ts";

/** A person of the eHerkenning supplier in a role, who can use the back office at once. */
export async function createSupplierStaff(
  subject: TestApp,
  email: string,
  role: SupplierRole,
): Promise<ApiClient> {
  await inviteSupplierStaff(accountsDeps(subject.services), {
    name: "Iris Bakker",
    email,
    role,
    locale: "nl",
  });
  const browser = await activateByMail(subject, email);
  await enrolAuthenticator(subject, browser);
  return browser;
}
