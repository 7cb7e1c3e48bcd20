import { useTranslation } from "react-i18next";

export const mainId = "main";

/**
 * The first stop for keyboard users: jumps past the header to the page's own content. Out of
 * sight until it has the focus; then it takes a line of its own at the top of the page.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href={`#${mainId}`} className="utrecht-skip-link poort-skip-link">
      {t("skipLink")}
    </a>
  );
}
