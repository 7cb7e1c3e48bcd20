import { useTranslation } from "react-i18next";
import { type AppId, areaHref, areaList } from "../areas.ts";

/** Who runs Poort, and the way to every other area (each is its own app: plain links). */
export function PageFooter({ app }: { app?: AppId }) {
  const { t } = useTranslation();
  return (
    <footer className="utrecht-page-footer">
      <div className="utrecht-page-footer__content poort-page-footer">
        <p className="utrecht-paragraph poort-page-footer__about">{t("footer.about")}</p>
        <nav aria-labelledby="poort-footer-areas" className="poort-page-footer__nav">
          <h2 id="poort-footer-areas" className="utrecht-heading-2">
            {t("footer.areasHeading")}
          </h2>
          <ul className="poort-page-footer__links">
            <li>
              <a
                href="/"
                className="utrecht-link utrecht-link--html-a"
                aria-current={app ? undefined : "page"}
              >
                {t("footer.start")}
              </a>
            </li>
            {areaList.map((area) => (
              <li key={area.id}>
                <a
                  href={areaHref(area)}
                  className="utrecht-link utrecht-link--html-a"
                  aria-current={area.id === app ? "page" : undefined}
                >
                  {t(`areas.${area.id}.name`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
