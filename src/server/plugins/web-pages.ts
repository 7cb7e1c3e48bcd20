import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../error-answers.ts";
import { AppError } from "../errors.ts";

/** Each web app (a Vite entry) and the paths it owns; its router handles what lies below. */
const webApps = [
  { prefix: "/portal", page: "portal/index.html" },
  { prefix: "/office", page: "office/index.html" },
  { prefix: "/servicedesk", page: "servicedesk/index.html" },
  { prefix: "/eherkenning", page: "eherkenning/index.html" },
  // More specific than /eherkenning/*, so the router gives it its own app.
  { prefix: "/eherkenning/beheer", page: "eherkenning/beheer/index.html" },
] as const;

const START_PAGE = "index.html";
/** The self-service lives on the mTLS listener, which asks for the office certificate. */
const SELF_SERVICE = { prefix: "/selfservice", page: "selfservice/index.html" } as const;
const MAILBOX = { prefix: "/dev/mailbox", page: "dev/mailbox/index.html" } as const;

export interface WebPagesOptions {
  distDir: string;
  /** Serve /dev/mailbox (only while the dev outbox exists). */
  mailbox: boolean;
  /** The mTLS listener serves the self-service only (its own "/" sends there). */
  selfServiceOnly?: boolean;
}

/**
 * Serves the built web apps: hashed assets cached for a year, pages never cached (so a deploy
 * is seen at once). Unknown browser paths get the start app with status 404, which shows its
 * "page not found" view.
 */
export async function registerWebPages(app: FastifyInstance, options: WebPagesOptions) {
  const home = options.selfServiceOnly ? SELF_SERVICE.page : START_PAGE;
  const built = existsSync(path.join(options.distDir, home));
  const apps = options.selfServiceOnly
    ? [SELF_SERVICE]
    : options.mailbox
      ? [...webApps, MAILBOX]
      : webApps;

  if (built) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: false,
      // Our setHeaders decides caching; the plugin's default would override it.
      cacheControl: false,
      setHeaders(response, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        response.setHeader(
          "cache-control",
          immutable ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  } else {
    app.log.warn({ distDir: options.distDir }, "web apps not built: pages answer 503");
  }

  const sendPage =
    (page: string, status: number) => (request: FastifyRequest, reply: FastifyReply) => {
      if (!built) return sendError(request, reply, new AppError("web_not_built"));
      return reply.status(status).header("cache-control", "no-cache").sendFile(page);
    };
  const hidden = { schema: { hide: true } };

  if (!options.selfServiceOnly) app.get("/", hidden, sendPage(home, 200));
  for (const { prefix, page } of apps) {
    app.get(prefix, hidden, sendPage(page, 200));
    app.get(`${prefix}/*`, hidden, sendPage(page, 200));
  }

  return { sendNotFoundPage: sendPage(home, 404) };
}

/** A browser asking for a page (not a program asking the API). */
export function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (/^\/(api|dev\/outbox)(\/|$)/.test(request.url)) return false;
  return (request.headers.accept ?? "").includes("text/html");
}
