import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  accountListItemSchema,
  accountListSchema,
  inviteClientSchema,
  inviteStaffSchema,
  staffRoleSchema,
} from "#src/contracts/accounts.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { findOfficeAccount, listOfficeAccountItems, toListItem } from "./account-directory.ts";
import type { AccountsDeps } from "./deps.ts";
import { inviteClient, inviteStaff, resendInvitation, revokeInvitation } from "./invitations.ts";
import { endAccountSessions, updateAccount } from "./repository.ts";
import { requireOfficeAdmin, requireStaff } from "./request-actors.ts";

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
  const actor = (id: string) => ({ type: "staff" as const, id });

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
      accounts: await listOfficeAccountItems(deps, requireStaff(request).officeId, "client"),
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
      const { account, officeId } = requireStaff(request);
      const created = await inviteClient(deps, officeId, request.body, actor(account.id));
      return reply.status(201).send(await toListItem(deps, created));
    },
  );

  /** A client of the office, or a colleague when an admin asks; another office's: not found. */
  const invitedAccount = async (request: FastifyRequest, accountId: string) => {
    const { account, officeId } = requireStaff(request);
    const target = await findOfficeAccount(deps, officeId, accountId, "client").catch(() =>
      findOfficeAccount(deps, officeId, accountId, "staff"),
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
      await resendInvitation(deps, target, actor(account.id));
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
      await revokeInvitation(deps, target, actor(account.id));
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
      accounts: await listOfficeAccountItems(deps, requireStaff(request).officeId, "staff"),
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
      const { account, officeId } = requireOfficeAdmin(request);
      const created = await inviteStaff(deps, officeId, request.body, actor(account.id));
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
        body: z.object({ role: staffRoleSchema, active: z.boolean() }).partial(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { account, officeId } = requireOfficeAdmin(request);
      const target = await findOfficeAccount(deps, officeId, request.params.accountId, "staff");
      if (target.id === account.id) throw new AppError("conflict");
      const { role, active } = request.body;
      await deps.db.transaction(async (tx) => {
        await updateAccount(tx, target.id, {
          role,
          status:
            active === undefined
              ? undefined
              : active
                ? target.passwordHash
                  ? "active"
                  : "invited"
                : "deactivated",
        });
        if (active === false) await endAccountSessions(tx, target.id, deps.clock.now());
        await recordAuditEvent(tx, deps.clock, {
          actor: actor(account.id),
          action: active === false ? "staff.deactivated" : "staff.changed",
          subject: { type: "account", id: target.id },
          details: { role, active },
        });
      });
      return reply.status(204).send(null);
    },
  );
};
