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
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { requireAccount } from "../accounts/session-plugin.ts";
import { findOfficeById, type OfficeRow } from "../offices/repository.ts";
import { changeOfficeEmail } from "../offices/service.ts";
import { certificateState, EXPIRY_WINDOW_DAYS, toCertificateSummary } from "./certificate-state.ts";
import type { CertificatesDeps } from "./deps.ts";
import { addressOnOfficeDomain, issueCertificate, toConfirmation } from "./issue-certificate.ts";
import {
  findCertificate,
  findOpenDemand,
  insertDemand,
  listBouncedMails,
  listExpiringCurrent,
  listOfficeCertificates,
  listReminders,
  searchOffices,
} from "./repository.ts";
import { revokeCertificate } from "./revocation.ts";

const DAY_MS = 24 * 60 * 60_000;
const officeParams = z.object({ officeId: z.uuid() });
const certificateParams = z.object({ certificateId: z.uuid() });

/**
 * The servicedesk and member administration (A8–A11): offices and their certificates, a new
 * certificate when the password is lost, a demanded reissue, revocation, bounces and the
 * expiry overview. Platform staff only.
 */
export const servicedeskRoutes: FastifyPluginAsyncZod<{ deps: CertificatesDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["servicedesk: certificates"];
  const errors = errorResponses(400, 401, 403, 404, 409);
  const platformStaff = (request: Parameters<typeof requireAccount>[0]) => {
    const { account } = requireAccount(request, { kinds: ["platform"] });
    return { type: "platform-staff" as const, id: account.id };
  };
  const requireOffice = async (db: Database, officeId: string): Promise<OfficeRow> => {
    const office = await findOfficeById(db, officeId);
    if (!office) throw new AppError("not_found");
    return office;
  };

  async function officeDetail(officeId: string) {
    const office = await requireOffice(deps.db, officeId);
    const now = deps.clock.now();
    const [certificates, demand, bounces] = await Promise.all([
      listOfficeCertificates(deps.db, officeId),
      findOpenDemand(deps.db, officeId),
      listBouncedMails(deps.db, officeId),
    ]);
    const [newest] = certificates;
    return {
      id: office.id,
      name: office.name,
      debtorNumber: office.debtorNumber,
      email: office.email,
      certificateState: newest ? certificateState(newest, now) : null,
      certificateNotAfter: newest?.notAfter.toISOString() ?? null,
      certificates: certificates.map((certificate) => toCertificateSummary(certificate, now)),
      openReissueDemand: demand
        ? { reason: demand.reason, demandedAt: demand.demandedAt.toISOString() }
        : null,
      bounces: bounces.map((bounce) => ({
        to: bounce.to,
        subject: bounce.subject,
        at: bounce.at.toISOString(),
      })),
    };
  }

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
      platformStaff(request);
      const now = deps.clock.now();
      const offices = await searchOffices(deps.db, request.query.q);
      return {
        offices: await Promise.all(
          offices.map(async (office) => {
            const [newest] = await listOfficeCertificates(deps.db, office.id);
            return {
              id: office.id,
              name: office.name,
              debtorNumber: office.debtorNumber,
              email: office.email,
              certificateState: newest ? certificateState(newest, now) : null,
              certificateNotAfter: newest?.notAfter.toISOString() ?? null,
            };
          }),
        ),
      };
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
      platformStaff(request);
      return officeDetail(request.params.officeId);
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
      const actor = platformStaff(request);
      await changeOfficeEmail(
        deps.db,
        deps.clock,
        request.params.officeId,
        request.body.email,
        actor,
      );
      return officeDetail(request.params.officeId);
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
      const actor = platformStaff(request);
      await deps.authorities.get();
      const confirmation = await deps.db.transaction(async (tx) => {
        const office = await requireOffice(tx, request.params.officeId);
        const issued = await issueCertificate(deps, tx, {
          office,
          sentTo: addressOnOfficeDomain(office, request.body.emailLocalPart),
          mobile: request.body.mobile,
          legacyPkcs12: request.body.legacyPkcs12,
          via: "servicedesk",
          actor,
          revokePrevious: true,
        });
        return toConfirmation(office, issued);
      });
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
      const actor = platformStaff(request);
      await deps.db.transaction(async (tx) => {
        const office = await requireOffice(tx, request.params.officeId);
        await insertDemand(tx, {
          officeId: office.id,
          reason: request.body.reason,
          demandedByAccountId: actor.id,
          demandedAt: deps.clock.now(),
        });
        await recordAuditEvent(tx, deps.clock, {
          actor,
          action: "certificate.reissue-demanded",
          subject: { type: "office", id: office.id },
          details: { reason: request.body.reason },
        });
      });
      return reply.status(201).send(await officeDetail(request.params.officeId));
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
      const actor = platformStaff(request);
      const existing = await findCertificate(deps.db, request.params.certificateId);
      if (!existing) throw new AppError("not_found");
      await revokeCertificate(deps, existing.id, request.body.reason, actor);
      const current = await findCertificate(deps.db, existing.id);
      return toCertificateSummary(current ?? existing, deps.clock.now());
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
      platformStaff(request);
      const now = deps.clock.now();
      const until = new Date(now.getTime() + EXPIRY_WINDOW_DAYS * DAY_MS);
      const expiring = await listExpiringCurrent(deps.db, now, until, { includeReplaced: true });
      const reminders = await listReminders(
        deps.db,
        expiring.map(({ certificate }) => certificate.id),
      );
      return {
        certificates: expiring.map(({ certificate, office }) => ({
          officeId: office.id,
          officeName: office.name,
          debtorNumber: office.debtorNumber,
          serialNumber: certificate.serialNumber,
          notAfter: certificate.notAfter.toISOString(),
          remindersSent: reminders
            .filter((reminder) => reminder.certificateId === certificate.id)
            .map((reminder) => reminder.daysBefore),
          replaced: certificate.supersededAt !== null,
        })),
      };
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
      platformStaff(request);
      const bounces = await listBouncedMails(deps.db);
      return {
        bounces: bounces.map((bounce) => ({
          officeId: bounce.officeId,
          officeName: bounce.officeName,
          to: bounce.to,
          subject: bounce.subject,
          reason: bounce.reason ?? "",
          at: bounce.at.toISOString(),
        })),
      };
    },
  );
};
