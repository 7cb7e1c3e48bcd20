import type { RouteObject } from "react-router";
import { accountRoutes } from "../ui/account/account-routes.tsx";
import { MyDetailsPage } from "../ui/account/my-details/MyDetailsPage.tsx";
import { paths } from "../ui/account/paths.ts";
import { ServicedeskHomePage } from "./pages/ServicedeskHomePage.tsx";
import { ServicedeskMenu } from "./ServicedeskMenu.tsx";

/** The servicedesk of the professional body: for now its landing page and "Mijn gegevens". */
export const servicedeskRoutes: RouteObject[] = accountRoutes({
  area: "servicedesk",
  homePath: paths.home,
  menu: <ServicedeskMenu />,
  loggedIn: [
    { index: true, element: <ServicedeskHomePage /> },
    { path: "mijn-gegevens", element: <MyDetailsPage /> },
  ],
});
