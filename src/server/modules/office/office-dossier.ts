import type { StaffActor } from "../accounts/request-actors.ts";
import { listOfficeDossierDocuments } from "../documents/office-documents.ts";
import {
  type DossiersDeps,
  officeDossierListItems,
  progressOf,
  requireDossier,
} from "../dossiers/service.ts";
import { leavesPortalOn } from "../retention/dossier-retention.ts";

/**
 * The whole dossier as the office sees it: fields, clients, progress, all documents, and when
 * a closed one leaves the client portal.
 */
export async function officeDossier(deps: DossiersDeps, staff: StaffActor, dossierId: string) {
  const { db } = deps;
  const dossier = await requireDossier(db, staff.scope, dossierId);
  const [[item], progress, documents, leaving] = await Promise.all([
    officeDossierListItems(db, [dossier]),
    progressOf(db, dossier),
    listOfficeDossierDocuments(db, dossier),
    leavesPortalOn(deps, dossier),
  ]);
  if (!item) throw new Error("a dossier without its list item");
  return {
    ...item,
    progress,
    documents,
    createdAt: dossier.createdAt.toISOString(),
    leavesPortalOn: leaving,
  };
}
