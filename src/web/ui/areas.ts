/**
 * The five areas of Poort. Each is its own web app (Vite entry) under its own URL prefix;
 * names and descriptions live in the translations under `areas.<id>`.
 */
export type AreaId = "portal" | "office" | "servicedesk" | "selfservice" | "eherkenning";

export interface Area {
  id: AreaId;
  /** The URL prefix the app owns (its router basename). */
  basename: string;
  /** The app's first page below its basename; empty when that is the basename itself. */
  home: string;
  /** What a user can do there: keys under `areas.<id>.tasks`. */
  tasks: readonly string[];
}

/** By id, in the order the start page and footer show them. */
export const areas: Readonly<Record<AreaId, Area>> = {
  portal: {
    id: "portal",
    basename: "/portal",
    home: "",
    tasks: ["dossiers", "documents", "messages", "actions", "supply", "profile", "accounts"],
  },
  office: {
    id: "office",
    basename: "/office",
    home: "",
    tasks: ["accounts", "dossiers", "publish", "messages", "questionnaires"],
  },
  servicedesk: {
    id: "servicedesk",
    basename: "/servicedesk",
    home: "",
    tasks: ["offices", "expiry", "reissue", "bounces", "audit"],
  },
  selfservice: {
    id: "selfservice",
    basename: "/selfservice",
    home: "certificate",
    tasks: ["request", "email", "sms", "confirmation"],
  },
  eherkenning: {
    id: "eherkenning",
    basename: "/eherkenning",
    home: "",
    tasks: ["services", "apply", "documents", "follow"],
  },
};

export const areaList: readonly Area[] = Object.values(areas);

/** The address of an area's first page, for links from other apps. */
export function areaHref(area: Area): string {
  return area.home ? `${area.basename}/${area.home}` : area.basename;
}

/**
 * Everything that renders inside the shared page shell: an area, the eHerkenning supplier's
 * back office (an app of its own below the eHerkenning area), or the dev mailbox.
 */
export type AppId = AreaId | "eherkenningBeheer" | "devMailbox";

/** The translation key of an app's display name. */
export function appNameKey(app: AppId): string {
  if (app === "devMailbox") return "devMailbox.name";
  if (app === "eherkenningBeheer") return "ehBeheer.name";
  return `areas.${app}.name`;
}
