import type { ImportEdge } from "./import-graph.ts";

/** A rule of ARCHITECTURE.md that an import can break. */
export interface ImportRule {
  name: string;
  /** Why the import is refused, as the lint says it. */
  reason: string;
  breaks(edge: ImportEdge): boolean;
}

/** The module a file belongs to (`src/server/modules/<module>/…`), if any. */
function moduleOf(file: string): string | undefined {
  return /^src\/server\/modules\/([^/]+)\//.exec(file)?.[1];
}

const inAnotherModule = (edge: ImportEdge) => {
  const from = moduleOf(edge.from);
  const to = moduleOf(edge.to);
  return from !== undefined && to !== undefined && from !== to;
};
const isRepository = (file: string) => /(^|\/|-)repository\.ts$/.test(file);
const isSchema = (file: string) => /\/schema\.ts$/.test(file);
const isRoutes = (file: string) => /(^|\/|-)routes\.ts$/.test(file);

/** Where an actor is authenticated, and so where a tenant scope may be made. */
const scopeMakers = [
  /^src\/server\/access\//,
  /^src\/server\/modules\/accounts\/request-actors\.ts$/,
  /^src\/server\/modules\/selfservice\/office-actor\.ts$/,
  /^src\/server\/demo\//,
  /^src\/cli\//,
];

export const importRules: readonly ImportRule[] = [
  {
    name: "web-imports-server",
    reason: "web apps import src/contracts, never server or CLI code",
    breaks: ({ from, to }) => from.startsWith("src/web/") && /^src\/(server|cli)\//.test(to),
  },
  {
    name: "server-imports-web",
    reason: "server code imports src/contracts, never the web apps",
    breaks: ({ from, to }) => /^src\/(server|cli)\//.test(from) && to.startsWith("src/web/"),
  },
  {
    name: "contracts-stand-alone",
    reason: "src/contracts is shared by server and web, so it imports only itself",
    breaks: ({ from, to }) => from.startsWith("src/contracts/") && !to.startsWith("src/contracts/"),
  },
  {
    name: "platform-below-modules",
    reason: "the platform serves the modules and knows none of them, nor the app around it",
    breaks: ({ from, to }) =>
      from.startsWith("src/server/platform/") &&
      /^src\/server\/(modules|plugins)\/|^src\/server\/[^/]+\.ts$/.test(to) &&
      !/^src\/server\/(errors|config)\.ts$/.test(to),
  },
  {
    name: "module-reaches-up",
    reason:
      "a module is given what it needs; it never imports the app, the services wiring or plugins",
    breaks: ({ from, to }) =>
      from.startsWith("src/server/modules/") &&
      (/^src\/server\/plugins\//.test(to) ||
        /^src\/server\/(app|main|services|mtls-app)\.ts$/.test(to)),
  },
  {
    name: "another-modules-repository",
    reason: "modules call each other's services, never each other's repositories",
    breaks: (edge) => inAnotherModule(edge) && isRepository(edge.to),
  },
  {
    name: "another-modules-schema",
    reason:
      "another module's tables are its own: only a repository may join them and a schema refer to them; the rest asks that module's service",
    breaks: (edge) =>
      inAnotherModule(edge) &&
      isSchema(edge.to) &&
      !isRepository(edge.from) &&
      !isSchema(edge.from),
  },
  {
    name: "routes-import-repository",
    reason: "routes stay thin: they call services, which hold the rules and call repositories",
    breaks: ({ from, to }) =>
      from.startsWith("src/server/modules/") && isRoutes(from) && isRepository(to),
  },
  {
    name: "tenant-filters-outside-repositories",
    reason: "the tenant conditions are SQL, and only repositories hold SQL",
    breaks: ({ from, to }) => to === "src/server/access/tenant-filters.ts" && !isRepository(from),
  },
  {
    name: "scope-made-outside-authentication",
    reason:
      "a tenant scope is made only where the actor was authenticated (request-actors, the office certificate, the CLI, the demo data); pass the scope on instead",
    breaks: ({ from, to, typeOnly }) =>
      to === "src/server/access/tenant-scope.ts" &&
      !typeOnly &&
      !scopeMakers.some((maker) => maker.test(from)),
  },
];
