import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { classNames } from "./class-names.ts";
import "./tabs.css";

export interface TabItem<K extends string> {
  key: K;
  /** The tab's text, which is also its accessible name. */
  label: string;
  /** The panel's content; only rendered for the selected tab, so it may load when opened. */
  panel: ReactNode;
}

interface TabsProps<K extends string> {
  /** Prefix for the ids of the tabs and panels, unique on the page. */
  id: string;
  /** What the tab list holds, for screen readers. */
  label: string;
  tabs: TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
}

/**
 * WAI-ARIA tabs: one tab stop for the list, arrow keys (and Home/End) move between the tabs and
 * open them at once. Every panel exists so each tab's aria-controls points somewhere; only the
 * selected one is shown and has content.
 */
export function Tabs<K extends string>({ id, label, tabs, selected, onSelect }: TabsProps<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (key: K) => `${id}-tab-${key}`;
  const panelId = (key: K) => `${id}-panel-${key}`;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : undefined;
    const next = target === undefined ? undefined : tabs[target];
    if (!next) return;
    event.preventDefault();
    onSelect(next.key);
    refs.current.get(next.key)?.focus();
  };

  return (
    <div className="poort-tabs">
      <div role="tablist" aria-label={label} className="poort-tabs__list">
        {tabs.map((tab, index) => {
          const isSelected = tab.key === selected;
          return (
            <button
              key={tab.key}
              ref={(element) => {
                if (element) refs.current.set(tab.key, element);
                else refs.current.delete(tab.key);
              }}
              type="button"
              role="tab"
              id={tabId(tab.key)}
              aria-selected={isSelected}
              aria-controls={panelId(tab.key)}
              tabIndex={isSelected ? 0 : -1}
              className={classNames("poort-tabs__tab", isSelected && "poort-tabs__tab--selected")}
              onClick={() => onSelect(tab.key)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => {
        const isSelected = tab.key === selected;
        return (
          <div
            key={tab.key}
            role="tabpanel"
            id={panelId(tab.key)}
            aria-labelledby={tabId(tab.key)}
            // The panel is a tab stop of its own (as WAI-ARIA advises), so the keyboard reaches
            // a panel that holds only text, e.g. "no messages yet".
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a tabpanel is focusable by design
            tabIndex={0}
            hidden={!isSelected}
            className="poort-tabs__panel"
          >
            {isSelected && tab.panel}
          </div>
        );
      })}
    </div>
  );
}
