import type { ReactNode } from "react";
import { Link as RouterLinkBase } from "react-router";
import { Heading } from "./Heading.tsx";
import "./tile.css";

interface TileProps {
  heading: string;
  /** Where the tile leads, within the app; without it the tile is only information. */
  to?: string;
  headingLevel?: 2 | 3;
  children: ReactNode;
}

/**
 * A tile in a `TileList`: a heading and a short summary. When it leads somewhere, only the
 * heading is a link (a short link name for screen readers); CSS stretches its click target
 * over the whole tile.
 */
export function Tile({ heading, to, headingLevel = 2, children }: TileProps) {
  return (
    <li className={to ? "poort-tile poort-tile--link" : "poort-tile"}>
      <Heading level={headingLevel} className="poort-tile__heading">
        {to ? (
          <RouterLinkBase to={to} className="utrecht-link utrecht-link--html-a poort-tile__link">
            {heading}
          </RouterLinkBase>
        ) : (
          heading
        )}
      </Heading>
      <div className="poort-tile__body">{children}</div>
    </li>
  );
}

/** Tiles side by side, as many as fit. */
export function TileList({ children }: { children: ReactNode }) {
  return <ul className="poort-tiles">{children}</ul>;
}
