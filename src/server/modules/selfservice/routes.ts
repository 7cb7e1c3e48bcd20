import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  presentedCertificateSchema,
  requestConfirmationSchema,
  requestFormSchema,
  selfServiceLoginSchema,
  submitRequestSchema,
} from "#src/contracts/certificates.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { type AccountsDeps, requestOrigin } from "#src/server/modules/accounts/deps.ts";
import { submitCertificateRequest } from "#src/server/modules/certificates/certificate-requests.ts";
import type { CertificatesDeps } from "#src/server/modules/certificates/deps.ts";
import { logInToRequestForm } from "./login.ts";
import { requireOfficeActor } from "./office-actor.ts";

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
      const { office, certificate } = requireOfficeActor(request);
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
    async (request) =>
      logInToRequestForm(
        { certificates: deps, accounts },
        requireOfficeActor(request),
        request.body,
        requestOrigin(request),
      ),
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
      const confirmation = await submitCertificateRequest(
        deps,
        requireOfficeActor(request),
        request.body,
      );
      return reply.status(201).send(confirmation);
    },
  );
};
