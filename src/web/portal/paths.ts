/** The portal's own pages, below its basename /portal. */
export const portalPaths = {
  dossiers: "/dossiers",
  dossier: (dossierId: string) => `/dossiers/${encodeURIComponent(dossierId)}`,
  /** "Kies een notariskantoor", for a login that is a client of several offices (ADR 0011). */
  chooseOffice: "/notariskantoor-kiezen",
  /** "Acties": the questionnaires and upload requests of the office, which the tile leads to. */
  actions: "/acties",
  /** "Invullen" of a questionnaire, "Aanleveren" of an upload request, or looking back at either. */
  action: (actionId: string) => `/acties/${encodeURIComponent(actionId)}`,
} as const;
