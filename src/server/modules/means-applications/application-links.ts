import type { EherkenningDeps } from "./deps.ts";

/** The web pages the mails link to (the eHerkenning app's routes under /eherkenning). */

/** "Continue / follow your application": restores the browser's hold on the application. */
export function applicationLink(deps: Pick<EherkenningDeps, "publicUrl">, token: string): string {
  return new URL(`/eherkenning/aanvragen/link/${encodeURIComponent(token)}`, deps.publicUrl).href;
}

/** The follow page, for a browser that still holds the application. */
export function followPageLink(deps: Pick<EherkenningDeps, "publicUrl">): string {
  return new URL("/eherkenning/aanvragen/volgen", deps.publicUrl).href;
}

/** A representative's page to review and sign. */
export function signingLink(deps: Pick<EherkenningDeps, "publicUrl">, token: string): string {
  return new URL(`/eherkenning/ondertekenen/${encodeURIComponent(token)}`, deps.publicUrl).href;
}
