import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  rejectApplicationSchema,
  reviewApplicationSchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
} from "#src/contracts/eherkenning/review.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { auditActor, requireSupplier } from "#src/server/modules/accounts/request-actors.ts";
import { contentDisposition } from "#src/server/modules/documents/document-content.ts";
import type { EherkenningDeps } from "#src/server/modules/means-applications/deps.ts";
import {
  approveApplication,
  rejectApplication,
} from "#src/server/modules/means-applications/review-decisions.ts";
import {
  openAttachment,
  reviewApplication,
  reviewQueue,
} from "#src/server/modules/means-applications/review-queue.ts";
import { requestLocale } from "#src/server/request-locale.ts";

const reviewers = ["admin", "reviewer"] as const;
const applicationParams = z.object({ applicationId: z.uuid() });
const attachmentParams = applicationParams.extend({ attachmentId: z.uuid() });

/**
 * The supplier's review of applications (C5): the queue by state, one application with its
 * checklist and ID copies, approving and rejecting. Reviewers and admins only; a partner agent
 * has the identification routes instead.
 */
export const reviewRoutes: FastifyPluginAsyncZod<{ deps: EherkenningDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["eherkenning: review"];
  const errors = errorResponses(400, 401, 403, 404, 409);

  app.get(
    "/api/eherkenning/beheer/applications",
    {
      schema: {
        tags,
        summary: "Applications in one state, oldest first",
        querystring: reviewQueueQuerySchema,
        response: { 200: reviewQueueSchema, ...errors },
      },
    },
    async (request) => {
      requireSupplier(request, reviewers);
      return reviewQueue(deps, request.query.state);
    },
  );

  app.get(
    "/api/eherkenning/beheer/applications/:applicationId",
    {
      schema: {
        tags,
        summary: "One application: data, company, signatures, ID copies, checklist",
        params: applicationParams,
        response: { 200: reviewApplicationSchema, ...errors },
      },
    },
    async (request) => {
      requireSupplier(request, reviewers);
      return reviewApplication(deps, request.params.applicationId, requestLocale(request));
    },
  );

  app.get(
    "/api/eherkenning/beheer/applications/:applicationId/attachments/:attachmentId",
    {
      schema: {
        tags,
        summary: "An ID copy as stored, to view or download; the reading is audited",
        params: attachmentParams,
        querystring: z.object({
          disposition: z.enum(["attachment", "inline"]).default("attachment"),
        }),
      },
    },
    async (request, reply) => {
      const account = requireSupplier(request, reviewers);
      const { attachment, content } = await openAttachment(
        deps,
        request.params.applicationId,
        request.params.attachmentId,
        { actor: auditActor(account), ip: request.ip },
      );
      return reply
        .header("content-type", attachment.contentType)
        .header("content-length", attachment.size)
        .header(
          "content-disposition",
          contentDisposition(request.query.disposition, attachment.fileName),
        )
        .header("cache-control", "private, no-store")
        .send(content);
    },
  );

  app.post(
    "/api/eherkenning/beheer/applications/:applicationId/approval",
    {
      schema: {
        tags,
        summary: "Approve: EH2+ is issued at once, EH3/EH4 go to the identification",
        params: applicationParams,
        response: { 200: reviewApplicationSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, reviewers);
      return approveApplication(
        deps,
        request.params.applicationId,
        account,
        requestLocale(request),
      );
    },
  );

  app.post(
    "/api/eherkenning/beheer/applications/:applicationId/rejection",
    {
      schema: {
        tags,
        summary: "Reject with a reason, which is mailed to the user",
        params: applicationParams,
        body: rejectApplicationSchema,
        response: { 200: reviewApplicationSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, reviewers);
      return rejectApplication(
        deps,
        request.params.applicationId,
        request.body.reason,
        account,
        requestLocale(request),
      );
    },
  );
};
