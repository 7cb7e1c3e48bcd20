import type { ComponentProps, ReactNode } from "react";
import { classNames } from "./class-names.ts";

/** A table that scrolls sideways on narrow screens instead of breaking the page. */
export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="utrecht-table-container">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function TableHeader({ children }: { children: ReactNode }) {
  return <thead className="utrecht-table__header">{children}</thead>;
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}

export function TableRow({ selected, ...props }: ComponentProps<"tr"> & { selected?: boolean }) {
  return (
    <tr
      className={classNames("utrecht-table__row", selected && "utrecht-table__row--selected")}
      {...props}
    />
  );
}

export function TableHeaderCell(props: Omit<ComponentProps<"th">, "scope">) {
  return <th scope="col" className="utrecht-table__header-cell" {...props} />;
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={classNames("utrecht-table__cell", className)} {...props} />;
}

/** The header row of a table: one column heading per label, in order. */
export function TableHeadings({ labels }: { labels: readonly ReactNode[] }) {
  return (
    <TableHeader>
      <TableRow>
        {labels.map((label, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; a heading's place is its identity
          <TableHeaderCell key={index}>{label}</TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}
