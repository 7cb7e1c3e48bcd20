import type { ReactNode } from "react";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { Table, TableBody, TableHeadings, TableRow } from "#src/web/ui/components/Table.tsx";
import { LoadNotices } from "./LoadNotices.tsx";

/**
 * A list of the back office as it loads: the loading or failure notice, then either what says
 * the list is empty or the table with a row per item (its cells from `cells`).
 */
export function ListTable<Item extends { id: string }>({
  list,
  items,
  empty,
  caption,
  headings,
  cells,
}: {
  /** The loading state of the request that brings the items. */
  list: { loading: boolean; error?: unknown };
  items: readonly Item[] | undefined;
  empty: string;
  caption: string;
  headings: readonly ReactNode[];
  cells: (item: Item) => ReactNode;
}) {
  return (
    <>
      <LoadNotices loading={!items && list.loading} error={list.error} />
      {items &&
        (items.length === 0 ? (
          <Paragraph role="status">{empty}</Paragraph>
        ) : (
          <Table caption={caption}>
            <TableHeadings labels={headings} />
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id}>{cells(item)}</TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </>
  );
}
