/** The back office's own pages, below its basename /office. */
export const officePaths = {
  clients: "/clients",
  staff: "/staff",
  dossiers: "/dossiers",
  newDossier: "/dossiers/new",
  dossier: (dossierId: string) => `/dossiers/${encodeURIComponent(dossierId)}`,
} as const;
