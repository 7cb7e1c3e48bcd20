import type { ReactNode } from "react";

/** Label–value pairs, e.g. the envelope of a mail. */
export function DataList({ items }: { items: { key: string; label: string; value: ReactNode }[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map((item) => (
        <div key={item.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{item.label}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
