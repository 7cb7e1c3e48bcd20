import { Readable } from "node:stream";
import type { ProgressTemplateKey } from "#src/contracts/dossiers.ts";
import { findAccountByEmail, listAccountMemberships } from "../modules/accounts/repository.ts";
import {
  type ClientActor,
  clientActorOf,
  type StaffActor,
  staffActorOf,
} from "../modules/accounts/request-actors.ts";
import { supplyDocument } from "../modules/documents/client-documents.ts";
import { type DocumentsDeps, documentsDeps } from "../modules/documents/deps.ts";
import { addOfficeDocument } from "../modules/documents/office-documents.ts";
import type { WaitingUpload } from "../modules/documents/receive-upload.ts";
import {
  createDossier,
  createOfficeStatus,
  progressOf,
  replaceProgress,
  requireDossier,
} from "../modules/dossiers/service.ts";
import type { Database } from "../platform/db/database.ts";
import type { Services } from "../services.ts";
import { addDemoMembership, createDemoAccount } from "./demo-accounts.ts";
import { demoPdf } from "./demo-pdf.ts";

interface DemoDocument {
  category: "correspondence" | "documents";
  title: string;
  publish?: boolean;
}

interface DemoDossier {
  number: string;
  description: string;
  clients: string[];
  status?: string;
  template?: ProgressTemplateKey;
  /** How many steps of the template are done, each a few days after the one before. */
  stepsDone?: number;
  documents?: DemoDocument[];
  /** A file the first client supplied. */
  supplied?: string;
}

export async function demoAccount(db: Database, kind: "staff" | "client", email: string) {
  const account = await findAccountByEmail(db, kind, email);
  if (!account) throw new Error(`demo account ${email} is missing`);
  return account;
}

/** A demo client login acting for its client at this office (ADR 0011). */
export async function demoClient(
  db: Database,
  email: string,
  officeId: string,
): Promise<ClientActor> {
  const account = await demoAccount(db, "client", email);
  const found = (await listAccountMemberships(db, account.id)).find(
    (row) => row.membership.officeId === officeId,
  );
  if (!found) throw new Error(`demo client ${email} has no membership at office ${officeId}`);
  return clientActorOf(account, found.membership);
}

/** Writes a demo PDF where uploads wait, as if it had just arrived. */
/** A demo PDF as an upload would bring it, to go through the same checks. */
function waitingPdf(title: string, lines: string[]): WaitingUpload {
  const bytes = demoPdf(title, lines);
  return {
    declaredName: `${title}.pdf`,
    size: bytes.length,
    open: async () => Readable.from([bytes]),
    discard: async () => {},
  };
}

async function addDemoDossier(
  deps: DocumentsDeps,
  staff: StaffActor,
  clientIds: Map<string, ClientActor>,
  dossier: DemoDossier,
) {
  const clients = dossier.clients.map((email) => {
    const client = clientIds.get(email);
    if (!client) throw new Error(`demo client ${email} is missing`);
    return client;
  });
  const id = await createDossier(deps, staff, {
    number: dossier.number,
    description: dossier.description,
    status: dossier.status ?? "in-progress",
    handlerId: staff.account.id,
    clientIds: clients.map((client) => client.clientId),
    template: dossier.template,
  });
  if (dossier.stepsDone) {
    const { steps } = await progressOf(deps.db, await requireDossier(deps.db, staff.scope, id));
    await replaceProgress(deps, staff, id, {
      steps: steps.map((step, index) => ({
        title: step.title,
        doneOn:
          index < (dossier.stepsDone ?? 0)
            ? `2026-11-${String(2 + index * 3).padStart(2, "0")}`
            : null,
      })),
    });
  }
  for (const document of dossier.documents ?? []) {
    const upload = waitingPdf(document.title, [
      `Dossier ${dossier.number}: ${dossier.description}`,
      "Dit is een voorbeelddocument uit de demonstratiegegevens van Poort.",
    ]);
    await addOfficeDocument(
      deps,
      staff,
      await requireDossier(deps.db, staff.scope, id),
      { ...document, publish: document.publish ?? true },
      upload,
    );
  }
  const [firstClient] = clients;
  if (dossier.supplied && firstClient) {
    const upload = waitingPdf(dossier.supplied, ["Aangeleverd door de cliënt."]);
    await supplyDocument(deps, firstClient, id, upload);
  }
}

/** Dossiers in several statuses, with progress lists and documents, for both demo offices. */
export async function seedDemoDossiers(db: Database, services: Services): Promise<void> {
  const deps = { ...documentsDeps(services), db };
  const tom = staffActorOf(await demoAccount(db, "staff", "tom@devriespartners.nl"));
  const sara = staffActorOf(await demoAccount(db, "staff", "sara@devriespartners.nl"));
  const lisa = staffActorOf(await demoAccount(db, "staff", "lisa@aandeamstel.nl"));
  const clients = new Map<string, ClientActor>();
  for (const email of ["jan.jansen@example.nl", "anna@bakkerijbol.nl"]) {
    clients.set(email, await demoClient(db, email, tom.officeId));
  }
  const fatima = "fatima.elamrani@example.nl";
  clients.set(fatima, await demoClient(db, fatima, lisa.officeId));
  const waiting = await createOfficeStatus(deps, sara, "Wacht op hypotheekakte");

  const devries: DemoDossier[] = [
    {
      number: "2026.0142",
      description: "Levering Kade 12, Amsterdam",
      clients: ["jan.jansen@example.nl"],
      template: "property-transfer",
      stepsDone: 3,
      documents: [
        { category: "correspondence", title: "Bevestiging van de opdracht" },
        { category: "correspondence", title: "Brief over de sleuteloverdracht" },
        { category: "documents", title: "Concept-akte van levering" },
        { category: "documents", title: "Volmacht", publish: false },
      ],
      supplied: "Kopie paspoort",
    },
    {
      number: "2026.0157",
      description: "Testament Jan Jansen",
      clients: ["jan.jansen@example.nl"],
      template: "will",
      stepsDone: 1,
      documents: [{ category: "correspondence", title: "Uitnodiging voor de ondertekening" }],
    },
    {
      number: "2024.0450",
      description: "Huwelijkse voorwaarden",
      clients: ["jan.jansen@example.nl"],
      status: "cancelled",
    },
    {
      number: "2025.0871",
      description: "Oprichting Bol Holding B.V.",
      clients: ["anna@bakkerijbol.nl"],
      status: "completed",
      template: "company-formation",
      stepsDone: 5,
      documents: [{ category: "documents", title: "Oprichtingsakte Bol Holding B.V." }],
    },
    {
      number: "2026.0203",
      description: "Statutenwijziging Bakkerij Bol B.V.",
      clients: ["anna@bakkerijbol.nl"],
    },
    {
      number: "2026.0180",
      description: "Levering Dorpsstraat 3, Weesp",
      clients: ["anna@bakkerijbol.nl"],
      status: waiting.key,
      template: "property-transfer",
      stepsDone: 5,
    },
  ];
  for (const dossier of devries) await addDemoDossier(deps, tom, clients, dossier);
  await addDemoDossier(deps, lisa, clients, {
    number: "2026.0011",
    description: "Levering Prinsengracht 100, Amsterdam",
    clients: ["fatima.elamrani@example.nl"],
    template: "property-transfer",
    stepsDone: 2,
    documents: [{ category: "documents", title: "Concept-akte van levering" }],
  });
}

/**
 * One person, client of both demo offices with one login (ADR 0011): Sanne de Boer has a
 * dossier at each, and chooses the office after logging in.
 */
export async function seedClientOfTwoOffices(
  db: Database,
  services: Services,
  password: string,
): Promise<void> {
  const deps = { ...documentsDeps(services), db };
  const tom = staffActorOf(await demoAccount(db, "staff", "tom@devriespartners.nl"));
  const lisa = staffActorOf(await demoAccount(db, "staff", "lisa@aandeamstel.nl"));
  const email = "sanne.deboer@example.nl";
  const { account } = await createDemoAccount(
    db,
    services.clock,
    {
      kind: "client",
      email,
      name: "Sanne de Boer",
      membership: { officeId: tom.officeId, client: { kind: "person", name: "Sanne de Boer" } },
    },
    password,
  );
  await addDemoMembership(db, services.clock, account, {
    officeId: lisa.officeId,
    client: { kind: "person", name: "Sanne de Boer" },
  });
  await addDemoDossier(deps, tom, new Map([[email, await demoClient(db, email, tom.officeId)]]), {
    number: "2026.0219",
    description: "Levering Zijlweg 40, Haarlem",
    clients: [email],
    template: "property-transfer",
    stepsDone: 2,
    documents: [{ category: "documents", title: "Concept-akte van levering" }],
  });
  await addDemoDossier(deps, lisa, new Map([[email, await demoClient(db, email, lisa.officeId)]]), {
    number: "2026.0027",
    description: "Testament Sanne de Boer",
    clients: [email],
    template: "will",
    stepsDone: 1,
    documents: [{ category: "correspondence", title: "Uitnodiging voor de ondertekening" }],
  });
}
