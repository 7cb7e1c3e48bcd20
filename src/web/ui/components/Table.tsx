import { type ComponentProps, type ReactNode, useId } from "react";
import { classNames } from "./class-names.ts";
import { useInlineOverflow } from "./use-inline-overflow.ts";
import "./table.css";

/**
 * A table in a region named by its caption. Words in it stay whole; a table wider than the
 * screen scrolls sideways in its region instead of widening the page, and the region then
 * takes keyboard focus, so that it can be scrolled with the arrow keys too.
 */
export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  const captionId = useId();
  const [region, overflows] = useInlineOverflow<HTMLElement>();
  return (
    // Named, a <section> is a region.
    <section
      ref={region}
      aria-labelledby={captionId}
      tabIndex={overflows ? 0 : undefined}
      className="utrecht-table-container utrecht-table-container--overflow-inline poort-table-region"
    >
      <table className="utrecht-table utrecht-table--html-table">
        <caption id={captionId} className="utrecht-table__caption">
          {caption}
        </caption>
        {children}
      </table>
    </section>
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
