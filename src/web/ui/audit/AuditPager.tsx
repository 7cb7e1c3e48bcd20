import { useTranslation } from "react-i18next";
import { RouterLink } from "../components/Link.tsx";
import "./audit.css";

/**
 * Paging of an audit view, newest first: a cursor in the address leads to older events, and
 * the first page is always one step away. Keyset paging has no page numbers to show.
 */
export function AuditPager({
  search,
  next,
}: {
  /** The page's query string without its cursor. */
  search: URLSearchParams;
  /** The cursor of the older events, or null at the end. */
  next: string | null;
}) {
  const { t } = useTranslation();
  const withCursor = (cursor: string | null) => {
    const params = new URLSearchParams(search);
    params.delete("cursor");
    if (cursor) params.set("cursor", cursor);
    return { search: params.toString() };
  };
  const onFirstPage = !search.get("cursor");
  if (onFirstPage && !next) return null;
  return (
    <nav className="poort-audit-pager" aria-label={t("auditLog.pages")}>
      {!onFirstPage && <RouterLink to={withCursor(null)}>{t("auditLog.newest")}</RouterLink>}
      {next && <RouterLink to={withCursor(next)}>{t("auditLog.older")}</RouterLink>}
    </nav>
  );
}
