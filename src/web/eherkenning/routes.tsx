import type { RouteObject } from "react-router";
import { applyRoutes } from "./apply/apply-routes.tsx";
import { catalogueRoutes } from "./catalogue/catalogue-routes.tsx";
import { idpRoutes } from "./idp/idp-routes.tsx";
import { meansRoutes } from "./means/means-routes.tsx";

/**
 * The public eHerkenning area (SPEC C1–C6): its introduction and the overview of service
 * providers, the application wizard with the representatives' signing pages, and the means
 * holder's own pages (activation, login, authorizations), and the login page of Poort's own
 * eHerkenning identity provider (issue 15).
 */
export const eherkenningRoutes: RouteObject[] = [
  ...catalogueRoutes,
  ...applyRoutes,
  ...meansRoutes,
  ...idpRoutes,
];
