import {
  idpAnswerSchema,
  idpLoginOutcomeSchema,
  idpPendingLoginSchema,
  registeredServiceProviderSchema,
  registerServiceProviderSchema,
  serviceProviderAdminSchema,
} from "../eherkenning/idp.ts";
import { defineEndpoint } from "./endpoint.ts";

/**
 * The IdP's login page (`/eherkenning/idp/inloggen`): the SAML login this browser serves, and the
 * answer after the means holder logged in. The SAML endpoints themselves are not called by the
 * web: an SP sends the browser there.
 */
export const eherkenningIdpApi = {
  pendingLogin: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/idp/login",
    response: idpPendingLoginSchema,
  }),
  answer: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/idp/answer",
    body: idpAnswerSchema,
    response: idpLoginOutcomeSchema,
  }),
};

/** The back office's SAML service providers (admins only). */
export const eherkenningIdpAdminApi = {
  serviceProviders: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/service-providers",
    response: serviceProviderAdminSchema,
  }),
  register: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/service-providers",
    body: registerServiceProviderSchema,
    response: registeredServiceProviderSchema,
  }),
  withdraw: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/service-providers/:serviceProviderId/withdrawal",
    response: serviceProviderAdminSchema,
  }),
};
