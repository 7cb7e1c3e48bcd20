import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

export interface MenuLink {
  to: string;
  label: string;
}

/** The menu of an area's logged-in pages; the current page is marked for screen readers. */
export function AreaMenu({ links }: { links: MenuLink[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("account.menu.label")}>
      <ul className="poort-menu__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink className="utrecht-link utrecht-link--html-a" to={link.to} end>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
