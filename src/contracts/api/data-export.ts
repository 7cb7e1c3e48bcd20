import { dataExportOverviewSchema, dataExportSchema } from "../data-export.ts";
import { defineEndpoint } from "./endpoint.ts";

/** "Mijn gegevens downloaden" in the portal's Mijn gegevens (`/api/me/data-export`). */
export const dataExportApi = {
  overview: defineEndpoint({
    method: "GET",
    path: "/api/me/data-export",
    response: dataExportOverviewSchema,
  }),
  request: defineEndpoint({
    method: "POST",
    path: "/api/me/data-export",
    response: dataExportSchema,
  }),
  /** The archive itself (a ZIP file, not JSON): a link the browser follows. */
  download: defineEndpoint({
    method: "GET",
    path: "/api/me/data-export/:exportId/content",
  }),
};
