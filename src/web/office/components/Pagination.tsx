import { useTranslation } from "react-i18next";
import type { To } from "react-router";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import "../dossiers/dossiers.css";

/**
 * "Vorige", "Pagina 2 van 9", "Volgende" under a paged list of the back office. A page past the
 * last (an old bookmark) links back to the last one.
 */
export function Pagination({
  page,
  pages,
  pageLink,
}: {
  page: number;
  pages: number;
  pageLink: (page: number) => To;
}) {
  const { t } = useTranslation();
  return (
    <nav className="poort-pagination" aria-label={t("office.dossiers.list.pagination")}>
      {page > 1 && (
        <RouterLink to={pageLink(Math.min(page - 1, pages))}>
          {t("office.dossiers.list.previous")}
        </RouterLink>
      )}
      <span>{t("office.dossiers.list.page", { page, pages })}</span>
      {page < pages && (
        <RouterLink to={pageLink(page + 1)}>{t("office.dossiers.list.next")}</RouterLink>
      )}
    </nav>
  );
}
