import type { RouteObject } from "react-router";
import { IdpLoginPage } from "./IdpLoginPage.tsx";

/**
 * The IdP's login page, where the sign-on endpoint sends the browser (`idpUrls().loginPage`).
 * It holds no session context of its own: each step's API answer says what comes next.
 */
export const idpRoutes: RouteObject[] = [{ path: "idp/inloggen", element: <IdpLoginPage /> }];
