import { meansViewSchema, myMeansSchema } from "../eherkenning/means.ts";
import { defineEndpoint } from "./endpoint.ts";

/** The holder of an eHerkenning means ("Mijn eHerkenning"): the means and its authorizations. */
export const eherkenningMeansApi = {
  mine: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/means/mine",
    response: myMeansSchema,
  }),
  /** "Verlengen": the authorization runs on, up to five years from now. */
  renew: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/means/authorizations/:authorizationId/renewal",
    response: meansViewSchema,
  }),
};
