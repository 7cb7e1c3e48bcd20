import {
  applicationAttachmentSchema,
  applicationLinkSchema,
  applicationViewSchema,
  codeSentSchema,
  companyLookupResultSchema,
  companyLookupSchema,
  declineSignatureSchema,
  replaceSignerSchema,
  saveCompanySchema,
  saveScopeSchema,
  saveUserSchema,
  sendContactCodeSchema,
  signatureRequestViewSchema,
  signSchema,
  verifyContactCodeSchema,
} from "../eherkenning/wizard.ts";
import { defineEndpoint } from "./endpoint.ts";

/**
 * The eHerkenning application wizard and the representatives' signing page. The applicant has
 * no account: the application is the one whose token this browser holds in a cookie
 * ("current"); a representative's link token names their signature request.
 */
export const eherkenningApplyApi = {
  start: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/applications",
    response: applicationViewSchema,
  }),
  /** The mailed "continue your application" link: this browser holds the application again. */
  restoreFromLink: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/applications/link",
    body: applicationLinkSchema,
    response: applicationViewSchema,
  }),
  /** The application this browser holds, or null when it holds none (yet). */
  current: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/applications/current",
    response: applicationViewSchema.nullable(),
  }),
  saveScope: defineEndpoint({
    method: "PUT",
    path: "/api/eherkenning/applications/current/scope",
    body: saveScopeSchema,
    response: applicationViewSchema,
  }),
  saveUser: defineEndpoint({
    method: "PUT",
    path: "/api/eherkenning/applications/current/user",
    body: saveUserSchema,
    response: applicationViewSchema,
  }),
  sendContactCode: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/applications/current/contact-codes",
    body: sendContactCodeSchema,
    response: codeSentSchema,
  }),
  verifyContactCode: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/applications/current/contact-verification",
    body: verifyContactCodeSchema,
    response: applicationViewSchema,
  }),
  lookupCompany: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/applications/current/company-lookup",
    body: companyLookupSchema,
    response: companyLookupResultSchema,
  }),
  saveCompany: defineEndpoint({
    method: "PUT",
    path: "/api/eherkenning/applications/current/company",
    body: saveCompanySchema,
    response: applicationViewSchema,
  }),
  /**
   * A copy of the user's ID (multipart: documentType, expiresOn, then file); sent with
   * `fetch` and a FormData, so there is no JSON body contract.
   */
  addIdCopy: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/applications/current/attachments",
    response: applicationAttachmentSchema,
  }),
  removeAttachment: defineEndpoint({
    method: "DELETE",
    path: "/api/eherkenning/applications/current/attachments/:attachmentId",
    response: applicationViewSchema,
  }),
  submit: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/applications/current/submission",
    response: applicationViewSchema,
  }),
  resendSignerLink: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/applications/current/signers/:signerId/resend",
    response: applicationViewSchema,
  }),
  replaceSigner: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/applications/current/signers/:signerId/replacement",
    body: replaceSignerSchema,
    response: applicationViewSchema,
  }),

  // ── The representative's signing page ──
  signatureRequest: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/signatures/:token",
    response: signatureRequestViewSchema,
  }),
  sendSignatureCode: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/signatures/:token/code",
    response: codeSentSchema,
  }),
  sign: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/signatures/:token/signature",
    body: signSchema,
    response: signatureRequestViewSchema,
  }),
  decline: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/signatures/:token/refusal",
    body: declineSignatureSchema,
    response: signatureRequestViewSchema,
  }),
};
