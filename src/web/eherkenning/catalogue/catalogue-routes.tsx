import type { RouteObject } from "react-router";
import { EherkenningHomePage } from "./EherkenningHomePage.tsx";
import { ProvidersOverviewPage } from "./ProvidersOverviewPage.tsx";

/** The area's front page and "Het overzicht van dienstverleners". */
export const catalogueRoutes: RouteObject[] = [
  { index: true, element: <EherkenningHomePage /> },
  { path: "dienstverleners", element: <ProvidersOverviewPage /> },
];
