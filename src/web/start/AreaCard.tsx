import { Heading } from "../ui/components/Heading.tsx";
import { Paragraph } from "../ui/components/Paragraph.tsx";
import "./area-card.css";

/**
 * A card for one area. Only the heading is a link, so screen readers hear a short link name;
 * CSS stretches its click target over the whole card.
 */
export function AreaCard({ href, name, summary }: { href: string; name: string; summary: string }) {
  return (
    <li className="poort-area-card">
      <Heading level={3} className="poort-area-card__name">
        <a href={href} className="utrecht-link utrecht-link--html-a poort-area-card__link">
          {name}
        </a>
      </Heading>
      <Paragraph className="poort-area-card__summary">{summary}</Paragraph>
    </li>
  );
}
