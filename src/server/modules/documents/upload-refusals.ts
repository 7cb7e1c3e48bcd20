import { AppError, type ErrorCode } from "#src/server/errors.ts";
import type { Metrics } from "#src/server/platform/metrics/metrics.ts";

/** Why an upload was refused, as the metric's `reason` label says it: a fixed set. */
const reasonOf: Partial<Record<ErrorCode, string>> = {
  file_empty: "empty",
  file_too_large: "too_large",
  file_type_not_allowed: "type_not_allowed",
  file_infected: "infected",
  virus_scan_unavailable: "scanner_unavailable",
  too_many_files: "too_many_files",
};

/** Counts the uploads refused for what they are (not for who sent them, or where to). */
export interface UploadRefusals {
  /** Counts `error` when it refuses an upload for one of the reasons above; ignores the rest. */
  count(error: unknown): void;
}

/**
 * `poort_uploads_refused_total{reason}`: every upload Poort refuses, wherever it came in (a
 * client's tus upload, an office's form, an eHerkenning applicant's ID copy). Many refusals
 * of type or size point at a client that needs explaining; infected ones at an attack;
 * scanner_unavailable at clamd being down.
 */
export function uploadRefusals(metrics: Metrics): UploadRefusals {
  const refused = metrics.counter<"reason">({
    name: "poort_uploads_refused_total",
    help: "Uploads refused, by reason (empty, too_large, type_not_allowed, infected, scanner_unavailable, too_many_files)",
    labelNames: ["reason"],
  });
  // Every reason shows from the start, at 0, so that a rate over it needs no "absent" rule.
  for (const reason of Object.values(reasonOf)) refused.inc({ reason }, 0);
  return {
    count(error) {
      const reason = error instanceof AppError ? reasonOf[error.code] : undefined;
      if (reason) refused.inc({ reason });
    },
  };
}
