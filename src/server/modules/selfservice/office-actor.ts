import type { FastifyRequest } from "fastify";
import type { Office } from "#src/contracts/offices.ts";
import { type OfficeScope, officeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";

/** The office whose certificate a browser presented, as the self-service acts for it. */
export interface OfficeActor {
  office: Office;
  /** The certificate presented: each request form is bound to it. */
  certificate: { serialNumber: string; notAfter: Date };
  /** The office's view, for every query the self-service makes. */
  scope: OfficeScope;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the mTLS listener for every request it lets through. */
    officeActor: OfficeActor | undefined;
  }
}

/**
 * The office actor of a certificate that `checkClientCertificate` verified: the certificate
 * authenticates the office, as a session authenticates a staff member, so only here is the
 * office's scope made from it.
 */
export function officeActorOf(
  office: Office,
  certificate: OfficeActor["certificate"],
): OfficeActor {
  return { office, certificate, scope: officeScope(office.id) };
}

/** The office of the request's verified certificate; the mTLS listener admits no other. */
export function requireOfficeActor(request: FastifyRequest): OfficeActor {
  if (!request.officeActor) throw new AppError("certificate_missing");
  return request.officeActor;
}
