import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";

/** What the means services need: a share of the eHerkenning deps (`EherkenningDeps` fits). */
export interface MeansDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  /** Base of the links in mails. */
  publicUrl: string;
  supplierName: string;
}

/** The holder's own page, where "Verlengen" is. */
export const holderPageUrl = (deps: Pick<MeansDeps, "publicUrl">) =>
  `${deps.publicUrl}/eherkenning/middel`;

/** The application wizard: where a holder applies again. */
export const applyUrl = (deps: Pick<MeansDeps, "publicUrl">) =>
  `${deps.publicUrl}/eherkenning/aanvragen`;
