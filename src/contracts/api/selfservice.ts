import {
  presentedCertificateSchema,
  requestConfirmationSchema,
  requestFormSchema,
  selfServiceLoginSchema,
  submitRequestSchema,
} from "../certificates.ts";
import { defineEndpoint } from "./endpoint.ts";

/**
 * The certificate self-service. Served only by the mTLS listener, which checks the office
 * certificate before any of these; its `/api/session` is the one of `accountApi`.
 */
export const selfserviceApi = {
  certificate: defineEndpoint({
    method: "GET",
    path: "/api/selfservice/certificate",
    response: presentedCertificateSchema,
  }),
  logIn: defineEndpoint({
    method: "POST",
    path: "/api/selfservice/login",
    body: selfServiceLoginSchema,
    response: requestFormSchema,
  }),
  submitRequest: defineEndpoint({
    method: "POST",
    path: "/api/selfservice/requests",
    body: submitRequestSchema,
    response: requestConfirmationSchema,
  }),
};
