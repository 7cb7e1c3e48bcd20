import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  inviteClientSchema,
  officeClientAccountListSchema,
  officeClientAccountSchema,
  officeClientSchema,
  setClientKvkNumberSchema,
} from "#src/contracts/accounts.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import {
  listOfficeClientItems,
  toOfficeClient,
  toOfficeClientAccount,
} from "../accounts/account-directory.ts";
import { setClientKvkNumber } from "../accounts/client-kvk-numbers.ts";
import { inviteClient } from "../accounts/invitations.ts";
import { auditActor } from "../accounts/request-actors.ts";
import { requireApiCaller } from "./api-actor.ts";
import type { OfficeApiDeps } from "./deps.ts";

const errors = errorResponses(400, 401, 403, 404, 409, 422, 429);
const tags = ["office API: clients"];

/**
 * Clients by the office API: invite a person or a company (the client gets the office's
 * invitation mail, as from the back office), follow the invitation, register a KvK number.
 */
export const clientRoutes: FastifyPluginAsyncZod<{ deps: OfficeApiDeps }> = async (
  app,
  { deps },
) => {
  const accounts = deps.accounts;

  app.get(
    "/api/office/v1/clients",
    {
      schema: {
        tags,
        summary:
          "The office's client accounts, each with its client and the state of its invitation",
        response: { 200: officeClientAccountListSchema, ...errors },
      },
    },
    async (request) => ({
      accounts: await listOfficeClientItems(accounts, requireApiCaller(request).software.scope),
    }),
  );

  app.get(
    "/api/office/v1/clients/accounts/:accountId",
    {
      schema: {
        tags,
        summary:
          "One client account: whether its invitation is pending, expired, accepted or withdrawn",
        params: z.object({ accountId: z.uuid() }),
        response: { 200: officeClientAccountSchema, ...errors },
      },
    },
    async (request) => {
      const items = await listOfficeClientItems(accounts, requireApiCaller(request).software.scope);
      const found = items.find((item) => item.id === request.params.accountId);
      if (!found) throw new AppError("not_found");
      return found;
    },
  );

  app.post(
    "/api/office/v1/clients",
    {
      schema: {
        tags,
        summary: "Create a client (person or company) and mail the invitation",
        body: inviteClientSchema,
        response: { 201: officeClientAccountSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { software } = requireApiCaller(request);
      const created = await inviteClient(
        accounts,
        software.scope,
        request.body,
        auditActor(software.account),
      );
      return reply.status(201).send(toOfficeClientAccount(accounts, created));
    },
  );

  app.put(
    "/api/office/v1/clients/:clientId/kvk-number",
    {
      schema: {
        tags,
        summary: "Register, change or (null) clear a company client's KvK number",
        params: z.object({ clientId: z.uuid() }),
        body: setClientKvkNumberSchema,
        response: { 200: officeClientSchema, ...errors },
      },
    },
    async (request) => {
      const { software } = requireApiCaller(request);
      const client = await setClientKvkNumber(
        accounts,
        software,
        request.params.clientId,
        request.body.kvkNumber,
      );
      return toOfficeClient(client);
    },
  );
};
