import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type AppId, appNameKey } from "../areas.ts";
import { PageFooter } from "./PageFooter.tsx";
import { PageHeader } from "./PageHeader.tsx";
import { mainId, SkipLink } from "./SkipLink.tsx";
import "./page.css";

/** The shell every Poort page shares; `app` is absent on the start page. */
export function Page({ app, children }: { app?: AppId; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="utrecht-page-layout poort-page">
      <SkipLink />
      <PageHeader appName={app && t(appNameKey(app))} />
      {/* Focusable so the skip link moves keyboard focus, not only the scroll position. */}
      <main id={mainId} tabIndex={-1} className="utrecht-page-body poort-page__main">
        <div className="utrecht-page-body__content">{children}</div>
      </main>
      <PageFooter app={app} />
    </div>
  );
}
