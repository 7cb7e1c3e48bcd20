/** The back office's own pages, below its basename /office. */
export const officePaths = {
  clients: "/clients",
  staff: "/staff",
  dossiers: "/dossiers",
  newDossier: "/dossiers/new",
  dossier: (dossierId: string) => `/dossiers/${encodeURIComponent(dossierId)}`,
  /** "Berichten": the inbox over the office's dossiers, and one message. */
  messages: "/messages",
  message: (messageId: string) => `/messages/${encodeURIComponent(messageId)}`,
} as const;
