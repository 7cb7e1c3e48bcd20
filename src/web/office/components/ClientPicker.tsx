import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField, Fieldset, TextField } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { clientLabel } from "../dossiers/labels.ts";

export interface ClientOption {
  id: string;
  name: string;
  kind: "person" | "company";
}

/** How many unchosen clients the list shows at most; a filter narrows it down. */
const shownAtMost = 50;

/**
 * The clients linked to a dossier: checkboxes, persons and companies alike, with a filter on
 * the name. Clients chosen when the filter last changed stay in view, so unticking one never
 * makes the checkbox under the keyboard focus disappear.
 */
export function ClientPicker({
  idPrefix,
  clients,
  chosen,
  onChange,
  error,
}: {
  idPrefix: string;
  clients: ClientOption[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState("");
  const [pinned, setPinned] = useState<ReadonlySet<string>>(() => new Set(chosen));
  const needle = filter.trim().toLocaleLowerCase(i18n.language);
  const matching = clients.filter(
    (client) => !needle || client.name.toLocaleLowerCase(i18n.language).includes(needle),
  );
  const matchingIds = new Set(matching.slice(0, shownAtMost).map((client) => client.id));
  const shown = clients.filter((client) => matchingIds.has(client.id) || pinned.has(client.id));
  const hidden = Math.max(0, matching.length - shownAtMost);
  const errorId = `${idPrefix}-clients-error`;

  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen, id] : chosen.filter((chosenId) => chosenId !== id));

  return (
    <Fieldset legend={t("office.dossiers.fields.clients")}>
      {error && (
        <div
          id={errorId}
          className="utrecht-form-field-error-message utrecht-form-field__error-message"
        >
          {error}
        </div>
      )}
      {clients.length === 0 ? (
        <Paragraph>{t("office.dossiers.fields.noClients")}</Paragraph>
      ) : (
        <>
          <TextField
            id={`${idPrefix}-client-filter`}
            label={t("office.dossiers.fields.clientFilter")}
            type="search"
            autoComplete="off"
            value={filter}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setFilter(event.target.value);
              setPinned(new Set(chosen));
            }}
          />
          <div className="poort-dossier-clients">
            {shown.map((client) => (
              <CheckboxField
                key={client.id}
                id={`${idPrefix}-client-${client.id}`}
                label={clientLabel(client, t)}
                checked={chosen.includes(client.id)}
                onChange={(event) => toggle(client.id, event.target.checked)}
              />
            ))}
          </div>
          {shown.length === 0 && (
            <Paragraph>{t("office.dossiers.fields.noClientsMatch")}</Paragraph>
          )}
          {hidden > 0 && (
            <Paragraph appearance="small">
              {t("office.dossiers.fields.moreClients", { count: hidden })}
            </Paragraph>
          )}
          <Paragraph appearance="small" aria-live="polite">
            {t("office.dossiers.fields.clientsChosen", { count: chosen.length })}
          </Paragraph>
        </>
      )}
    </Fieldset>
  );
}
