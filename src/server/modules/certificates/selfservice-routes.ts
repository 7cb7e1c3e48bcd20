import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  presentedCertificateSchema,
  requestConfirmationSchema,
  requestFormSchema,
  selfServiceLoginSchema,
  submitRequestSchema,
} from "#src/contracts/certificates.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { hashToken, newToken } from "#src/server/platform/security/random-secrets.ts";
import type { AccountsDeps } from "../accounts/deps.ts";
import { requestOrigin } from "../accounts/deps.ts";
import { verifyCredentials } from "../accounts/login.ts";
import type { CertificatesDeps } from "./deps.ts";
import { addressOnOfficeDomain, issueCertificate, toConfirmation } from "./issue-certificate.ts";
import type { ClientCertificateCheck } from "./mtls/check-client-certificate.ts";
import { completeRequest, findOpenDemand, insertRequest, lockRequest } from "./repository.ts";

/** How long the request form of one login stays usable. */
const REQUEST_TTL_MS = 30 * 60_000;

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the mTLS listener for every request it lets through: a valid office certificate. */
    officeCertificate: Extract<ClientCertificateCheck, { kind: "valid" }> | undefined;
  }
}

function presented(request: { officeCertificate?: ClientCertificateCheck | undefined }) {
  const check = request.officeCertificate;
  if (check?.kind !== "valid") throw new AppError("certificate_missing");
  return check;
}

/**
 * The certificate self-service (A3–A7) on the mTLS listener: the office certificate AND the
 * username and password of a staff member of that same office open the request form; its
 * submit issues the new certificate exactly once.
 */
export const selfServiceRoutes: FastifyPluginAsyncZod<{
  deps: CertificatesDeps;
  accounts: AccountsDeps;
}> = async (app, { deps, accounts }) => {
  const tags = ["self-service"];
  const errors = errorResponses(400, 401, 403, 409, 410, 429);

  app.get(
    "/api/selfservice/certificate",
    {
      schema: {
        tags,
        summary: "The office and certificate this browser presented",
        response: { 200: presentedCertificateSchema, ...errors },
      },
    },
    async (request) => {
      const { certificate, office } = presented(request);
      return {
        officeName: office.name,
        debtorNumber: office.debtorNumber,
        serialNumber: certificate.serialNumber,
        notAfter: certificate.notAfter.toISOString(),
        organisation: deps.organisation,
      };
    },
  );

  app.post(
    "/api/selfservice/login",
    {
      schema: {
        tags,
        summary: "Log in with a staff account of the certificate's office; opens the request form",
        body: selfServiceLoginSchema,
        response: { 200: requestFormSchema, ...errors },
      },
    },
    async (request) => {
      const { certificate, office } = presented(request);
      const account = await verifyCredentials(
        accounts,
        { kind: "staff", ...request.body },
        requestOrigin(request),
      );
      const audit = (action: string) =>
        recordAuditEvent(deps.db, deps.clock, {
          actor: { type: "staff", id: account.id },
          action,
          subject: { type: "office", id: office.id },
          ip: request.ip,
          details: {
            certificateSerial: certificate.serialNumber,
            accountOfficeId: account.officeId,
          },
        });
      if (account.officeId !== office.id) {
        await audit("selfservice.login-office-mismatch");
        throw new AppError("certificate_office_mismatch");
      }
      await audit("selfservice.login");
      const token = newToken();
      const now = deps.clock.now();
      await insertRequest(deps.db, {
        tokenHash: hashToken(token),
        officeId: office.id,
        accountId: account.id,
        presentedSerial: certificate.serialNumber,
        expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
        createdAt: now,
      });
      const demand = await findOpenDemand(deps.db, office.id);
      return {
        requestToken: token,
        officeName: office.name,
        debtorNumber: office.debtorNumber,
        currentNotAfter: certificate.notAfter.toISOString(),
        registeredEmail: office.email,
        emailDomain: office.email.split("@")[1] ?? "",
        reissueDemanded: demand !== undefined,
        organisation: deps.organisation,
      };
    },
  );

  app.post(
    "/api/selfservice/requests",
    {
      schema: {
        tags,
        summary: "Request the new certificate: issued at once, mailed, the password shown once",
        body: submitRequestSchema,
        response: { 201: requestConfirmationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { certificate: current, office } = presented(request);
      const body = request.body;
      const issued = await deps.db.transaction(async (tx) => {
        const form = await lockRequest(tx, hashToken(body.requestToken));
        if (!form || form.officeId !== office.id || form.presentedSerial !== current.serialNumber) {
          throw new AppError("request_expired");
        }
        if (form.certificateId) throw new AppError("request_already_submitted");
        if (form.expiresAt <= deps.clock.now()) throw new AppError("request_expired");
        const result = await issueCertificate(deps, tx, {
          office,
          sentTo: addressOnOfficeDomain(office, body.emailLocalPart),
          mobile: body.mobile,
          legacyPkcs12: body.legacyPkcs12,
          via: "self-service",
          actor: { type: "staff", id: form.accountId },
          // A demanded reissue (A11) means the old certificate must go, as after A8.
          revokePrevious: (await findOpenDemand(tx, office.id)) !== undefined,
        });
        await completeRequest(tx, form.id, result.certificate.id);
        return result;
      });
      return reply.status(201).send(toConfirmation(office, issued));
    },
  );
};
