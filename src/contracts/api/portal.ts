import { z } from "zod";
import {
  documentCategoryQuerySchema,
  documentContentQuerySchema,
  portalDocumentListSchema,
  portalDossierListSchema,
  portalDossierQuerySchema,
  portalDossierSchema,
  portalOverviewSchema,
} from "../dossiers.ts";
import { defineEndpoint } from "./endpoint.ts";

/** The client portal (`/portal`): the client's own dossiers and documents. */
export const portalApi = {
  overview: defineEndpoint({
    method: "GET",
    path: "/api/portal/overview",
    response: portalOverviewSchema,
  }),
  dossiers: defineEndpoint({
    method: "GET",
    path: "/api/portal/dossiers",
    query: portalDossierQuerySchema,
    response: portalDossierListSchema,
  }),
  dossier: defineEndpoint({
    method: "GET",
    path: "/api/portal/dossiers/:dossierId",
    response: portalDossierSchema,
  }),
  documents: defineEndpoint({
    method: "GET",
    path: "/api/portal/dossiers/:dossierId/documents",
    query: documentCategoryQuerySchema,
    response: portalDocumentListSchema,
  }),
  markDocumentRead: defineEndpoint({
    method: "POST",
    path: "/api/portal/documents/:documentId/read",
    response: z.null(),
  }),
  /** The file itself, downloaded or opened by the browser through a link. */
  documentContent: defineEndpoint({
    method: "GET",
    path: "/api/portal/documents/:documentId/content",
    query: documentContentQuerySchema,
  }),
  /**
   * The tus endpoint for "Door mij aangeleverd": tus-js-client creates an upload here and then
   * speaks the tus protocol with the address it is given, so there is no JSON contract.
   */
  uploads: defineEndpoint({ method: "POST", path: "/api/portal/uploads" }),
};
