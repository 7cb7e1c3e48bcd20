import type { RouteObject } from "react-router";
import { FollowPage } from "./FollowPage.tsx";
import { LinkPage } from "./LinkPage.tsx";
import { SigningPage } from "./SigningPage.tsx";
import { WizardPage } from "./WizardPage.tsx";

/**
 * The application wizard (steps 1–4), the follow page (step 5), the mailed link that brings the
 * application to another browser, and the representatives' signing page.
 */
export const applyRoutes: RouteObject[] = [
  { path: "aanvragen", element: <WizardPage /> },
  { path: "aanvragen/volgen", element: <FollowPage /> },
  { path: "aanvragen/link/:token", element: <LinkPage /> },
  { path: "ondertekenen/:token", element: <SigningPage /> },
];
