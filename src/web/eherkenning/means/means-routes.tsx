import type { RouteObject } from "react-router";
import { accountRoutes } from "../../ui/account/account-routes.tsx";
import { MyDetailsPage } from "../../ui/account/my-details/MyDetailsPage.tsx";
import { MeansMenu } from "./MeansMenu.tsx";
import { MyMeansPage } from "./MyMeansPage.tsx";

/**
 * The holder of an eHerkenning means: the shared account pages (activation by the mailed link,
 * login, the second step the level needs) and, logged in, "Mijn eHerkenning" and "Mijn gegevens".
 */
export const meansRoutes: RouteObject[] = accountRoutes({
  area: "eherkenning",
  homePath: "/middel",
  menu: <MeansMenu />,
  loggedIn: [
    { path: "middel", element: <MyMeansPage /> },
    { path: "mijn-gegevens", element: <MyDetailsPage /> },
  ],
});
