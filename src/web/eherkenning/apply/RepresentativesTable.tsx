import type { ReactNode } from "react";
import type { KvkRepresentative } from "#src/contracts/eherkenning/kvk-company.ts";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";

/**
 * A company's representatives as the KvK register gives them: name, role and authority. The
 * applicant and the reviewer each say it in their own words, so the texts come with it.
 */
export function RepresentativesTable({
  caption,
  headings,
  representatives,
  authorityText,
}: {
  caption: string;
  /** The column headings: name, role, authority. */
  headings: readonly [ReactNode, ReactNode, ReactNode];
  representatives: readonly KvkRepresentative[];
  authorityText: (authority: KvkRepresentative["authority"]) => string;
}) {
  return (
    <Table caption={caption}>
      <TableHeadings labels={headings} />
      <TableBody>
        {representatives.map((representative) => (
          <TableRow key={representative.id}>
            <TableCell>{representative.name}</TableCell>
            <TableCell>{representative.role}</TableCell>
            <TableCell>{authorityText(representative.authority)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
