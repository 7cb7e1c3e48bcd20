import { Navigate, Outlet, type RouteObject } from "react-router";
import { SessionProvider } from "../ui/api/session.tsx";
import { LoggedInLayout } from "./LoggedInLayout.tsx";
import { ActivatePage } from "./pages/ActivatePage.tsx";
import { ForgotPasswordPage } from "./pages/ForgotPasswordPage.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { MyDetailsPage } from "./pages/my-details/MyDetailsPage.tsx";
import { SecondFactorPage } from "./pages/SecondFactorPage.tsx";
import { SetPasswordPage } from "./pages/SetPasswordPage.tsx";
import { paths } from "./paths.ts";

/** The client portal: the pages before login, and the logged-in pages behind LoggedInLayout. */
export const portalRoutes: RouteObject[] = [
  {
    element: (
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    ),
    children: [
      { path: "login", element: <LoginPage /> },
      { path: "login/verification", element: <SecondFactorPage /> },
      { path: "forgot-password", element: <ForgotPasswordPage /> },
      { path: "activate/:token", element: <ActivatePage /> },
      { path: "set-password/:token", element: <SetPasswordPage /> },
      {
        element: <LoggedInLayout />,
        children: [
          // For now the logged-in landing page is "Mijn gegevens".
          { index: true, element: <Navigate to={paths.myDetails} replace /> },
          { path: "mijn-gegevens", element: <MyDetailsPage /> },
        ],
      },
    ],
  },
];
