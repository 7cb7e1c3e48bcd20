import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  bounceListSchema,
  certificateSummarySchema,
  changeOfficeEmailSchema,
  expiringListSchema,
  officeDetailSchema,
  officeListSchema,
  officeSearchSchema,
  reissueDemandSchema,
  requestConfirmationSchema,
  revokeSchema,
  servicedeskIssueSchema,
} from "#src/contracts/certificates.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { auditActor, requirePlatformStaff } from "#src/server/modules/accounts/request-actors.ts";
import type { CertificatesDeps } from "#src/server/modules/certificates/deps.ts";
import { expiringOverview } from "#src/server/modules/certificates/expiring-overview.ts";
import { listOfficeBounces } from "#src/server/modules/certificates/office-bounces.ts";
import {
  officeDetail,
  searchOfficesWithCertificates,
} from "#src/server/modules/certificates/office-details.ts";
import { demandReissue, reissueCertificate } from "#src/server/modules/certificates/reissues.ts";
import { revokeOnRequest } from "#src/server/modules/certificates/revocation.ts";
import { changeOfficeEmail } from "#src/server/modules/offices/service.ts";

const officeParams = z.object({ officeId: z.uuid() });
const certificateParams = z.object({ certificateId: z.uuid() });

/**
 * The servicedesk and member administration (A8–A11): offices and their certificates, a new
 * certificate when the password is lost, a demanded reissue, revocation, bounces and the
 * expiry overview. Platform staff only: every route asks `requirePlatformStaff` first, which is
 * what lets the services below look across offices.
 */
export const servicedeskRoutes: FastifyPluginAsyncZod<{ deps: CertificatesDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["servicedesk: certificates"];
  const errors = errorResponses(400, 401, 403, 404, 409);

  app.get(
    "/api/servicedesk/offices",
    {
      schema: {
        tags,
        summary: "Offices by name or debtor number, with their newest certificate",
        querystring: officeSearchSchema,
        response: { 200: officeListSchema, ...errors },
      },
    },
    async (request) => {
      requirePlatformStaff(request);
      return searchOfficesWithCertificates(deps, request.query.q);
    },
  );

  app.get(
    "/api/servicedesk/offices/:officeId",
    {
      schema: {
        tags,
        summary: "An office with its certificates, an open reissue demand and its bounces",
        params: officeParams,
        response: { 200: officeDetailSchema, ...errors },
      },
    },
    async (request) => {
      requirePlatformStaff(request);
      return officeDetail(deps, request.params.officeId);
    },
  );

  app.patch(
    "/api/servicedesk/offices/:officeId/email",
    {
      schema: {
        tags,
        summary: "Change the registered address and with it the mail domain (A10)",
        params: officeParams,
        body: changeOfficeEmailSchema,
        response: { 200: officeDetailSchema, ...errors },
      },
    },
    async (request) => {
      const account = requirePlatformStaff(request);
      const { officeId } = request.params;
      await changeOfficeEmail(
        deps.db,
        deps.clock,
        officeId,
        request.body.email,
        auditActor(account),
      );
      return officeDetail(deps, officeId);
    },
  );

  app.post(
    "/api/servicedesk/offices/:officeId/certificates",
    {
      schema: {
        tags,
        summary: "Issue a new certificate (password lost); the old one is revoked 14 days on (A8)",
        params: officeParams,
        body: servicedeskIssueSchema,
        response: { 201: requestConfirmationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const account = requirePlatformStaff(request);
      const confirmation = await reissueCertificate(
        deps,
        request.params.officeId,
        request.body,
        auditActor(account),
      );
      return reply.status(201).send(confirmation);
    },
  );

  app.post(
    "/api/servicedesk/offices/:officeId/reissue-demands",
    {
      schema: {
        tags,
        summary: "Demand that the office replaces its certificate at once (A11)",
        params: officeParams,
        body: reissueDemandSchema,
        response: { 201: officeDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const account = requirePlatformStaff(request);
      const { officeId } = request.params;
      await demandReissue(deps, officeId, request.body.reason, account);
      return reply.status(201).send(await officeDetail(deps, officeId));
    },
  );

  app.post(
    "/api/servicedesk/certificates/:certificateId/revoke",
    {
      schema: {
        tags,
        summary: "Revoke a certificate at once (e.g. key compromise)",
        params: certificateParams,
        body: revokeSchema,
        response: { 200: certificateSummarySchema, ...errors },
      },
    },
    async (request) => {
      const account = requirePlatformStaff(request);
      const { certificateId } = request.params;
      return revokeOnRequest(deps, certificateId, request.body.reason, auditActor(account));
    },
  );

  app.get(
    "/api/servicedesk/expiring",
    {
      schema: {
        tags,
        summary: "Certificates expiring in the next 60 days, and whether the office has acted",
        response: { 200: expiringListSchema, ...errors },
      },
    },
    async (request) => {
      requirePlatformStaff(request);
      return expiringOverview(deps);
    },
  );

  app.get(
    "/api/servicedesk/bounces",
    {
      schema: {
        tags,
        summary: "Mails to offices that a receiving server refused for good (A9)",
        response: { 200: bounceListSchema, ...errors },
      },
    },
    async (request) => {
      requirePlatformStaff(request);
      return listOfficeBounces(deps);
    },
  );
};
