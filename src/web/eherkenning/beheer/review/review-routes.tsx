import type { RouteObject } from "react-router";
import { ApplicationPage } from "./ApplicationPage.tsx";
import { ApplicationsPage } from "./ApplicationsPage.tsx";
import { BeheerIndexPage } from "./BeheerIndexPage.tsx";
import { IdentificationPage } from "./IdentificationPage.tsx";
import { IdentificationsPage } from "./IdentificationsPage.tsx";
import { MeansPage } from "./MeansPage.tsx";

/**
 * The review's pages of the back office: the queue and one application (reviewers, admins),
 * the identifications (partner agents), and the issued means. The server refuses each role what
 * is not its own; the menu shows each role only its own.
 */
export const reviewRoutes: RouteObject[] = [
  { index: true, element: <BeheerIndexPage /> },
  { path: "aanvragen", element: <ApplicationsPage /> },
  { path: "aanvragen/:id", element: <ApplicationPage /> },
  { path: "identificaties", element: <IdentificationsPage /> },
  { path: "identificaties/:id", element: <IdentificationPage /> },
  { path: "middelen", element: <MeansPage /> },
];
