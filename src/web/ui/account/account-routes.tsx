import type { ReactNode } from "react";
import { Outlet, type RouteObject } from "react-router";
import { SessionProvider } from "../api/session.tsx";
import { type AccountArea, AccountAreaProvider } from "./account-area.tsx";
import { LoggedInLayout } from "./LoggedInLayout.tsx";
import { ActivatePage } from "./pages/ActivatePage.tsx";
import { ForgotPasswordPage } from "./pages/ForgotPasswordPage.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { SecondFactorPage } from "./pages/SecondFactorPage.tsx";
import { SetPasswordPage } from "./pages/SetPasswordPage.tsx";
import { SetUpSecondFactorPage } from "./pages/SetUpSecondFactorPage.tsx";

interface AccountRoutesOptions extends AccountArea {
  /** The area's menu above its logged-in pages. */
  menu?: ReactNode;
  /** The area's logged-in pages, "Mijn gegevens" included. */
  loggedIn: RouteObject[];
}

/**
 * A login area's routes: the shared pages before login (login, second step, activation,
 * password) and the area's own logged-in pages behind LoggedInLayout.
 */
export function accountRoutes({ menu, loggedIn, ...area }: AccountRoutesOptions): RouteObject[] {
  return [
    {
      element: (
        <AccountAreaProvider value={area}>
          <SessionProvider area={area.area}>
            <Outlet />
          </SessionProvider>
        </AccountAreaProvider>
      ),
      children: [
        { path: "login", element: <LoginPage /> },
        { path: "login/verification", element: <SecondFactorPage /> },
        { path: "forgot-password", element: <ForgotPasswordPage /> },
        { path: "activate/:token", element: <ActivatePage /> },
        { path: "set-password/:token", element: <SetPasswordPage /> },
        {
          element: <LoggedInLayout menu={menu} />,
          children: [{ path: "login/set-up", element: <SetUpSecondFactorPage /> }, ...loggedIn],
        },
      ],
    },
  ];
}
