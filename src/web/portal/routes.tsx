import type { RouteObject } from "react-router";
import { accountRoutes } from "../ui/account/account-routes.tsx";
import { paths } from "../ui/account/paths.ts";
import { ActionPage } from "./actions/ActionPage.tsx";
import { ActionsPage } from "./actions/ActionsPage.tsx";
import { ApproveLinkPage } from "./eherkenning/ApproveLinkPage.tsx";
import { EherkenningLoginSection } from "./eherkenning/EherkenningLoginSection.tsx";
import { EherkenningRefusalNotice } from "./eherkenning/EherkenningRefusalNotice.tsx";
import { RequestLinkPage } from "./eherkenning/RequestLinkPage.tsx";
import { ChooseOfficePage } from "./office/ChooseOfficePage.tsx";
import { OfficeChoiceGate } from "./office/OfficeChoiceGate.tsx";
import { PortalMenu } from "./PortalMenu.tsx";
import { DossierListPage } from "./pages/DossierListPage.tsx";
import { DossierPage } from "./pages/DossierPage.tsx";
import { PortalHomePage } from "./pages/PortalHomePage.tsx";
import { PortalMyDetailsPage } from "./pages/PortalMyDetailsPage.tsx";

/**
 * The client portal: its home page with tiles, the client's dossiers, the actions the office
 * asks of it (questionnaires and upload requests) and "Mijn gegevens". The first login opens
 * "Mijn gegevens" (seed B1); every later one opens Home, or the page asked for. A login that is
 * a client of several offices chooses the office first (ADR 0011). Companies may also log in
 * with eHerkenning; its first login at an office is linked to a portal account once, which that
 * account approves by a mailed link.
 */
export const portalRoutes: RouteObject[] = [
  ...accountRoutes({
    area: "portal",
    homePath: paths.home,
    menu: <PortalMenu />,
    loginNotice: <EherkenningRefusalNotice />,
    loginExtra: <EherkenningLoginSection />,
    loggedIn: [
      { path: "notariskantoor-kiezen", element: <ChooseOfficePage /> },
      // Before the choice of office: the approval names its office, and the mail may reach a
      // login of several offices that has not chosen yet.
      { path: "eherkenning/goedkeuren/:token", element: <ApproveLinkPage /> },
      {
        element: <OfficeChoiceGate />,
        children: [
          { index: true, element: <PortalHomePage /> },
          { path: "dossiers", element: <DossierListPage /> },
          { path: "dossiers/:dossierId", element: <DossierPage /> },
          { path: "acties", element: <ActionsPage /> },
          { path: "acties/:actionId", element: <ActionPage /> },
          { path: "mijn-gegevens", element: <PortalMyDetailsPage /> },
        ],
      },
    ],
  }),
  // Without a login: the company's first eHerkenning login waits here until it is linked.
  { path: "eherkenning/koppelen", element: <RequestLinkPage /> },
];
