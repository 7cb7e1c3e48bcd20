import {
  createWebhookEndpointSchema,
  webhookDeliveryListSchema,
  webhookDeliveryQuerySchema,
  webhookDeliverySchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookSecretAnswerSchema,
} from "../office-events.ts";
import { defineEndpoint } from "./endpoint.ts";

/**
 * The office's webhooks ("Koppelingen"): the office's admins add, rotate and disable
 * endpoints; every staff member reads them and their delivery log.
 */
export const officeWebhooksApi = {
  list: defineEndpoint({
    method: "GET",
    path: "/api/office/webhooks",
    response: webhookEndpointListSchema,
  }),
  create: defineEndpoint({
    method: "POST",
    path: "/api/office/webhooks",
    body: createWebhookEndpointSchema,
    response: webhookSecretAnswerSchema,
  }),
  disable: defineEndpoint({
    method: "POST",
    path: "/api/office/webhooks/:endpointId/disable",
    response: webhookEndpointSchema,
  }),
  rotateSecret: defineEndpoint({
    method: "POST",
    path: "/api/office/webhooks/:endpointId/rotate-secret",
    response: webhookSecretAnswerSchema,
  }),
  deliveries: defineEndpoint({
    method: "GET",
    path: "/api/office/webhooks/:endpointId/deliveries",
    query: webhookDeliveryQuerySchema,
    response: webhookDeliveryListSchema,
  }),
  sendAgain: defineEndpoint({
    method: "POST",
    path: "/api/office/webhooks/:endpointId/deliveries/:deliveryId/send-again",
    response: webhookDeliverySchema,
  }),
};
