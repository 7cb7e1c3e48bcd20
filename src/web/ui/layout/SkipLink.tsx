import { useTranslation } from "react-i18next";

export const mainId = "main";

/** The first stop for keyboard users: jumps past the header to the page's own content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href={`#${mainId}`} className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
      {t("skipLink")}
    </a>
  );
}
