import { useTranslation } from "react-i18next";
import type { Locale } from "#src/contracts/locale.ts";
import { Button } from "../components/Button.tsx";

/**
 * Offers the other language, named in that language ("English" on a Dutch page) and marked
 * with its `lang` so screen readers pronounce it right. Two languages need no menu.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other: Locale = i18n.language === "en" ? "nl" : "en";
  return (
    <Button
      appearance="subtle"
      lang={other}
      className="poort-language-switch"
      onClick={() => void i18n.changeLanguage(other)}
    >
      {t(`language.names.${other}`)}
    </Button>
  );
}
