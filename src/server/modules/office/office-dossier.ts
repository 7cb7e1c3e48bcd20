import type { Database } from "#src/server/platform/db/database.ts";
import type { StaffActor } from "../accounts/request-actors.ts";
import { listOfficeDossierDocuments } from "../documents/office-documents.ts";
import { officeDossierListItems, progressOf, requireDossier } from "../dossiers/service.ts";

/** The whole dossier as the office sees it: fields, clients, progress and all documents. */
export async function officeDossier(db: Database, staff: StaffActor, dossierId: string) {
  const dossier = await requireDossier(db, staff.scope, dossierId);
  const [[item], progress, documents] = await Promise.all([
    officeDossierListItems(db, [dossier]),
    progressOf(db, dossier),
    listOfficeDossierDocuments(db, dossier),
  ]);
  if (!item) throw new Error("a dossier without its list item");
  return { ...item, progress, documents, createdAt: dossier.createdAt.toISOString() };
}
