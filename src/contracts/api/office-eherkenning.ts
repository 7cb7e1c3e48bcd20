import { officeEherkenningSchema, setOfficeLevelSchema } from "../eherkenning/catalogue.ts";
import { defineEndpoint } from "./endpoint.ts";

/**
 * The office's eHerkenning setting: the level its client portal demands of companies logging
 * in with eHerkenning. Every staff member reads it; the office's admins change it.
 */
export const officeEherkenningApi = {
  setting: defineEndpoint({
    method: "GET",
    path: "/api/office/eherkenning",
    response: officeEherkenningSchema,
  }),
  setLevel: defineEndpoint({
    method: "PUT",
    path: "/api/office/eherkenning",
    body: setOfficeLevelSchema,
    response: officeEherkenningSchema,
  }),
};
