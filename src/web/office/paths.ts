/** The back office's own pages, below its basename /office. */
export const officePaths = {
  clients: "/clients",
  staff: "/staff",
} as const;
