/** The portal's own pages, below its basename /portal. */
export const portalPaths = {
  dossiers: "/dossiers",
  dossier: (dossierId: string) => `/dossiers/${encodeURIComponent(dossierId)}`,
  /** "Kies een notariskantoor", for a login that is a client of several offices (ADR 0011). */
  chooseOffice: "/notariskantoor-kiezen",
  /**
   * The list of open actions (questionnaires), which the Acties tile leads to. Its page comes
   * with the questionnaires; until then the server counts no open actions, so nothing links here.
   */
  actions: "/acties",
} as const;
