import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "#src/contracts/error.ts";
import {
  createWebhookEndpointSchema,
  webhookDeliveryListSchema,
  webhookDeliveryQuerySchema,
  webhookDeliverySchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookSecretAnswerSchema,
} from "#src/contracts/office-events.ts";
import {
  auditActor,
  requireOfficeAdmin,
  requireStaff,
} from "#src/server/modules/accounts/request-actors.ts";
import type { OfficeEventsDeps } from "#src/server/modules/office-events/deps.ts";
import {
  addWebhookEndpoint,
  disableWebhookEndpoint,
  rotateWebhookSecret,
  sendWebhookAgain,
  webhookDeliveries,
  webhookEndpoints,
} from "#src/server/modules/office-events/webhook-endpoints.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const endpointParams = z.object({ endpointId: z.uuid() });
const deliveryParams = endpointParams.extend({ deliveryId: z.uuid() });
const tags = ["office: webhooks"];

/**
 * The office's webhooks ("Koppelingen", issue 16): where its clients' events are posted. The
 * office's admins add, rotate and disable endpoints and send a delivery again; every staff
 * member reads the endpoints and their delivery log.
 */
export const officeWebhookRoutes: FastifyPluginAsyncZod<{ deps: OfficeEventsDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    "/api/office/webhooks",
    {
      schema: {
        tags,
        summary: "The office's webhook endpoints, newest first",
        response: { 200: webhookEndpointListSchema, ...errors },
      },
    },
    async (request) => ({ endpoints: await webhookEndpoints(deps, requireStaff(request).scope) }),
  );

  app.post(
    "/api/office/webhooks",
    {
      schema: {
        tags,
        summary: "Adds an endpoint (admins); its signing secret is answered this once",
        body: createWebhookEndpointSchema,
        response: { 201: webhookSecretAnswerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const admin = requireOfficeAdmin(request);
      const answer = await addWebhookEndpoint(
        deps,
        admin.scope,
        request.body,
        auditActor(admin.account),
      );
      return reply.status(201).send(answer);
    },
  );

  app.post(
    "/api/office/webhooks/:endpointId/disable",
    {
      schema: {
        tags,
        summary: "Disables an endpoint for good (admins); what waited for it is given up",
        params: endpointParams,
        response: { 200: webhookEndpointSchema, ...errors },
      },
    },
    async (request) => {
      const admin = requireOfficeAdmin(request);
      return disableWebhookEndpoint(
        deps,
        admin.scope,
        request.params.endpointId,
        auditActor(admin.account),
      );
    },
  );

  app.post(
    "/api/office/webhooks/:endpointId/rotate-secret",
    {
      schema: {
        tags,
        summary:
          "A new signing secret (admins), answered this once; the previous one signs beside it for 24 hours",
        params: endpointParams,
        response: { 200: webhookSecretAnswerSchema, ...errors },
      },
    },
    async (request) => {
      const admin = requireOfficeAdmin(request);
      return rotateWebhookSecret(
        deps,
        admin.scope,
        request.params.endpointId,
        auditActor(admin.account),
      );
    },
  );

  app.get(
    "/api/office/webhooks/:endpointId/deliveries",
    {
      schema: {
        tags,
        summary: "The endpoint's delivery log, newest first, a page at a time",
        params: endpointParams,
        querystring: webhookDeliveryQuerySchema,
        response: { 200: webhookDeliveryListSchema, ...errors },
      },
    },
    async (request) =>
      webhookDeliveries(
        deps,
        requireStaff(request).scope,
        request.params.endpointId,
        request.query,
      ),
  );

  app.post(
    "/api/office/webhooks/:endpointId/deliveries/:deliveryId/send-again",
    {
      schema: {
        tags,
        summary: "Queues a delivered or failed delivery's event anew for the endpoint (admins)",
        params: deliveryParams,
        response: { 201: webhookDeliverySchema, ...errors },
      },
    },
    async (request, reply) => {
      const admin = requireOfficeAdmin(request);
      const delivery = await sendWebhookAgain(
        deps,
        admin.scope,
        request.params.endpointId,
        request.params.deliveryId,
        auditActor(admin.account),
      );
      return reply.status(201).send(delivery);
    },
  );
};
