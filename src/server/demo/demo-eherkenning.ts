import { randomBytes } from "node:crypto";
import type { ApplicationScope } from "#src/contracts/eherkenning/applications.ts";
import type { Level } from "#src/contracts/eherkenning/levels.ts";
import { updateAccount } from "../modules/accounts/repository.ts";
import { embeddedCompanies } from "../modules/kvk-register/embedded-register.ts";
import type { KvkCompany } from "../modules/kvk-register/kvk-register.ts";
import { issueMeans } from "../modules/means/issue-means.ts";
import { eherkenningDeps } from "../modules/means-applications/deps.ts";
import { catalogueDeps } from "../modules/service-catalogue/deps.ts";
import { portalLoginService } from "../modules/service-catalogue/office-portal-services.ts";
import { DAY } from "../platform/clock.ts";
import type { Database } from "../platform/db/database.ts";
import { hashToken } from "../platform/security/random-secrets.ts";
import type { Services } from "../services.ts";
import { createDemoAccount } from "./demo-accounts.ts";
import { demoAccount } from "./demo-dossiers.ts";
import { demoPdf } from "./demo-pdf.ts";
import { insertSignedApplication } from "./signed-application.ts";

/** The demo's eHerkenning back office: who logs in at /eherkenning/beheer, with SMS codes. */
const supplierStaff = [
  {
    email: "beheer@poort-eherkenning.nl",
    name: "Bram Beheer",
    role: "admin",
    phone: "+31612340011",
  },
  {
    email: "beoordelaar@poort-eherkenning.nl",
    name: "Rita Beoordelaar",
    role: "reviewer",
    phone: "+31612340012",
  },
  { email: "agent@ampgroep.nl", name: "Ahmed Agent", role: "partner-agent", phone: "+31612340013" },
] as const;

interface DemoApplication {
  reference: string;
  state: "review" | "issued";
  level: Level;
  scope: ApplicationScope;
  user: { name: string; email: string; mobile: string };
  company?: KvkCompany;
}

/** An application in the demo's queue or issued, submitted two days ago. */
async function insertApplication(
  db: Database,
  services: Services,
  demo: DemoApplication,
): Promise<string> {
  const now = services.clock.now();
  const newToken = () => hashToken(randomBytes(32).toString("base64url"));
  const { id } = await insertSignedApplication(db, services.blobs, {
    ...demo,
    accessTokenHash: newToken(),
    submittedAt: new Date(now.getTime() - 2 * DAY),
    signedAt: now,
    signersSignedAt: now,
    updatedAt: now,
    signer: (representative) => ({
      email: `${representative.name.toLowerCase().replaceAll(" ", ".")}@example.nl`,
      linkTokenHash: newToken(),
    }),
    idCopy: {
      bytes: demoPdf("Kopie paspoort (demo)", [
        `Naam: ${demo.user.name}`,
        "Documentnummer: afgeschermd",
        "Geldig tot: 1 januari 2031",
        "Foto en BSN afgeschermd.",
      ]),
      fileName: "kopie-paspoort.pdf",
      contentType: "application/pdf",
      expiresOn: "2031-01-01",
    },
  });
  return id;
}

/**
 * The demo's eHerkenning: the supplier's admin, reviewer and the partner's agent; one EH3
 * application waiting in the queue; and one EH2+ holder whose means is issued, authorized for
 * all services at EH2+ of a company from the embedded KvK register.
 */
export async function seedDemoEherkenning(
  db: Database,
  services: Services,
  password: string,
): Promise<void> {
  for (const person of supplierStaff) {
    await createDemoAccount(
      db,
      services.clock,
      {
        kind: "supplier",
        email: person.email,
        name: person.name,
        role: person.role,
        smsPhone: person.phone,
      },
      password,
    );
  }
  await insertApplication(db, services, {
    reference: "EH-DEMO0001",
    state: "review",
    level: "EH3",
    scope: { kind: "all" },
    user: { name: "Lotte Bakker", email: "lotte.bakker@example.nl", mobile: "+31612340021" },
  });

  const eva = { name: "Eva Smit", email: "eva.smit@example.nl", mobile: "+31612340022" };
  await createDemoAccount(
    db,
    services.clock,
    { kind: "means", ...eva, smsPhone: eva.mobile, requiredSecondFactor: "sms" },
    password,
  );
  // All services up to EH2+: the offices' portals demand EH3, which her means cannot serve.
  const scope: ApplicationScope = { kind: "all" };
  const applicationId = await insertApplication(db, services, {
    reference: "EH-DEMO0002",
    state: "issued",
    level: "EH2+",
    scope,
    user: eva,
  });
  const company = embeddedCompanies.jointDirectors;
  await issueMeans(
    { ...eherkenningDeps(services), db },
    db,
    {
      applicationId,
      person: { ...eva, locale: "nl" },
      level: "EH2+",
      scope,
      company: { kvkNumber: company.kvkNumber, name: company.name, rsin: company.rsin },
      branchNumber: null,
    },
    { type: "operator" },
  );
}

/**
 * The demo's EH3 holders of Bakkerij Bol (KvK 90000006, a company client of De Vries & Partners),
 * each authorized for that office's client portal: Anna Bol, its director, and Lars Bol, a
 * colleague without a portal account of his own. Their first logins link their eHerkenning to
 * the company's main account (Anna's), which approves it. The authenticator secrets are in the
 * README: any TOTP app, or the browser test, makes their codes. Demo data only.
 */
export const demoCompanyHolders = [
  {
    name: "Anna Bol",
    email: "anna@bakkerijbol.nl",
    mobile: "+31612340023",
    totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    reference: "EH-DEMO0003",
  },
  {
    name: "Lars Bol",
    email: "lars@bakkerijbol.nl",
    mobile: "+31612340024",
    totpSecret: "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA",
    reference: "EH-DEMO0004",
  },
] as const;

/** The demo's company logins to the portal with eHerkenning (issue 15): see `demoCompanyHolders`. */
export async function seedDemoCompanyMeans(
  db: Database,
  services: Services,
  password: string,
): Promise<void> {
  const sara = await demoAccount(db, "staff", "sara@devriespartners.nl");
  if (!sara.officeId) throw new Error("the demo's office admin has no office");
  const portal = await portalLoginService({ ...catalogueDeps(services), db }, sara.officeId);
  if (!portal) throw new Error("the demo office's portal is not in the catalogue");
  const scope: ApplicationScope = { kind: "services", serviceIds: [portal.id] };
  const company = embeddedCompanies.soleDirector;
  for (const holder of demoCompanyHolders) {
    const person = { name: holder.name, email: holder.email, mobile: holder.mobile };
    const { account } = await createDemoAccount(
      db,
      services.clock,
      { kind: "means", ...person, requiredSecondFactor: "totp" },
      password,
    );
    await updateAccount(db, account.id, {
      twoFactorMethod: "totp",
      totpSecret: services.secrets.seal(holder.totpSecret),
    });
    const applicationId = await insertApplication(db, services, {
      reference: holder.reference,
      state: "issued",
      level: "EH3",
      scope,
      user: person,
      company,
    });
    await issueMeans(
      { ...eherkenningDeps(services), db },
      db,
      {
        applicationId,
        person: { ...person, locale: "nl" },
        level: "EH3",
        scope,
        company: { kvkNumber: company.kvkNumber, name: company.name, rsin: company.rsin },
        branchNumber: null,
      },
      { type: "operator" },
    );
  }
}
