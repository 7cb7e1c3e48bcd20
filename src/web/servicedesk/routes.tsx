import type { RouteObject } from "react-router";
import { accountRoutes } from "../ui/account/account-routes.tsx";
import { MyDetailsPage } from "../ui/account/my-details/MyDetailsPage.tsx";
import { paths } from "../ui/account/paths.ts";
import { BouncesPage } from "./pages/BouncesPage.tsx";
import { CertificateEventsPage } from "./pages/CertificateEventsPage.tsx";
import { ExpiringPage } from "./pages/ExpiringPage.tsx";
import { OfficePage } from "./pages/OfficePage.tsx";
import { OfficesPage } from "./pages/OfficesPage.tsx";
import { ServicedeskHomePage } from "./pages/ServicedeskHomePage.tsx";
import { ServicedeskMenu } from "./ServicedeskMenu.tsx";

/**
 * The servicedesk of the professional body: offices and their certificates (A8–A11), the
 * expiry overview, bounced mails, and "Mijn gegevens".
 */
export const servicedeskRoutes: RouteObject[] = accountRoutes({
  area: "servicedesk",
  homePath: paths.home,
  menu: <ServicedeskMenu />,
  loggedIn: [
    { index: true, element: <ServicedeskHomePage /> },
    { path: "kantoren", element: <OfficesPage /> },
    { path: "kantoren/:officeId", element: <OfficePage /> },
    { path: "verlopen", element: <ExpiringPage /> },
    { path: "bounces", element: <BouncesPage /> },
    { path: "gebeurtenissen", element: <CertificateEventsPage /> },
    { path: "mijn-gegevens", element: <MyDetailsPage /> },
  ],
});
