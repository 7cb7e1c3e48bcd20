import { z } from "zod";
import {
  acceptedSchema,
  addExtraAccountSchema,
  chooseOfficeSchema,
  codeInputSchema,
  extraAccountListSchema,
  extraAccountSchema,
  linkStateSchema,
  loginOutcomeSchema,
  loginSchema,
  mobileNumberInputSchema,
  passwordConfirmationSchema,
  profileSchema,
  recoveryCodesSchema,
  requestPasswordResetSchema,
  secondFactorSchema,
  securityEventListSchema,
  securityEventQuerySchema,
  sessionListSchema,
  sessionStateSchema,
  setPasswordSchema,
  smsCodeSentSchema,
  startActivationSchema,
  totpSetupSchema,
  updateProfileSchema,
} from "../accounts.ts";
import { defineEndpoint } from "./endpoint.ts";

/**
 * The calls every login area makes: the session, mailed links, login and its second step,
 * and "Mijn gegevens" (`/api/me`).
 */
export const accountApi = {
  session: defineEndpoint({ method: "GET", path: "/api/session", response: sessionStateSchema }),
  linkState: defineEndpoint({
    method: "GET",
    path: "/api/auth/links/:token",
    response: linkStateSchema,
  }),
  startActivation: defineEndpoint({
    method: "POST",
    path: "/api/auth/activation",
    body: startActivationSchema,
    response: acceptedSchema,
  }),
  requestPasswordReset: defineEndpoint({
    method: "POST",
    path: "/api/auth/password-reset",
    body: requestPasswordResetSchema,
    response: acceptedSchema,
  }),
  setPassword: defineEndpoint({
    method: "POST",
    path: "/api/auth/password",
    body: setPasswordSchema,
    response: loginOutcomeSchema,
  }),
  logIn: defineEndpoint({
    method: "POST",
    path: "/api/auth/login",
    body: loginSchema,
    response: loginOutcomeSchema,
  }),
  verifySecondFactor: defineEndpoint({
    method: "POST",
    path: "/api/auth/second-factor",
    body: secondFactorSchema,
    response: loginOutcomeSchema,
  }),
  resendLoginCode: defineEndpoint({
    method: "POST",
    path: "/api/auth/second-factor/resend",
    response: acceptedSchema,
  }),
  logOut: defineEndpoint({ method: "POST", path: "/api/auth/logout", response: z.null() }),

  profile: defineEndpoint({ method: "GET", path: "/api/me/profile", response: profileSchema }),
  updateProfile: defineEndpoint({
    method: "PATCH",
    path: "/api/me/profile",
    body: updateProfileSchema,
    response: profileSchema,
  }),
  sessions: defineEndpoint({
    method: "GET",
    path: "/api/me/sessions",
    response: sessionListSchema,
  }),
  endOtherSessions: defineEndpoint({
    method: "POST",
    path: "/api/me/sessions/end-others",
    response: z.null(),
  }),
  securityEvents: defineEndpoint({
    method: "GET",
    path: "/api/me/security-events",
    query: securityEventQuerySchema,
    response: securityEventListSchema,
  }),

  startSmsSetup: defineEndpoint({
    method: "POST",
    path: "/api/me/two-factor/sms",
    body: mobileNumberInputSchema,
    response: smsCodeSentSchema,
  }),
  startTotpSetup: defineEndpoint({
    method: "POST",
    path: "/api/me/two-factor/totp",
    response: totpSetupSchema,
  }),
  confirmSmsSetup: defineEndpoint({
    method: "POST",
    path: "/api/me/two-factor/sms/confirm",
    body: codeInputSchema,
    response: recoveryCodesSchema,
  }),
  confirmTotpSetup: defineEndpoint({
    method: "POST",
    path: "/api/me/two-factor/totp/confirm",
    body: codeInputSchema,
    response: recoveryCodesSchema,
  }),
  newRecoveryCodes: defineEndpoint({
    method: "POST",
    path: "/api/me/two-factor/recovery-codes",
    body: passwordConfirmationSchema,
    response: recoveryCodesSchema,
  }),
  disableTwoFactor: defineEndpoint({
    method: "POST",
    path: "/api/me/two-factor/disable",
    body: passwordConfirmationSchema,
    response: z.null(),
  }),

  /** A client login of several offices chooses the office this session acts for (ADR 0011). */
  chooseOffice: defineEndpoint({
    method: "POST",
    path: "/api/me/office",
    body: chooseOfficeSchema,
    response: z.null(),
  }),

  extraAccounts: defineEndpoint({
    method: "GET",
    path: "/api/me/extra-accounts",
    response: extraAccountListSchema,
  }),
  addExtraAccount: defineEndpoint({
    method: "POST",
    path: "/api/me/extra-accounts",
    body: addExtraAccountSchema,
    response: extraAccountSchema,
  }),
  removeExtraAccount: defineEndpoint({
    method: "DELETE",
    path: "/api/me/extra-accounts/:accountId",
    response: z.null(),
  }),
};
