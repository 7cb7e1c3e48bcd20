import type { RouteObject } from "react-router";
import { accountRoutes } from "../../ui/account/account-routes.tsx";
import { MyDetailsPage } from "../../ui/account/my-details/MyDetailsPage.tsx";
import { paths } from "../../ui/account/paths.ts";
import { BeheerMenu } from "./BeheerMenu.tsx";
import { catalogueAdminRoutes } from "./catalogue/catalogue-admin-routes.tsx";
import { reviewRoutes } from "./review/review-routes.tsx";
import { ServiceProvidersPage } from "./service-providers/ServiceProvidersPage.tsx";

/**
 * The eHerkenning supplier's back office: the review queue and checklist, the identification
 * partner's screen, the catalogue of service providers, and the SAML service providers of
 * Poort's IdP. Each page asks for its roles.
 */
export const beheerRoutes: RouteObject[] = accountRoutes({
  area: "eherkenning-beheer",
  homePath: paths.home,
  menu: <BeheerMenu />,
  loggedIn: [
    ...reviewRoutes,
    ...catalogueAdminRoutes,
    { path: "dienstverleners", element: <ServiceProvidersPage /> },
    { path: "mijn-gegevens", element: <MyDetailsPage /> },
  ],
});
