import {
  auditPageSchema,
  certificateAuditQuerySchema,
  certificateEventPageSchema,
  officeAuditExportQuerySchema,
  officeAuditQuerySchema,
} from "../audit-log.ts";
import { defineEndpoint } from "./endpoint.ts";

/** The back office's "Auditlog" (office admins only): the office's audit events. */
export const officeAuditLogApi = {
  list: defineEndpoint({
    method: "GET",
    path: "/api/office/audit-log",
    query: officeAuditQuerySchema,
    response: auditPageSchema,
  }),
  /** The same filter as a CSV file (UTF-8 with BOM, semicolons), every matching event. */
  exportCsv: defineEndpoint({
    method: "GET",
    path: "/api/office/audit-log.csv",
    query: officeAuditExportQuerySchema,
  }),
};

/** The servicedesk's certificate events, across offices (servicedesk role only). */
export const servicedeskAuditLogApi = {
  certificateEvents: defineEndpoint({
    method: "GET",
    path: "/api/servicedesk/certificate-events",
    query: certificateAuditQuerySchema,
    response: certificateEventPageSchema,
  }),
};
