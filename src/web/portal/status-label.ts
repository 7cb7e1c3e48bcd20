import type { TFunction } from "i18next";
import type { DossierStatus } from "#src/contracts/dossiers.ts";

/** A dossier status as the client reads it: the office's own wording, or the translation. */
export function statusLabel(status: DossierStatus, t: TFunction): string {
  return status.label ?? t(`dossiers.status.${status.key}`, { defaultValue: status.key });
}
