import { officeSettingsSchema, setOfficeSettingsSchema } from "../office-settings.ts";
import { defineEndpoint } from "./endpoint.ts";

/** The office's settings ("Instellingen"): read by every staff member, changed by its admins. */
export const officeSettingsApi = {
  settings: defineEndpoint({
    method: "GET",
    path: "/api/office/settings",
    response: officeSettingsSchema,
  }),
  update: defineEndpoint({
    method: "PUT",
    path: "/api/office/settings",
    body: setOfficeSettingsSchema,
    response: officeSettingsSchema,
  }),
};
