import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "#src/contracts/error.ts";
import { officeEventsPageSchema, officeEventsQuerySchema } from "#src/contracts/office-events.ts";
import { officeEventsPage } from "../office-events/events-feed.ts";
import { requireApiCaller } from "./api-actor.ts";
import type { OfficeApiDeps } from "./deps.ts";

const errors = errorResponses(400, 401, 403, 429);

/** The feed of what the office's clients did, since a cursor (issue 16). */
export const eventRoutes: FastifyPluginAsyncZod<{ deps: OfficeApiDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    "/api/office/v1/events",
    {
      schema: {
        tags: ["office API: events"],
        summary:
          "The office's client events after a cursor, oldest first: messages received, uploads supplied, actions completed, invitations activated",
        description:
          "Pass the `next` of the last page as `after`; an empty page answers `next: null`, so keep the cursor and ask again later. The same events are posted to the office's webhooks.",
        querystring: officeEventsQuerySchema,
        response: { 200: officeEventsPageSchema, ...errors },
      },
    },
    async (request) =>
      officeEventsPage(deps.documents.db, requireApiCaller(request).software.scope, request.query),
  );
};
