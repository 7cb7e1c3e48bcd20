/**
 * A process that commits news in a dossier and then waits to be killed, before the notice's job
 * is due: `test/integration/notice-crash.test.ts` kills it with SIGKILL and lets a fresh Poort
 * send the notice. Opens the database Poort will use (DATABASE_URL, or PGlite in DATA_DIR),
 * migrates it, writes an office with a client login and a handler, and a dossier of both, then
 * in one transaction tells the client (a document) and the handler (a client's message).
 * Prints "committed" once the transaction has committed.
 */
import path from "node:path";
import { accounts, clientMemberships, clients } from "#src/server/modules/accounts/schema.ts";
import { dossierClients, dossiers } from "#src/server/modules/dossiers/schema.ts";
import {
  notifyDossierClients,
  notifyDossierStaff,
} from "#src/server/modules/notifications/service.ts";
import { offices } from "#src/server/modules/offices/schema.ts";
import { systemClock } from "#src/server/platform/clock.ts";
import { openDatabase } from "#src/server/platform/db/database.ts";
import { migrateDatabase } from "#src/server/platform/db/migrate.ts";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR is required");
const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  pgliteDir: path.join(dataDir, "pglite"),
});
await migrateDatabase(handle);
const now = systemClock.now();

const dossierId = await handle.db.transaction(async (tx) => {
  const [office] = await tx
    .insert(offices)
    .values({
      name: "Kantoor Crash",
      debtorNumber: "909090",
      email: "info@crash.example",
      createdAt: now,
    })
    .returning();
  if (!office) throw new Error("no office");
  const [client] = await tx
    .insert(clients)
    .values({ officeId: office.id, kind: "person", name: "Jan Crash", createdAt: now })
    .returning();
  const [login] = await tx
    .insert(accounts)
    .values({
      kind: "client",
      email: "jan@crash.example",
      name: "Jan Crash",
      status: "active",
      createdAt: now,
    })
    .returning();
  const [handler] = await tx
    .insert(accounts)
    .values({
      kind: "staff",
      officeId: office.id,
      role: "handler",
      email: "tom@crash.example",
      name: "Tom Behandelaar",
      status: "active",
      createdAt: now,
    })
    .returning();
  if (!client || !login || !handler) throw new Error("no accounts");
  await tx.insert(clientMemberships).values({
    accountId: login.id,
    officeId: office.id,
    clientId: client.id,
    name: "Jan Crash",
    invitedAt: now,
    joinedAt: now,
    createdAt: now,
  });
  const [dossier] = await tx
    .insert(dossiers)
    .values({
      officeId: office.id,
      number: "2026.0001",
      description: "Levering",
      handlerId: handler.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!dossier) throw new Error("no dossier");
  await tx.insert(dossierClients).values({ dossierId: dossier.id, clientId: client.id });
  return dossier.id;
});

await handle.db.transaction(async (tx) => {
  await notifyDossierClients(tx, systemClock, { dossierId, kind: "documents" });
  await notifyDossierStaff(tx, systemClock, { dossierId, kind: "messages" });
});
process.stdout.write("committed\n");
// Waits for the SIGKILL; the notice's job is not due for minutes.
setInterval(() => {}, 60_000);
