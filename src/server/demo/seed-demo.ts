import { createOffice } from "../modules/offices/service.ts";
import type { Database } from "../platform/db/database.ts";
import type { Services } from "../services.ts";
import { createDemoAccount } from "./demo-accounts.ts";
import { seedDemoActions } from "./demo-actions.ts";
import { seedDemoCatalogue } from "./demo-catalogue.ts";
import { seedDemoCertificate } from "./demo-certificate.ts";
import { seedClientOfTwoOffices, seedDemoDossiers } from "./demo-dossiers.ts";
import {
  demoCompanyHolders,
  seedDemoCompanyMeans,
  seedDemoEherkenning,
} from "./demo-eherkenning.ts";
import { seedDemoMessages } from "./demo-messages.ts";
import { claimSeedStep } from "./repository.ts";
import { welcomeMail } from "./welcome-mail.ts";

interface SeedStep {
  name: string;
  apply(db: Database, services: Services): Promise<void>;
}

/** The password of every demo account; demo data is for trying Poort, never for production. */
export const DEMO_PASSWORD = "Zonnige-Kade-47";

/** Who can log in to the demo, printed by `npx poort seed-demo` and listed in the README. */
export const demoLogins = [
  { area: "/portal", email: "jan.jansen@example.nl", who: "client (person), De Vries & Partners" },
  {
    area: "/portal",
    email: "anna@bakkerijbol.nl",
    who: "client (company, main account), De Vries & Partners",
  },
  { area: "/portal", email: "piet@bakkerijbol.nl", who: "extra account of Bakkerij Bol B.V." },
  {
    area: "/portal",
    email: "fatima.elamrani@example.nl",
    who: "client (person), Notariaat Aan de Amstel",
  },
  {
    area: "/portal",
    email: "sanne.deboer@example.nl",
    who: "client (person) of both offices: chooses the office after logging in",
  },
  {
    area: "/office",
    email: "sara@devriespartners.nl",
    who: "admin, De Vries & Partners (SMS code in /dev/mailbox)",
  },
  {
    area: "/office",
    email: "tom@devriespartners.nl",
    who: "handler, De Vries & Partners (SMS code in /dev/mailbox)",
  },
  {
    area: "/office",
    email: "lisa@aandeamstel.nl",
    who: "admin, Notariaat Aan de Amstel (SMS code in /dev/mailbox)",
  },
  {
    area: "/servicedesk",
    email: "noor@servicedesk.example.nl",
    who: "servicedesk (SMS code in /dev/mailbox)",
  },
  {
    area: "/eherkenning/beheer",
    email: "beheer@poort-eherkenning.nl",
    who: "eHerkenning supplier admin (SMS code in /dev/mailbox)",
  },
  {
    area: "/eherkenning/beheer",
    email: "beoordelaar@poort-eherkenning.nl",
    who: "eHerkenning reviewer: one EH3 application waits (SMS code in /dev/mailbox)",
  },
  {
    area: "/eherkenning/beheer",
    email: "agent@ampgroep.nl",
    who: "identification partner's agent, AMP Groep (SMS code in /dev/mailbox)",
  },
  {
    area: "/eherkenning",
    email: "eva.smit@example.nl",
    who: "holder of an EH2+ eHerkenning means (SMS code in /dev/mailbox)",
  },
  ...demoCompanyHolders.map((holder) => ({
    area: "/eherkenning",
    email: holder.email,
    who: `${holder.name}: EH3 means for Bakkerij Bol, logs in to the De Vries portal (authenticator secret ${holder.totpSecret})`,
  })),
] as const;

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
  {
    name: "offices-and-accounts",
    async apply(db, { clock }) {
      const operator = { type: "operator" as const };
      const devries = await createOffice(
        db,
        clock,
        {
          name: "Notariskantoor De Vries & Partners",
          debtorNumber: "101234",
          email: "info@devriespartners.nl",
        },
        operator,
      );
      const amstel = await createOffice(
        db,
        clock,
        {
          name: "Notariaat Aan de Amstel",
          debtorNumber: "102345",
          email: "kantoor@aandeamstel.nl",
        },
        operator,
      );
      const demo = (account: Parameters<typeof createDemoAccount>[2]) =>
        createDemoAccount(db, clock, account, DEMO_PASSWORD);
      await demo({
        kind: "staff",
        officeId: devries.id,
        email: "sara@devriespartners.nl",
        name: "Sara de Wit",
        role: "admin",
        smsPhone: "+31612340001",
      });
      await demo({
        kind: "staff",
        officeId: devries.id,
        email: "tom@devriespartners.nl",
        name: "Tom Bakker",
        role: "handler",
        smsPhone: "+31612340002",
      });
      await demo({
        kind: "staff",
        officeId: amstel.id,
        email: "lisa@aandeamstel.nl",
        name: "Lisa Visser",
        role: "admin",
        smsPhone: "+31612340003",
      });
      await demo({
        kind: "client",
        email: "jan.jansen@example.nl",
        name: "Jan Jansen",
        membership: { officeId: devries.id, client: { kind: "person", name: "Jan Jansen" } },
      });
      const anna = await demo({
        kind: "client",
        email: "anna@bakkerijbol.nl",
        name: "Anna Bol",
        membership: {
          officeId: devries.id,
          // Its KvK number in the embedded register, so its people log in with eHerkenning too.
          client: { kind: "company", name: "Bakkerij Bol B.V.", kvkNumber: "90000006" },
        },
      });
      await demo({
        kind: "client",
        email: "piet@bakkerijbol.nl",
        name: "Piet Bol",
        membership: {
          officeId: devries.id,
          client: { id: anna.membership?.clientId ?? "" },
          isMainAccount: false,
        },
      });
      await demo({
        kind: "client",
        email: "fatima.elamrani@example.nl",
        name: "Fatima El Amrani",
        membership: { officeId: amstel.id, client: { kind: "person", name: "Fatima El Amrani" } },
      });
    },
  },
  {
    name: "servicedesk-staff",
    async apply(db, { clock }) {
      await createDemoAccount(
        db,
        clock,
        {
          kind: "platform",
          email: "noor@servicedesk.example.nl",
          name: "Noor Hendriks",
          role: "servicedesk",
          smsPhone: "+31612340004",
        },
        DEMO_PASSWORD,
      );
    },
  },
  { name: "dossiers-and-documents", apply: seedDemoDossiers },
  { name: "office-certificate", apply: seedDemoCertificate },
  // One login, several offices (ADR 0011): added as a step of its own, so a demo database of
  // before gets it too.
  {
    name: "client-of-two-offices",
    apply: (db, services) => seedClientOfTwoOffices(db, services, DEMO_PASSWORD),
  },
  // Messages (ADR 0012): a step of its own, so a demo database of before gets them too.
  { name: "messages", apply: seedDemoMessages },
  // Acties (ADR 0014): the office's copies of the starter library, and two actions sent.
  { name: "actions", apply: (db, services) => seedDemoActions(db, services.clock) },
  // eHerkenning (issue 14): the offices' client portals and three other service providers.
  { name: "eherkenning-catalogue", apply: seedDemoCatalogue },
  // eHerkenning review (issue 14): the supplier's staff, an application in review, a holder.
  {
    name: "eherkenning-review",
    apply: (db, services) => seedDemoEherkenning(db, services, DEMO_PASSWORD),
  },
  // A company's login to the portal with eHerkenning (issue 15): an EH3 holder of Bakkerij Bol.
  {
    name: "eherkenning-company-login",
    apply: (db, services) => seedDemoCompanyMeans(db, services, DEMO_PASSWORD),
  },
];

/** Applies the demo steps this database has not had yet; returns the names applied. */
export async function seedDemo(services: Services): Promise<string[]> {
  const applied: string[] = [];
  // The CA is made outside the steps' transactions (PGlite has one connection).
  await services.authorities.get();
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
