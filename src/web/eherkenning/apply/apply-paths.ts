/** The wizard's pages below `/eherkenning`. */
export const applyPaths = {
  wizard: "/aanvragen",
  /** A step of the wizard: kept in the address, so a reload stays on it. */
  step: (step: number) => `/aanvragen?stap=${step}`,
  follow: "/aanvragen/volgen",
  providers: "/dienstverleners",
} as const;
