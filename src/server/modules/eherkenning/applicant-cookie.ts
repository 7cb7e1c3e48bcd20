import type { FastifyReply, FastifyRequest } from "fastify";
import { DAY } from "#src/server/platform/clock.ts";

/**
 * The cookie that holds an eHerkenning applicant's access token: HttpOnly, Secure, host-only
 * (`__Host-`, like the session cookie) and SameSite=Strict, since only Poort's own pages ever
 * need to send it. The applicant has no account; this cookie (or the mailed link that sets it
 * again) is what makes them the applicant.
 */
export const APPLICATION_COOKIE = "__Host-poort_eh_application";

/** Long enough for the signatures, the review and the identification window. */
const APPLICATION_COOKIE_MAX_AGE_S = (120 * DAY) / 1000;

export function setApplicationCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(APPLICATION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    secure: true,
    sameSite: "strict",
    maxAge: APPLICATION_COOKIE_MAX_AGE_S,
  });
}

export function applicationCookie(request: FastifyRequest): string | undefined {
  return request.cookies[APPLICATION_COOKIE];
}
