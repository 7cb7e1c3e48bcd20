import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveClient, createTestOffice } from "#test/support/accounts.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { findAccountByEmail, listAccountMemberships } from "../modules/accounts/repository.ts";
import {
  findDossier,
  insertDossier,
  replaceDossierClients,
} from "../modules/dossiers/repository.ts";
import { progressOf } from "../modules/dossiers/service.ts";
import { clientScope, type OfficeScope, officeScope } from "./tenant-scope.ts";

/**
 * The one access rule at work: a dossier is seen by its own office and by the clients it is
 * shared with, and by nobody else, whoever knows its id. And the types leave no way to query
 * without a scope: a bare id is no scope, and no scope can be written as a literal.
 */
describe.each(testDatabaseKinds)("tenant scopes on %s", (kind) => {
  let subject: TestApp;
  let dossierId: string;
  const scopes = {} as Record<
    "officeA" | "officeB" | "linked" | "unlinked" | "otherOffice",
    ReturnType<typeof officeScope> | ReturnType<typeof clientScope>
  >;

  const clientScopeOf = async (email: string) => {
    const db = subject.services.database.db;
    const account = await findAccountByEmail(db, "client", email);
    const [only] = account ? await listAccountMemberships(db, account.id) : [];
    if (!only) throw new Error(`no client ${email}`);
    return clientScope(only.membership.officeId, only.membership.clientId);
  };

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const officeA = await createTestOffice(subject, "Kantoor Amstel");
    const officeB = await createTestOffice(subject, "Kantoor Berkel");
    await createActiveClient(subject, officeA.id, "gedeeld@example.nl");
    await createActiveClient(subject, officeA.id, "buiten@example.nl");
    await createActiveClient(subject, officeB.id, "elders@example.nl");
    scopes.officeA = officeScope(officeA.id);
    scopes.officeB = officeScope(officeB.id);
    scopes.linked = await clientScopeOf("gedeeld@example.nl");
    scopes.unlinked = await clientScopeOf("buiten@example.nl");
    scopes.otherOffice = await clientScopeOf("elders@example.nl");

    const db = subject.services.database.db;
    const now = subject.clock.now();
    const created = await insertDossier(db, scopes.officeA as OfficeScope, {
      number: "T-1",
      description: "Levering",
      status: "in-progress",
      createdAt: now,
      updatedAt: now,
    });
    if (!created) throw new Error("no dossier");
    dossierId = created.id;
    await replaceDossierClients(db, created, [(scopes.linked as { clientId: string }).clientId]);
  });
  afterAll(() => subject.close());

  it("shows the dossier to its office and to the client it is shared with, to no one else", async () => {
    const seen = async (scope: (typeof scopes)[keyof typeof scopes]) =>
      (await findDossier(subject.services.database.db, scope, dossierId))?.id;
    expect(await seen(scopes.officeA)).toBe(dossierId);
    expect(await seen(scopes.linked)).toBe(dossierId);
    expect(await seen(scopes.officeB)).toBeUndefined();
    expect(await seen(scopes.unlinked)).toBeUndefined();
    expect(await seen(scopes.otherOffice)).toBeUndefined();
  });

  it("makes an unscoped call a type error, so it cannot be made by accident", async () => {
    const db = subject.services.database.db;
    // Checked by the type-check (`npm run typecheck`): each line below must stay an error.
    const mistakes = [
      // @ts-expect-error: an office id read from a request is no scope.
      () => findDossier(db, "an-office-id", dossierId),
      // @ts-expect-error: a dossier's progress takes the dossier found in a scope, not its id.
      () => progressOf(db, dossierId),
      // @ts-expect-error: a scope cannot be written as a literal; it is made where the actor logged in.
      (): OfficeScope => ({ kind: "office", officeId: "an-office-id" }),
    ];
    expect(mistakes).toHaveLength(3);
    const found = await findDossier(db, scopes.officeA, dossierId);
    if (!found) throw new Error("not found");
    expect((await progressOf(db, found)).total).toBe(0);
  });
});
