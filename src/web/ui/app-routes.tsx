import { Navigate, Outlet, type RouteObject } from "react-router";
import type { AppId, Area } from "./areas.ts";
import { Page } from "./layout/Page.tsx";
import { AreaIntroPage } from "./pages/AreaIntroPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { RouteErrorPage } from "./pages/RouteErrorPage.tsx";

/**
 * An app's pages inside the shared page shell, plus a not-found page for every other path
 * under the app's basename. `app` is absent on the start page.
 */
export function appRoutes(app: AppId | undefined, routes: RouteObject[]): RouteObject[] {
  return [
    {
      element: (
        <Page app={app}>
          <Outlet />
        </Page>
      ),
      // A pathless child, so that an error is shown inside the page shell, not instead of it.
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [...routes, { path: "*", element: <NotFoundPage app={app} /> }],
        },
      ],
    },
  ];
}

/** The five areas share one shape for now: an introduction at their first page. */
export function areaRoutes(area: Area): RouteObject[] {
  const intro = <AreaIntroPage area={area} />;
  if (!area.home) return [{ index: true, element: intro }];
  // e.g. /selfservice itself has no page of its own: it sends you on to /selfservice/certificate.
  return [
    { index: true, element: <Navigate to={area.home} replace /> },
    { path: area.home, element: intro },
  ];
}
