import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { AuditEntry } from "#src/contracts/audit-log.ts";
import { Button } from "../components/Button.tsx";
import { TextField } from "../components/FormField.tsx";
import { TableCell, TableRow } from "../components/Table.tsx";
import { formatDateTime } from "../format.ts";
import { auditRole, auditWhat, auditWho } from "./audit-entry-text.ts";
import { cursorParam, writeParams } from "./audit-query.ts";

/**
 * The parts the audit views share: their filters kept in the address, the period's fields and
 * the row of an event.
 */

/** The view's filters: as applied (the address) and as being edited (the form). */
export function useAuditFilters<Filters extends Record<string, string>>(
  read: (params: URLSearchParams) => Filters,
) {
  const [params, setParams] = useSearchParams();
  const applied = read(params);
  const [filters, setFilters] = useState(applied);
  const search = params.toString();
  // The back button changes the address: the fields follow it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address is what the fields follow
  useEffect(() => setFilters(read(new URLSearchParams(search))), [search]);
  return {
    params,
    applied,
    cursor: cursorParam(params),
    filters,
    change: (part: Partial<Filters>) => setFilters((current) => ({ ...current, ...part })),
    onFilter: (event: FormEvent) => {
      event.preventDefault();
      setParams(writeParams(filters));
    },
  };
}

/** The period's two date fields (Dutch days) and the button that applies the filters. */
export function PeriodFields({
  idPrefix,
  from,
  to,
  onChange,
}: {
  idPrefix: string;
  from: string;
  to: string;
  onChange: (part: { from?: string; to?: string }) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-from`}
        type="date"
        label={t("auditLog.from")}
        value={from}
        onChange={(event) => onChange({ from: event.target.value })}
      />
      <TextField
        id={`${idPrefix}-to`}
        type="date"
        label={t("auditLog.to")}
        value={to}
        onChange={(event) => onChange({ to: event.target.value })}
      />
      <div>
        <Button type="submit">{t("auditLog.apply")}</Button>
      </div>
    </>
  );
}

/** One event: time, [office], who (and as what), what, [what it concerns], IP address. */
export function AuditRow({
  entry,
  office,
  concerns,
  whatExtra,
}: {
  entry: AuditEntry;
  office?: ReactNode;
  concerns?: ReactNode;
  whatExtra?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <TableRow>
      <TableCell className="poort-audit-nowrap">
        {formatDateTime(entry.occurredAt, i18n.language, "Europe/Amsterdam")}
      </TableCell>
      {office !== undefined && <TableCell>{office}</TableCell>}
      <TableCell>
        {auditWho(entry, i18n.language)}
        <br />
        <small>{auditRole(entry, i18n.language)}</small>
      </TableCell>
      <TableCell>
        {auditWhat(entry, t, i18n.language)}
        {whatExtra}
      </TableCell>
      {concerns !== undefined && <TableCell>{concerns}</TableCell>}
      <TableCell className="poort-audit-nowrap">{entry.ip ?? ""}</TableCell>
    </TableRow>
  );
}
