import { z } from "zod";
import { acceptedSchema, linkTokenSchema } from "../accounts.ts";
import {
  eherkenningLinkApprovalSchema,
  pendingEherkenningLinkSchema,
  portalEherkenningOfficesSchema,
  requestEherkenningLinkSchema,
} from "../eherkenning/portal-login.ts";
import { defineEndpoint } from "./endpoint.ts";

/**
 * The client portal's eHerkenning login (issue 15): the offices to log in to, the first login's
 * link to a portal account, and its approval by that account. The SAML endpoints themselves
 * (`/portal/saml/…`) are reached by the browser, not called.
 */
export const portalEherkenningApi = {
  offices: defineEndpoint({
    method: "GET",
    path: "/api/portal/eherkenning/offices",
    response: portalEherkenningOfficesSchema,
  }),
  pendingLink: defineEndpoint({
    method: "GET",
    path: "/api/portal/eherkenning/link",
    response: pendingEherkenningLinkSchema,
  }),
  requestLink: defineEndpoint({
    method: "POST",
    path: "/api/portal/eherkenning/link",
    body: requestEherkenningLinkSchema,
    response: acceptedSchema,
  }),
  approval: defineEndpoint({
    method: "GET",
    path: "/api/portal/eherkenning/approvals/:token",
    params: z.object({ token: linkTokenSchema }),
    response: eherkenningLinkApprovalSchema,
  }),
  approve: defineEndpoint({
    method: "POST",
    path: "/api/portal/eherkenning/approvals/:token",
    params: z.object({ token: linkTokenSchema }),
    response: eherkenningLinkApprovalSchema,
  }),
  /**
   * Logout after an eHerkenning login: the portal session ends, and the answer says where the
   * browser goes next, the IdP's single logout (which comes back to the login page) or the
   * login page. A navigation rather than a form's redirect, since the page's CSP lets forms
   * submit to Poort only, and a broker's logout is elsewhere.
   */
  logOut: defineEndpoint({
    method: "POST",
    path: "/api/portal/eherkenning/logout",
    response: z.object({ redirectTo: z.string() }),
  }),
};

/** Where the browser goes for the SAML side of the portal's eHerkenning login. */
export const portalSamlPaths = {
  /**
   * GET with `?office=<id>`, by a link: the signed AuthnRequest to the IdP, by redirect. A link,
   * not a form: the page's CSP lets forms submit to Poort only, redirects included.
   */
  login: "/portal/saml/login",
  metadata: "/portal/saml/metadata",
} as const;
