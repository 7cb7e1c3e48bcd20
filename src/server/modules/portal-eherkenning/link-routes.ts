import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { acceptedSchema, linkTokenSchema } from "#src/contracts/accounts.ts";
import {
  eherkenningLinkApprovalSchema,
  pendingEherkenningLinkSchema,
  portalEherkenningOfficesSchema,
  requestEherkenningLinkSchema,
} from "#src/contracts/eherkenning/portal-login.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { clearSessionCookie, requireAccount } from "../accounts/session-plugin.ts";
import { LINK_COOKIE } from "./cookies.ts";
import type { PortalEherkenningDeps } from "./deps.ts";
import { approveLink, describeApproval, describePendingLink, requestLink } from "./links.ts";
import { startLogout } from "./logout.ts";
import { loginOffices } from "./start-login.ts";

const errors = errorResponses(400, 401, 403, 404, 409, 410, 429);
const tokenParams = z.object({ token: linkTokenSchema });

/**
 * The portal web app's calls around a company's eHerkenning login: the offices to log in to,
 * the first login's request for a link, its approval by the account it was mailed to, and the
 * logout that ends the IdP's session too.
 */
export const portalEherkenningRoutes: FastifyPluginAsyncZod<{
  deps: PortalEherkenningDeps;
}> = async (app, { deps }) => {
  app.get(
    "/api/portal/eherkenning/offices",
    {
      schema: {
        tags: ["portal eherkenning"],
        summary: "The offices whose portal a company can log in to with eHerkenning",
        response: { 200: portalEherkenningOfficesSchema },
      },
    },
    async () => ({ offices: await loginOffices(deps) }),
  );

  app.get(
    "/api/portal/eherkenning/link",
    {
      schema: {
        tags: ["portal eherkenning"],
        summary: "The eHerkenning login this browser may link to an account of the company",
        response: { 200: pendingEherkenningLinkSchema, ...errors },
      },
    },
    async (request) => describePendingLink(deps, request.cookies[LINK_COOKIE]),
  );

  app.post(
    "/api/portal/eherkenning/link",
    {
      schema: {
        tags: ["portal eherkenning"],
        summary: "Koppeling aanvragen: a one-time approval link to the chosen account",
        body: requestEherkenningLinkSchema,
        response: { 202: acceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      await requestLink(deps, request.cookies[LINK_COOKIE], request.body, request.ip);
      return reply.status(202).send({ status: "accepted" as const });
    },
  );

  app.get(
    "/api/portal/eherkenning/approvals/:token",
    {
      schema: {
        tags: ["portal eherkenning"],
        summary: "The link the mailed approval link asks the logged-in account to approve",
        params: tokenParams,
        response: { 200: eherkenningLinkApprovalSchema, ...errors },
      },
    },
    async (request) => {
      const { account } = requireAccount(request, { kinds: ["client"] });
      return describeApproval(deps, request.params.token, account.id);
    },
  );

  app.post(
    "/api/portal/eherkenning/approvals/:token",
    {
      schema: {
        tags: ["portal eherkenning"],
        summary: "Koppeling goedkeuren: the eHerkenning logs in as this account from now on",
        params: tokenParams,
        response: { 200: eherkenningLinkApprovalSchema, ...errors },
      },
    },
    async (request) => {
      const { account } = requireAccount(request, { kinds: ["client"] });
      return approveLink(
        deps,
        request.params.token,
        { id: account.id, kind: "client" },
        request.ip,
      );
    },
  );

  app.post(
    "/api/portal/eherkenning/logout",
    {
      schema: {
        tags: ["portal eherkenning"],
        summary: "Log out after an eHerkenning login: the portal session, then the IdP's",
        response: { 200: z.object({ redirectTo: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const redirectTo = await startLogout(deps, request.session?.id, request.ip);
      clearSessionCookie(reply);
      return { redirectTo };
    },
  );
};
