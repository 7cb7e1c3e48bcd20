import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  acceptedSchema,
  accountKindSchema,
  linkStateSchema,
  linkTokenSchema,
  loginOutcomeSchema,
  loginSchema,
  requestPasswordResetSchema,
  secondFactorSchema,
  sessionStateSchema,
  setPasswordSchema,
  startActivationSchema,
} from "#src/contracts/accounts.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import { consumeRateLimit } from "#src/server/platform/security/rate-limiter.ts";
import { describeAccount } from "./account-summary.ts";
import {
  confirmInvitationEmail,
  describeLink,
  requestPasswordReset,
  setPasswordWithLink,
} from "./activation.ts";
import { admitFromAddress } from "./address-limits.ts";
import { type AccountsDeps, requestOrigin } from "./deps.ts";
import { logIn } from "./login.ts";
import { describeOfficeChoice } from "./office-choice.ts";
import { logOut } from "./profile.ts";
import { completeSecondFactor, sendLoginCode } from "./second-factor.ts";
import {
  clearSessionCookie,
  csrfTokenFor,
  requireAccount,
  setSessionCookie,
} from "./session-plugin.ts";
import { endSessionNow, idleExpiry, idleSecondsLeft } from "./sessions.ts";

const errors = errorResponses(400, 401, 410, 429);

/** Link pages, login and its second step, logout: everything before and around a session. */
export const authRoutes: FastifyPluginAsyncZod<{ deps: AccountsDeps }> = async (app, { deps }) => {
  const { db, clock } = deps;
  /** Link and code requests per address: enough for people, too few for a script. */
  const limitPerIp = async (ip: string, action: string, limit: number) => {
    const result = await consumeRateLimit(db, clock, `${action}:ip:${ip}`, {
      limit,
      windowMs: 15 * MINUTE,
    });
    if (!result.allowed) throw new AppError("rate_limited");
  };

  app.get(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "Who is logged in, and the CSRF token for state-changing requests",
        response: { 200: sessionStateSchema },
      },
    },
    async (request, reply) => {
      const csrfToken = csrfTokenFor(request, reply);
      const { account, session } = request;
      if (!account || !session) return { csrfToken };
      const choosesOffice = account.kind === "client" && session.stage === "complete";
      return {
        csrfToken,
        account: await describeAccount(db, account, request.clientMembership),
        ...(choosesOffice
          ? { officeChoice: await describeOfficeChoice(db, account, session) }
          : {}),
        stage: session.stage,
        signOn: session.signOn,
        idleExpiresAt: idleExpiry(session).toISOString(),
        idleSecondsLeft: idleSecondsLeft(session, clock.now()),
      };
    },
  );

  app.get(
    "/api/auth/links/:token",
    {
      schema: {
        tags: ["session"],
        summary: "What a mailed link is for; 410 when it expired or was used",
        params: z.object({ token: linkTokenSchema }),
        response: { 200: linkStateSchema, ...errors },
      },
    },
    async (request) => {
      await limitPerIp(request.ip, "link", 60);
      return describeLink(deps, request.params.token);
    },
  );

  app.post(
    "/api/auth/activation",
    {
      schema: {
        tags: ["session"],
        summary: "Activation step 2: the invited e-mail address; mail 2 follows when it matches",
        body: startActivationSchema,
        response: { 202: acceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      await limitPerIp(request.ip, "activation", 20);
      await confirmInvitationEmail(
        deps,
        request.body.token,
        request.body.email,
        requestOrigin(request),
      );
      return reply.status(202).send({ status: "accepted" as const });
    },
  );

  app.post(
    "/api/auth/password-reset",
    {
      schema: {
        tags: ["session"],
        summary: "Forgotten password: a link by mail, if the address has an account",
        body: requestPasswordResetSchema,
        response: { 202: acceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      await limitPerIp(request.ip, "password-reset", 10);
      await requestPasswordReset(
        deps,
        request.body.area,
        request.body.email,
        requestOrigin(request),
      );
      return reply.status(202).send({ status: "accepted" as const });
    },
  );

  app.post(
    "/api/auth/password",
    {
      schema: {
        tags: ["session"],
        summary: "Instellen wachtwoord: set the password with a mailed link, and log in",
        body: setPasswordSchema,
        response: { 200: loginOutcomeSchema, ...errors },
      },
    },
    async (request, reply) => {
      await limitPerIp(request.ip, "password", 20);
      if (request.session) await endSessionNow(db, clock, request.session.id);
      const result = await setPasswordWithLink(
        deps,
        request.body.token,
        request.body.password,
        requestOrigin(request),
      );
      setSessionCookie(reply, result.session);
      return result.outcome;
    },
  );

  app.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["session"],
        summary: "Log in with e-mail address and password",
        body: loginSchema,
        response: { 200: loginOutcomeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await logIn(deps, request.body, requestOrigin(request), request.session?.id);
      setSessionCookie(reply, result.session);
      return result.outcome;
    },
  );

  app.post(
    "/api/auth/second-factor",
    {
      schema: {
        tags: ["session"],
        summary: "The second step of a login: SMS, authenticator or recovery code",
        body: secondFactorSchema,
        response: { 200: loginOutcomeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { account, session } = requireAccount(request, {
        kinds: accountKindSchema.options,
        allowSecondFactorPending: true,
      });
      await admitFromAddress(deps, "second-factor", request.ip);
      // Per account too: guessing codes from many addresses gets no further.
      const perAccount = { limit: 10, windowMs: 15 * MINUTE };
      const key = `second-factor:account:${account.id}`;
      if (!(await consumeRateLimit(db, clock, key, perAccount)).allowed) {
        throw new AppError("rate_limited");
      }
      const started = await completeSecondFactor(
        deps,
        session,
        request.body,
        requestOrigin(request),
      );
      setSessionCookie(reply, started);
      return { next: "done" as const, firstLogin: !account.profileSeenAt };
    },
  );

  app.post(
    "/api/auth/second-factor/resend",
    {
      schema: {
        tags: ["session"],
        summary: "Send a new SMS code for the second step",
        response: { 202: acceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { account } = requireAccount(request, {
        kinds: accountKindSchema.options,
        allowSecondFactorPending: true,
      });
      await limitPerIp(request.ip, "sms-code", 5);
      if (account.twoFactorMethod !== "sms") throw new AppError("conflict");
      await db.transaction((tx) => sendLoginCode(deps, tx, account));
      return reply.status(202).send({ status: "accepted" as const });
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["session"], summary: "Log out", response: { 204: z.null() } } },
    async (request, reply) => {
      const { session, account } = request;
      if (session && account) await logOut(deps, account, session.id, requestOrigin(request));
      else if (session) await endSessionNow(db, clock, session.id);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
};
