/** The back office's own pages, below its basename /office. */
export const officePaths = {
  clients: "/clients",
  staff: "/staff",
  /** "Instellingen": the office's settings, for admins. */
  settings: "/settings",
  dossiers: "/dossiers",
  newDossier: "/dossiers/new",
  dossier: (dossierId: string) => `/dossiers/${encodeURIComponent(dossierId)}`,
  /** "Berichten": the inbox over the office's dossiers, and one message. */
  messages: "/messages",
  message: (messageId: string) => `/messages/${encodeURIComponent(messageId)}`,
  /** One action sent to a client of a dossier (a questionnaire or an upload request). */
  action: (actionId: string) => `/actions/${encodeURIComponent(actionId)}`,
  /** "Vragenlijsten": the office's questionnaire templates and the starter library. */
  questionnaires: "/questionnaires",
  newQuestionnaire: "/questionnaires/new",
  questionnaire: (templateId: string) => `/questionnaires/${encodeURIComponent(templateId)}`,
  /** "Koppelingen": the office's webhooks and their delivery log. */
  integrations: "/integrations",
  /** "Auditlog": the office's audit events, for its admins. */
  auditLog: "/auditlog",
} as const;
