import { z } from "zod";
import {
  meansSearchQuerySchema,
  meansSearchResultSchema,
  revokeMeansSchema,
  supplierMeansSchema,
} from "../eherkenning/means.ts";
import {
  identificationDetailSchema,
  identificationListSchema,
  planAppointmentSchema,
  recordIdentificationSchema,
  rejectApplicationSchema,
  reviewApplicationSchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
} from "../eherkenning/review.ts";
import { defineEndpoint } from "./endpoint.ts";

/**
 * The eHerkenning supplier's back office (`/eherkenning/beheer`): the review of applications
 * (reviewers and admins), the identifications (partner agents), and the issued means.
 */
export const eherkenningBeheerApi = {
  applications: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/applications",
    query: reviewQueueQuerySchema,
    response: reviewQueueSchema,
  }),
  application: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/applications/:applicationId",
    response: reviewApplicationSchema,
  }),
  /** The ID copy, streamed as stored (`?disposition=inline` to view it in the browser). */
  attachment: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/applications/:applicationId/attachments/:attachmentId",
    query: z.object({ disposition: z.enum(["attachment", "inline"]).default("attachment") }),
  }),
  approve: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/applications/:applicationId/approval",
    response: reviewApplicationSchema,
  }),
  reject: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/applications/:applicationId/rejection",
    body: rejectApplicationSchema,
    response: reviewApplicationSchema,
  }),
  identifications: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/identifications",
    response: identificationListSchema,
  }),
  identification: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/identifications/:identificationId",
    response: identificationDetailSchema,
  }),
  planAppointment: defineEndpoint({
    method: "PUT",
    path: "/api/eherkenning/beheer/identifications/:identificationId/appointment",
    body: planAppointmentSchema,
    response: identificationDetailSchema,
  }),
  recordIdentification: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/identifications/:identificationId/record",
    body: recordIdentificationSchema,
    response: identificationDetailSchema,
  }),
  means: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/means",
    query: meansSearchQuerySchema,
    response: meansSearchResultSchema,
  }),
  revokeMeans: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/means/:meansId/revocation",
    body: revokeMeansSchema,
    response: supplierMeansSchema,
  }),
  revokeAuthorization: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/authorizations/:authorizationId/revocation",
    body: revokeMeansSchema,
    response: supplierMeansSchema,
  }),
};
