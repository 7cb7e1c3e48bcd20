/** The portal's own pages, below its basename /portal. */
export const portalPaths = {
  dossiers: "/dossiers",
  dossier: (dossierId: string) => `/dossiers/${encodeURIComponent(dossierId)}`,
} as const;
