import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, TableHeader, TableHeaderCell, TableHeadings, TableRow } from "./Table.tsx";

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

describe("Table", () => {
  it("sits in a region named by its caption, which it scrolls in when too wide", () => {
    const html = renderToStaticMarkup(<Table caption="Uw dossiers">{null}</Table>);
    const region = /^<section aria-labelledby="([^"]+)"/.exec(html);
    expect(region).not.toBeNull();
    expect(html).toContain(
      `<caption id="${region?.[1]}" class="utrecht-table__caption">Uw dossiers</caption>`,
    );
  });
});
