import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  accountKindSchema,
  addExtraAccountSchema,
  chooseOfficeSchema,
  codeInputSchema,
  extraAccountListSchema,
  extraAccountSchema,
  mobileNumberInputSchema,
  passwordConfirmationSchema,
  profileSchema,
  recoveryCodesSchema,
  securityEventListSchema,
  securityEventQuerySchema,
  sessionListSchema,
  smsCodeSentSchema,
  totpSetupSchema,
  updateProfileSchema,
} from "#src/contracts/accounts.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import { consumeRateLimit } from "#src/server/platform/security/rate-limiter.ts";
import { addExtraAccount, deleteExtraAccount, listExtraAccounts } from "./account-directory.ts";
import { type AccountsDeps, requestOrigin } from "./deps.ts";
import { chooseOffice } from "./office-choice.ts";
import { confirmPassword, endOtherSessions, getProfile, updateProfile } from "./profile.ts";
import { requireClient } from "./request-actors.ts";
import {
  confirmSmsEnrollment,
  confirmTotpEnrollment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startSmsEnrollment,
  startTotpEnrollment,
} from "./second-factor.ts";
import { ownSecurityEvents } from "./security-events.ts";
import { requireAccount } from "./session-plugin.ts";
import { describeSessions } from "./sessions.ts";

const errors = errorResponses(400, 401, 403, 404, 409, 429);
const everyone = { kinds: accountKindSchema.options };
// Staff without a second factor may still reach these, to set one up.
const setUp = { ...everyone, allowWithoutSecondFactor: true };

/** "Mijn gegevens": profile, language, notifications, 2-step verification, sessions, accounts. */
export const meRoutes: FastifyPluginAsyncZod<{ deps: AccountsDeps }> = async (app, { deps }) => {
  const limitCodes = async (accountId: string) => {
    const rule = { limit: 10, windowMs: 15 * MINUTE };
    const result = await consumeRateLimit(deps.db, deps.clock, `enrol-code:${accountId}`, rule);
    if (!result.allowed) throw new AppError("rate_limited");
  };
  const tags = ["my account"];

  app.get(
    "/api/me/profile",
    { schema: { tags, summary: "Mijn gegevens", response: { 200: profileSchema, ...errors } } },
    async (request) => getProfile(deps, requireAccount(request, setUp).account),
  );

  app.patch(
    "/api/me/profile",
    {
      schema: {
        tags,
        summary: "Change name, language or notifications",
        body: updateProfileSchema,
        response: { 200: profileSchema, ...errors },
      },
    },
    async (request) => updateProfile(deps, requireAccount(request, setUp).account, request.body),
  );

  app.get(
    "/api/me/sessions",
    {
      schema: { tags, summary: "Active sessions", response: { 200: sessionListSchema, ...errors } },
    },
    async (request) => {
      const { account, session } = requireAccount(request, setUp);
      return { sessions: await describeSessions(deps.db, deps.clock, account.id, session.id) };
    },
  );

  app.post(
    "/api/me/sessions/end-others",
    {
      schema: { tags, summary: "Sign out everywhere else", response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const { account, session } = requireAccount(request, setUp);
      await endOtherSessions(deps, account, session.id, requestOrigin(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me/security-events",
    {
      schema: {
        tags,
        summary:
          "The account's own security events (logins, 2-step changes, sessions), newest first",
        querystring: securityEventQuerySchema,
        response: { 200: securityEventListSchema, ...errors },
      },
    },
    async (request) => {
      const { account } = requireAccount(request, setUp);
      return ownSecurityEvents(deps.db, account.id, request.query.page);
    },
  );

  app.post(
    "/api/me/two-factor/sms",
    {
      schema: {
        tags,
        summary: "2-step verification by SMS: send a code to this number",
        body: mobileNumberInputSchema,
        response: { 202: smsCodeSentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { account } = requireAccount(request, setUp);
      await limitCodes(account.id);
      return reply.status(202).send(await startSmsEnrollment(deps, account, request.body.mobile));
    },
  );

  app.post(
    "/api/me/two-factor/totp",
    {
      schema: {
        tags,
        summary: "Authenticator app: a new secret as QR code",
        response: { 200: totpSetupSchema, ...errors },
      },
    },
    async (request) => startTotpEnrollment(deps, requireAccount(request, setUp).account),
  );

  // Confirming either method proves the user has it, and hands out the recovery codes once.
  const confirmations = [
    { method: "sms", confirm: confirmSmsEnrollment, proof: "the SMS code" },
    { method: "totp", confirm: confirmTotpEnrollment, proof: "a code from the app" },
  ] as const;
  for (const { method, confirm, proof } of confirmations) {
    app.post(
      `/api/me/two-factor/${method}/confirm`,
      {
        schema: {
          tags,
          summary: `Confirm with ${proof}; returns the recovery codes once`,
          body: codeInputSchema,
          response: { 200: recoveryCodesSchema, ...errors },
        },
      },
      async (request) => {
        const { account } = requireAccount(request, setUp);
        await limitCodes(account.id);
        const origin = requestOrigin(request);
        return { recoveryCodes: await confirm(deps, account, request.body.code, origin) };
      },
    );
  }

  app.post(
    "/api/me/two-factor/recovery-codes",
    {
      schema: {
        tags,
        summary: "New recovery codes (asks for the password)",
        body: passwordConfirmationSchema,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (request) => {
      const { account } = requireAccount(request, everyone);
      await confirmPassword(account, request.body.password);
      return {
        recoveryCodes: await regenerateRecoveryCodes(deps, account, requestOrigin(request)),
      };
    },
  );

  app.post(
    "/api/me/two-factor/disable",
    {
      schema: {
        tags,
        summary: "Turn 2-step verification off (clients; asks for the password)",
        body: passwordConfirmationSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { account } = requireAccount(request, { kinds: ["client"] });
      await confirmPassword(account, request.body.password);
      await disableTwoFactor(deps, account, requestOrigin(request));
      return reply.status(204).send(null);
    },
  );

  const clientsOnly = { kinds: ["client"] as const };
  app.post(
    "/api/me/office",
    {
      schema: {
        tags,
        summary:
          "A client login of several offices: the office (membership) this session acts for from now on",
        body: chooseOfficeSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { account, session } = requireAccount(request, clientsOnly);
      await chooseOffice(deps, account, session, request.body.membershipId, requestOrigin(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me/extra-accounts",
    {
      schema: {
        tags,
        summary: "A company's extra accounts, with what its main account may view of them",
        response: { 200: extraAccountListSchema, ...errors },
      },
    },
    async (request) => ({ accounts: await listExtraAccounts(deps, requireClient(request)) }),
  );

  app.post(
    "/api/me/extra-accounts",
    {
      schema: {
        tags,
        summary:
          "Add an extra account (main account of a company); the same answer whether or not the address has a login elsewhere",
        body: addExtraAccountSchema,
        response: { 201: extraAccountSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addExtraAccount(deps, requireClient(request), request.body)),
  );

  app.delete(
    "/api/me/extra-accounts/:accountId",
    {
      schema: {
        tags,
        summary:
          "End an extra account (its id in the list); its sessions for the company end at once",
        params: z.object({ accountId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteExtraAccount(deps, requireClient(request), request.params.accountId);
      return reply.status(204).send(null);
    },
  );
};
