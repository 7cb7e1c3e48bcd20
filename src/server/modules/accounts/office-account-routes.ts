import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  accountListItemSchema,
  accountListSchema,
  inviteClientSchema,
  inviteStaffSchema,
  officeClientAccountListSchema,
  officeClientAccountSchema,
  officeClientSchema,
  setClientKvkNumberSchema,
  updateStaffSchema,
} from "#src/contracts/accounts.ts";
import { errorResponses } from "#src/contracts/error.ts";
import {
  listOfficeClientItems,
  listOfficeStaffItems,
  toListItem,
  toOfficeClient,
  toOfficeClientAccount,
} from "./account-directory.ts";
import { setClientKvkNumber } from "./client-kvk-numbers.ts";
import type { AccountsDeps } from "./deps.ts";
import { inviteClient, inviteStaff, officeInvitation } from "./invitations.ts";
import { auditActor, requireOfficeAdmin, requireStaff } from "./request-actors.ts";
import { changeStaffMember } from "./staff-members.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const accountParams = z.object({ accountId: z.uuid() });
const clientParams = z.object({ clientId: z.uuid() });

/**
 * The office's accounts in the back office (B13): clients and staff, always of the staff
 * member's own office. Staff management is for the office's admins. A client account in these
 * routes is the office's membership of the person's login, named by the membership's id: an
 * office acts on its own membership only, never on the login (ADR 0011). What belongs to the
 * client itself, a company's KvK number, is named by the client's id.
 */
export const officeAccountRoutes: FastifyPluginAsyncZod<{ deps: AccountsDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["office: accounts"];

  app.get(
    "/api/office/clients",
    {
      schema: {
        tags,
        summary: "Client accounts of the office, each with the client it acts for",
        response: { 200: officeClientAccountListSchema, ...errors },
      },
    },
    async (request) => ({
      accounts: await listOfficeClientItems(deps, requireStaff(request).scope),
    }),
  );

  app.post(
    "/api/office/clients",
    {
      schema: {
        tags,
        summary:
          "Create a client (person or company) and mail the invitation; the same answer whether or not the address has a login elsewhere",
        body: inviteClientSchema,
        response: { 201: officeClientAccountSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { account, scope } = requireStaff(request);
      const created = await inviteClient(deps, scope, request.body, auditActor(account));
      return reply.status(201).send(toOfficeClientAccount(deps, created));
    },
  );

  app.put(
    "/api/office/clients/:clientId/kvk-number",
    {
      schema: {
        tags,
        summary:
          "Register, change or (null) clear a company client's KvK number, by which an eHerkenning login finds the company",
        params: clientParams,
        body: setClientKvkNumberSchema,
        response: { 200: officeClientSchema, ...errors },
      },
    },
    async (request) =>
      toOfficeClient(
        await setClientKvkNumber(
          deps,
          requireStaff(request),
          request.params.clientId,
          request.body.kvkNumber,
        ),
      ),
  );

  app.post(
    "/api/office/accounts/:accountId/invitation",
    {
      schema: {
        tags,
        summary: "Send the invitation again; the earlier link stops working",
        params: accountParams,
        response: { 202: z.object({ status: z.literal("accepted") }), ...errors },
      },
    },
    async (request, reply) => {
      await (
        await officeInvitation(deps, requireStaff(request), request.params.accountId)
      ).resend();
      return reply.status(202).send({ status: "accepted" as const });
    },
  );

  app.delete(
    "/api/office/accounts/:accountId/invitation",
    {
      schema: {
        tags,
        summary: "Withdraw an invitation that was not accepted yet",
        params: accountParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await (
        await officeInvitation(deps, requireStaff(request), request.params.accountId)
      ).revoke();
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/office/staff",
    {
      schema: {
        tags,
        summary: "Staff of the office",
        response: { 200: accountListSchema, ...errors },
      },
    },
    async (request) => ({
      accounts: await listOfficeStaffItems(deps, requireStaff(request).scope),
    }),
  );

  app.post(
    "/api/office/staff",
    {
      schema: {
        tags,
        summary: "Invite a colleague (admins)",
        body: inviteStaffSchema,
        response: { 201: accountListItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { account, scope } = requireOfficeAdmin(request);
      const created = await inviteStaff(deps, scope, request.body, auditActor(account));
      return reply.status(201).send(await toListItem(deps, created));
    },
  );

  app.patch(
    "/api/office/staff/:accountId",
    {
      schema: {
        tags,
        summary: "Change a colleague's role, or deactivate them (admins)",
        params: accountParams,
        body: updateStaffSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await changeStaffMember(
        deps,
        requireOfficeAdmin(request),
        request.params.accountId,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );
};
