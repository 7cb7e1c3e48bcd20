import type { FastifyRequest } from "fastify";
import { AppError } from "#src/server/errors.ts";
import type { StaffActor } from "../accounts/request-actors.ts";
import type { OfficeActor } from "../selfservice/office-actor.ts";

/**
 * Who calls the office API: the office whose certificate the mTLS listener verified, and the
 * office's practice software as the staff actor the services act for.
 */
export interface ApiCaller {
  office: OfficeActor;
  software: StaffActor;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set for every request of the office API, after its certificate and rate checks. */
    apiCaller: ApiCaller | undefined;
  }
}

/** The caller of an office API route; the API's own hook sets it before any route runs. */
export function requireApiCaller(request: FastifyRequest): ApiCaller {
  if (!request.apiCaller) throw new AppError("certificate_missing");
  return request.apiCaller;
}
