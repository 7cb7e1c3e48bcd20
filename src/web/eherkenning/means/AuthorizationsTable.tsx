import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AuthorizationView } from "#src/contracts/eherkenning/means.ts";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDate } from "#src/web/ui/format.ts";

/**
 * A means' authorizations: company, what for, branch, level, valid until and state, with the
 * actions the page allows per row (the holder's "Verlengen", the supplier's "Intrekken").
 */
export function AuthorizationsTable({
  caption,
  authorizations,
  actions,
}: {
  caption: string;
  authorizations: readonly AuthorizationView[];
  actions?: (authorization: AuthorizationView) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const scope = (authorization: AuthorizationView) =>
    authorization.scopeKind === "level"
      ? t("ehMeans.scope.level", { level: authorization.level })
      : authorization.scopeKind === "provider"
        ? t("ehMeans.scope.provider", { name: authorization.scopeName ?? "" })
        : (authorization.scopeName ?? "–");
  return (
    <Table caption={caption}>
      <TableHeadings
        labels={[
          t("ehMeans.columns.company"),
          t("ehMeans.columns.scope"),
          t("ehMeans.columns.branch"),
          t("ehMeans.columns.level"),
          t("ehMeans.columns.validUntil"),
          t("ehMeans.columns.state"),
          ...(actions ? [t("ehMeans.columns.actions")] : []),
        ]}
      />
      <TableBody>
        {authorizations.map((authorization) => (
          <TableRow key={authorization.id}>
            <TableCell>
              {authorization.companyName}
              <br />
              {t("ehMeans.kvkNumber", { number: authorization.kvkNumber })}
            </TableCell>
            <TableCell>{scope(authorization)}</TableCell>
            <TableCell>{authorization.branchNumber ?? t("ehMeans.allBranches")}</TableCell>
            <TableCell>{authorization.level}</TableCell>
            <TableCell>{formatDate(authorization.validUntil, i18n.language)}</TableCell>
            <TableCell>{t(`ehMeans.states.${authorization.state}`)}</TableCell>
            {actions && <TableCell>{actions(authorization)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
