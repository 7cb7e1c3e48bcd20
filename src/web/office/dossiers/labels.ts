import type { TFunction } from "i18next";
import type { DossierStatus, OfficeDocument } from "#src/contracts/dossiers.ts";

/** A status as staff read it: the office's own wording, or the built-in status translated. */
export function statusLabel(status: DossierStatus, t: TFunction): string {
  return status.label ?? t(`dossiers.status.${status.key}`, { defaultValue: status.key });
}

/** "Jan Jansen (persoon)", "Bakkerij BV (bedrijf)". */
export function clientLabel(
  client: { name: string; kind: "person" | "company" },
  t: TFunction,
): string {
  return t("office.dossiers.fields.clientOption", {
    name: client.name,
    kind: t(`office.dossiers.fields.clientKinds.${client.kind}`),
  });
}

/** Concept, Gepubliceerd or Ingetrokken. */
export function documentStateLabel(state: OfficeDocument["state"], t: TFunction): string {
  return t(`office.dossiers.documents.states.${state}`);
}

/** The handler filter's choices: every handler, any handler, or dossiers without one. */
export function handlerFilterOptions(handlers: { id: string; name: string }[], t: TFunction) {
  return [
    { value: "", label: t("office.dossiers.list.allHandlers") },
    ...handlers.map((handler) => ({ value: handler.id, label: handler.name })),
    { value: "none", label: t("office.dossiers.fields.noHandler") },
  ];
}
