import type { RouteObject } from "react-router";
import { CertificatePage } from "./pages/CertificatePage.tsx";
import { ChainApplicationsPage } from "./pages/ChainApplicationsPage.tsx";

/**
 * The certificate self-service on the mTLS listener. The server lets only a browser with a
 * valid office certificate in, so these pages may assume one (but say so when it is missing).
 */
export const selfserviceRoutes: RouteObject[] = [
  { index: true, element: <ChainApplicationsPage /> },
  { path: "certificate", element: <CertificatePage /> },
];
