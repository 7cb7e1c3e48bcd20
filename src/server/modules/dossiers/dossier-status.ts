import {
  type BuiltInDossierStatus,
  builtInDossierStatuses,
  type DossierStatus,
} from "#src/contracts/dossiers.ts";

/** How a status key is stored: a built-in status, or "custom" with the office status's id. */
export interface StoredStatus {
  status: BuiltInDossierStatus | "custom";
  customStatusId: string | null;
}

export function isBuiltInStatus(key: string): key is BuiltInDossierStatus {
  return (builtInDossierStatuses as readonly string[]).includes(key);
}

export function storedStatus(key: string): StoredStatus {
  return isBuiltInStatus(key)
    ? { status: key, customStatusId: null }
    : { status: "custom", customStatusId: key };
}

export function statusOf(row: {
  status: StoredStatus["status"];
  customStatusId: string | null;
  customStatusLabel: string | null;
}): DossierStatus {
  return row.status === "custom" && row.customStatusId
    ? { key: row.customStatusId, label: row.customStatusLabel }
    : { key: row.status, label: null };
}
