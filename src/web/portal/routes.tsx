import { Navigate, type RouteObject } from "react-router";
import { accountRoutes } from "../ui/account/account-routes.tsx";
import { paths } from "../ui/account/paths.ts";
import { PortalMyDetailsPage } from "./pages/PortalMyDetailsPage.tsx";

/** The client portal: the shared account pages, and for now "Mijn gegevens" as its landing page. */
export const portalRoutes: RouteObject[] = accountRoutes({
  area: "portal",
  homePath: paths.myDetails,
  loggedIn: [
    { index: true, element: <Navigate to={paths.myDetails} replace /> },
    { path: "mijn-gegevens", element: <PortalMyDetailsPage /> },
  ],
});
