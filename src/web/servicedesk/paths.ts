/** The servicedesk's own pages, below its basename /servicedesk. */
export const servicedeskPaths = {
  offices: "/kantoren",
  office: (officeId: string) => `/kantoren/${encodeURIComponent(officeId)}`,
  expiring: "/verlopen",
  bounces: "/bounces",
  /** The certificate events across offices (servicedesk role). */
  certificateEvents: "/gebeurtenissen",
} as const;
