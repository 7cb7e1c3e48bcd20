import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TableHeader, TableHeaderCell, TableHeadings, TableRow } from "./Table.tsx";

describe("TableHeadings", () => {
  it("renders the same header row as the hand-written markup", () => {
    const byHand = renderToStaticMarkup(
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Naam</TableHeaderCell>
          <TableHeaderCell>E-mail</TableHeaderCell>
          <TableHeaderCell>Acties</TableHeaderCell>
        </TableRow>
      </TableHeader>,
    );
    const html = renderToStaticMarkup(<TableHeadings labels={["Naam", "E-mail", "Acties"]} />);
    expect(html).toBe(byHand);
    expect(html).toContain('<th scope="col" class="utrecht-table__header-cell">Naam</th>');
  });
});
