import type { Database } from "../platform/db/database.ts";
import type { Services } from "../services.ts";
import { claimSeedStep } from "./repository.ts";
import { welcomeMail } from "./welcome-mail.ts";

interface SeedStep {
  name: string;
  apply(db: Database, services: Services): Promise<void>;
}

/** Demo data, in steps; later capabilities append theirs. Each step runs once per database. */
const steps: SeedStep[] = [
  {
    name: "outbox-welcome",
    async apply(db, { mailer, sms, config }) {
      await mailer.queue(db, {
        to: "ontwikkelaar@poort.localhost",
        locale: "nl",
        template: welcomeMail,
        data: { publicUrl: config.publicUrl },
      });
      await sms.queue(db, {
        to: "+31612345678",
        text: "Poort: dit is de lokale sms-outbox. Verificatiecodes verschijnen hier.",
      });
    },
  },
];

/** Applies the demo steps this database has not had yet; returns the names applied. */
export async function seedDemo(services: Services): Promise<string[]> {
  const applied: string[] = [];
  for (const step of steps) {
    const ran = await services.database.db.transaction(async (tx) => {
      if (!(await claimSeedStep(tx, step.name, services.clock.now()))) return false;
      await step.apply(tx, services);
      return true;
    });
    if (ran) applied.push(step.name);
  }
  return applied;
}
