import type { RouteObject } from "react-router";
import { ProviderAdminPage } from "./ProviderAdminPage.tsx";
import { ProvidersAdminPage } from "./ProvidersAdminPage.tsx";

/** The supplier admin's catalogue: the providers, and one provider with its services. */
export const catalogueAdminRoutes: RouteObject[] = [
  { path: "catalogus", element: <ProvidersAdminPage /> },
  { path: "catalogus/:providerId", element: <ProviderAdminPage /> },
];
