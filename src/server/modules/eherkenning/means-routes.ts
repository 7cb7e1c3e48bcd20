import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  meansSearchQuerySchema,
  meansSearchResultSchema,
  meansViewSchema,
  myMeansSchema,
  revokeMeansSchema,
  supplierMeansSchema,
} from "#src/contracts/eherkenning/means.ts";
import { errorResponses } from "#src/contracts/error.ts";
import {
  auditActor,
  requireMeansHolder,
  requireSupplier,
} from "#src/server/modules/accounts/request-actors.ts";
import { myMeans, renewAuthorization } from "#src/server/modules/means/holder-means.ts";
import {
  revokeAuthorization,
  revokeMeans,
  searchMeans,
} from "#src/server/modules/means/supplier-means.ts";
import type { EherkenningDeps } from "#src/server/modules/means-applications/deps.ts";
import { requestLocale } from "#src/server/request-locale.ts";

const reviewers = ["admin", "reviewer"] as const;

/**
 * Issued means (C6): the holder's own ("Mijn eHerkenning", "Verlengen"), and the supplier's
 * search and revocation (reviewers and admins).
 */
export const meansRoutes: FastifyPluginAsyncZod<{ deps: EherkenningDeps }> = async (
  app,
  { deps },
) => {
  const errors = errorResponses(400, 401, 403, 404, 409);

  app.get(
    "/api/eherkenning/means/mine",
    {
      schema: {
        tags: ["eherkenning: means holder"],
        summary: "The holder's means with its authorizations",
        response: { 200: myMeansSchema, ...errors },
      },
    },
    async (request) => myMeans(deps, requireMeansHolder(request), requestLocale(request)),
  );

  app.post(
    "/api/eherkenning/means/authorizations/:authorizationId/renewal",
    {
      schema: {
        tags: ["eherkenning: means holder"],
        summary: "Renew an authorization in its last 30 days: five years from now",
        params: z.object({ authorizationId: z.uuid() }),
        response: { 200: meansViewSchema, ...errors },
      },
    },
    async (request) =>
      renewAuthorization(
        deps,
        requireMeansHolder(request),
        request.params.authorizationId,
        requestLocale(request),
      ),
  );

  const tags = ["eherkenning: means (supplier)"];

  app.get(
    "/api/eherkenning/beheer/means",
    {
      schema: {
        tags,
        summary: "Means by (part of) the holder's e-mail address, with their authorizations",
        querystring: meansSearchQuerySchema,
        response: { 200: meansSearchResultSchema, ...errors },
      },
    },
    async (request) => {
      requireSupplier(request, reviewers);
      return searchMeans(deps, request.query.email, requestLocale(request));
    },
  );

  app.post(
    "/api/eherkenning/beheer/means/:meansId/revocation",
    {
      schema: {
        tags,
        summary: "Revoke a means: it and all its authorizations stop; the holder is mailed",
        params: z.object({ meansId: z.uuid() }),
        body: revokeMeansSchema,
        response: { 200: supplierMeansSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, reviewers);
      return revokeMeans(
        deps,
        request.params.meansId,
        request.body.reason,
        auditActor(account),
        requestLocale(request),
      );
    },
  );

  app.post(
    "/api/eherkenning/beheer/authorizations/:authorizationId/revocation",
    {
      schema: {
        tags,
        summary: "Revoke one authorization; the holder is mailed",
        params: z.object({ authorizationId: z.uuid() }),
        body: revokeMeansSchema,
        response: { 200: supplierMeansSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, reviewers);
      return revokeAuthorization(
        deps,
        request.params.authorizationId,
        request.body.reason,
        auditActor(account),
        requestLocale(request),
      );
    },
  );
};
