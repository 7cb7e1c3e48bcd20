import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  accountListItemSchema,
  accountListSchema,
  inviteClientSchema,
  inviteStaffSchema,
  updateStaffSchema,
} from "#src/contracts/accounts.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import { findOfficeAccount, listOfficeAccountItems, toListItem } from "./account-directory.ts";
import type { AccountsDeps } from "./deps.ts";
import { inviteClient, inviteStaff, resendInvitation, revokeInvitation } from "./invitations.ts";
import { auditActor, requireOfficeAdmin, requireStaff } from "./request-actors.ts";
import { changeStaffMember } from "./staff-members.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const accountParams = z.object({ accountId: z.uuid() });

/**
 * The office's accounts in the back office (B13): clients and staff, always of the staff
 * member's own office. Staff management is for the office's admins.
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
        summary: "Client accounts of the office",
        response: { 200: accountListSchema, ...errors },
      },
    },
    async (request) => ({
      accounts: await listOfficeAccountItems(deps, requireStaff(request).scope, "client"),
    }),
  );

  app.post(
    "/api/office/clients",
    {
      schema: {
        tags,
        summary: "Create a client (person or company) and mail the invitation",
        body: inviteClientSchema,
        response: { 201: accountListItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { account, scope } = requireStaff(request);
      const created = await inviteClient(deps, scope, request.body, auditActor(account));
      return reply.status(201).send(await toListItem(deps, created));
    },
  );

  /** A client of the office, or a colleague when an admin asks; another office's: not found. */
  const invitedAccount = async (request: FastifyRequest, accountId: string) => {
    const { account, scope } = requireStaff(request);
    const target = await findOfficeAccount(deps, scope, accountId, "client").catch(() =>
      findOfficeAccount(deps, scope, accountId, "staff"),
    );
    if (target.kind === "staff" && account.role !== "admin") throw new AppError("forbidden");
    return { account, target };
  };

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
      const { account, target } = await invitedAccount(request, request.params.accountId);
      await resendInvitation(deps, target, auditActor(account));
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
      const { account, target } = await invitedAccount(request, request.params.accountId);
      await revokeInvitation(deps, target, auditActor(account));
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
      accounts: await listOfficeAccountItems(deps, requireStaff(request).scope, "staff"),
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
