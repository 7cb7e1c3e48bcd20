import {
  bounceListSchema,
  certificateSummarySchema,
  changeOfficeEmailSchema,
  expiringListSchema,
  officeDetailSchema,
  officeListSchema,
  officeSearchSchema,
  reissueDemandSchema,
  requestConfirmationSchema,
  revokeSchema,
  servicedeskIssueSchema,
} from "../certificates.ts";
import { defineEndpoint } from "./endpoint.ts";

/** The servicedesk (`/servicedesk`): offices and their certificates. */
export const servicedeskApi = {
  offices: defineEndpoint({
    method: "GET",
    path: "/api/servicedesk/offices",
    query: officeSearchSchema,
    response: officeListSchema,
  }),
  office: defineEndpoint({
    method: "GET",
    path: "/api/servicedesk/offices/:officeId",
    response: officeDetailSchema,
  }),
  changeOfficeEmail: defineEndpoint({
    method: "PATCH",
    path: "/api/servicedesk/offices/:officeId/email",
    body: changeOfficeEmailSchema,
    response: officeDetailSchema,
  }),
  issueCertificate: defineEndpoint({
    method: "POST",
    path: "/api/servicedesk/offices/:officeId/certificates",
    body: servicedeskIssueSchema,
    response: requestConfirmationSchema,
  }),
  demandReissue: defineEndpoint({
    method: "POST",
    path: "/api/servicedesk/offices/:officeId/reissue-demands",
    body: reissueDemandSchema,
    response: officeDetailSchema,
  }),
  revokeCertificate: defineEndpoint({
    method: "POST",
    path: "/api/servicedesk/certificates/:certificateId/revoke",
    body: revokeSchema,
    response: certificateSummarySchema,
  }),
  expiring: defineEndpoint({
    method: "GET",
    path: "/api/servicedesk/expiring",
    response: expiringListSchema,
  }),
  bounces: defineEndpoint({
    method: "GET",
    path: "/api/servicedesk/bounces",
    response: bounceListSchema,
  }),
};
