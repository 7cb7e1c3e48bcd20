import { access } from "node:fs/promises";
import { runningPoort } from "../control/control-client.ts";
import type { HelloAnswer } from "../control/control-protocol.ts";
import { embeddedPaths } from "../move/installation-checks.ts";
import { BackupRefused } from "./backup-manifest.ts";

/**
 * Who has the embedded database in `dataDir` open: a Poort that answers on its control socket,
 * nobody, or someone that does not answer (PGlite's marker of an open database is there, left
 * by a Poort that was killed or by one without the control channel).
 */
export async function embeddedDatabaseHolder(
  dataDir: string,
): Promise<{ kind: "poort"; poort: HelloAnswer } | { kind: "nobody" } | { kind: "unknown" }> {
  const poort = await runningPoort(dataDir);
  if (poort) return { kind: "poort", poort };
  const marked = await access(embeddedPaths(dataDir).openMarker).then(
    () => true,
    () => false,
  );
  return marked ? { kind: "unknown" } : { kind: "nobody" };
}

/** What to tell the operator when the database is open but nobody answers. */
export function openButSilent(dataDir: string): BackupRefused {
  return new BackupRefused(
    `The embedded database in ${dataDir} is open (${embeddedPaths(dataDir).openMarker}), but no Poort answers on its control socket: if a Poort runs on it, start it again with this version, which serves the socket. If none runs, the last one stopped without closing the database: start Poort once and stop it, then run this again.`,
  );
}
