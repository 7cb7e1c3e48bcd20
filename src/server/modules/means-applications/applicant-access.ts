import { AppError } from "#src/server/errors.ts";
import type { AuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { hashToken } from "#src/server/platform/security/random-secrets.ts";
import {
  type ApplicationRow,
  findApplicationByTokenHash,
  lockApplication,
} from "./application-repository.ts";
import type { EherkenningDeps } from "./deps.ts";

/**
 * The applicant has no account: whoever holds an application's access token (the browser's
 * cookie, or the mailed link) is its applicant, and sees and changes that one application only.
 */
export async function applicationOfToken(
  deps: Pick<EherkenningDeps, "db">,
  token: string | undefined,
): Promise<ApplicationRow> {
  const application = token
    ? await findApplicationByTokenHash(deps.db, hashToken(token))
    : undefined;
  if (!application) throw new AppError("application_not_found");
  return application;
}

export function applicantActor(application: { id: string }): AuditEvent["actor"] {
  return { type: "applicant", id: application.id };
}

/**
 * Runs a change of the application under its row lock, refusing it unless the application is
 * (still) in one of the states given: a second tab, a double click or the supplier's rejection
 * that came first all end here with a clear 409 and nothing changed.
 */
export function changeApplication<T>(
  deps: Pick<EherkenningDeps, "db">,
  applicationId: string,
  states: readonly ApplicationRow["state"][],
  change: (tx: Database, application: ApplicationRow) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    if (!application) throw new AppError("application_not_found");
    if (!states.includes(application.state)) throw new AppError("application_state");
    return change(tx, application);
  });
}

/** Today in the Netherlands, as a date: what an ID's expiry is compared with. */
export function dutchToday(now: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(now);
}
