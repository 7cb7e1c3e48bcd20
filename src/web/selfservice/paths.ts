/** The self-service's pages, below its basename /selfservice. */
export const selfservicePaths = {
  /** The chain-applications page (A12): who the presented certificate belongs to. */
  home: "/",
  /** Login, request screen and confirmation (A3–A7). */
  certificate: "/certificate",
} as const;
