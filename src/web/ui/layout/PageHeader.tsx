import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

/** Poort's name (a link home to the start page), the current area, and the language switch. */
export function PageHeader({ appName }: { appName?: string }) {
  const { t } = useTranslation();
  return (
    <header className="utrecht-page-header">
      <div className="utrecht-page-header__content poort-page-header">
        <p className="poort-page-header__identity">
          <a href="/" className="poort-page-header__brand">
            {t("app.name")}
          </a>
          {appName && <span className="poort-page-header__app">{appName}</span>}
        </p>
        <LanguageSwitch />
      </div>
    </header>
  );
}
