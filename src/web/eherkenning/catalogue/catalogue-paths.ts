/** The public eHerkenning pages the catalogue's pages link to, below `/eherkenning`. */
export const eherkenningPaths = {
  home: "/",
  /** "Het overzicht van dienstverleners". */
  providers: "/dienstverleners",
  /** The application wizard's first step. */
  apply: "/aanvragen",
  /** The means holder's login. */
  login: "/login",
} as const;
