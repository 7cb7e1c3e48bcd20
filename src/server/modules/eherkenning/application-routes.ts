import path from "node:path";
import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  applicationAttachmentSchema,
  applicationLinkSchema,
  applicationViewSchema,
  codeSentSchema,
  companyLookupResultSchema,
  companyLookupSchema,
  idCopyFieldsSchema,
  replaceSignerSchema,
  saveCompanySchema,
  saveScopeSchema,
  saveUserSchema,
  sendContactCodeSchema,
  verifyContactCodeSchema,
} from "#src/contracts/eherkenning/wizard.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { validationFailed } from "#src/server/errors.ts";
import { requestLocale } from "#src/server/request-locale.ts";
import { formFields, readFilePart, saveFilePart } from "../documents/multipart-upload.ts";
import { applicationOfToken } from "../means-applications/applicant-access.ts";
import {
  type ApplicantRequest,
  lookUpCompany,
  saveCompany,
  saveScope,
  saveUser,
} from "../means-applications/application-steps.ts";
import { sendContactCode, verifyContactCode } from "../means-applications/contact-codes.ts";
import type { EherkenningDeps } from "../means-applications/deps.ts";
import { addIdCopy, removeAttachment } from "../means-applications/id-copies.ts";
import { replaceSigner, resendSignerLink } from "../means-applications/signers.ts";
import {
  currentApplication,
  restoreFromLink,
  startApplication,
} from "../means-applications/start-application.ts";
import { submitApplication } from "../means-applications/submit-application.ts";
import { applicationCookie, setApplicationCookie } from "./applicant-cookie.ts";

const errors = errorResponses(400, 404, 409, 410, 429);
const uploadErrors = errorResponses(400, 404, 409, 413, 415, 422, 429, 503);
const signerParams = z.object({ signerId: z.uuid() });
const attachmentParams = z.object({ attachmentId: z.uuid() });

const applicantRequest = (request: FastifyRequest): ApplicantRequest => ({
  locale: requestLocale(request),
  ip: request.ip,
});

/** The application this browser holds, by its cookie; 404 without one (or with a stale one). */
const heldApplication = (deps: EherkenningDeps, request: FastifyRequest) =>
  applicationOfToken(deps, applicationCookie(request));

/**
 * The eHerkenning application wizard (SPEC C2–C5) for an applicant without an account: the
 * application is the one whose token this browser's cookie holds ("current").
 */
export const applicationRoutes: FastifyPluginAsyncZod<{ deps: EherkenningDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["eherkenning: application"];
  await app.register(multipart, {
    limits: { fileSize: deps.maxFileBytes, files: 1, fields: 5, fieldSize: 100 },
  });

  app.post(
    "/api/eherkenning/applications",
    {
      schema: {
        tags,
        summary: "Starts a new application, held by this browser (cookie)",
        response: { 201: applicationViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const started = await startApplication(deps, requestLocale(request), request.ip);
      setApplicationCookie(reply, started.token);
      return reply.code(201).send(started.view);
    },
  );

  app.post(
    "/api/eherkenning/applications/link",
    {
      schema: {
        tags,
        summary: "The mailed link: this browser holds the application again",
        body: applicationLinkSchema,
        response: { 200: applicationViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const view = await restoreFromLink(
        deps,
        request.body.token,
        requestLocale(request),
        request.ip,
      );
      setApplicationCookie(reply, request.body.token);
      return view;
    },
  );

  app.get(
    "/api/eherkenning/applications/current",
    {
      schema: {
        tags,
        summary:
          "The application this browser holds (null when none): the wizard's data and its progress",
        response: { 200: applicationViewSchema.nullable(), ...errors },
      },
    },
    async (request) => currentApplication(deps, applicationCookie(request), requestLocale(request)),
  );

  app.put(
    "/api/eherkenning/applications/current/scope",
    {
      schema: {
        tags,
        summary: "Step 1: the services (or provider, or all) and the level",
        body: saveScopeSchema,
        response: { 200: applicationViewSchema, ...errors },
      },
    },
    async (request) =>
      saveScope(
        deps,
        await heldApplication(deps, request),
        request.body,
        applicantRequest(request),
      ),
  );

  app.put(
    "/api/eherkenning/applications/current/user",
    {
      schema: {
        tags,
        summary: "Step 2: the user's name, own e-mail address and own mobile number",
        body: saveUserSchema,
        response: { 200: applicationViewSchema, ...errors },
      },
    },
    async (request) =>
      saveUser(deps, await heldApplication(deps, request), request.body, applicantRequest(request)),
  );

  app.post(
    "/api/eherkenning/applications/current/contact-codes",
    {
      schema: {
        tags,
        summary: "Step 2: sends a code to the user's e-mail address or mobile number",
        body: sendContactCodeSchema,
        response: { 200: codeSentSchema, ...errors },
      },
    },
    async (request) =>
      sendContactCode(
        deps,
        await heldApplication(deps, request),
        request.body.contact,
        applicantRequest(request),
      ),
  );

  app.post(
    "/api/eherkenning/applications/current/contact-verification",
    {
      schema: {
        tags,
        summary: "Step 2: the code back, which verifies the address or number",
        body: verifyContactCodeSchema,
        response: { 200: applicationViewSchema, ...errors },
      },
    },
    async (request) => {
      const application = await heldApplication(deps, request);
      // Present: heldApplication found the application by it.
      const token = applicationCookie(request) ?? "";
      return verifyContactCode(deps, application, request.body, token, applicantRequest(request));
    },
  );

  app.post(
    "/api/eherkenning/applications/current/company-lookup",
    {
      schema: {
        tags,
        summary: "Step 2: the company by KvK number, and how many must sign at the level",
        body: companyLookupSchema,
        response: { 200: companyLookupResultSchema, ...errors },
      },
    },
    async (request) =>
      lookUpCompany(deps, await heldApplication(deps, request), request.body.kvkNumber),
  );

  app.put(
    "/api/eherkenning/applications/current/company",
    {
      schema: {
        tags,
        summary: "Step 2: the company, an optional branch, the user's tie to it, and who signs",
        body: saveCompanySchema,
        response: { 200: applicationViewSchema, ...errors },
      },
    },
    async (request) =>
      saveCompany(
        deps,
        await heldApplication(deps, request),
        request.body,
        applicantRequest(request),
      ),
  );

  app.post(
    "/api/eherkenning/applications/current/attachments",
    {
      schema: {
        tags,
        summary: "Step 3: a copy of the user's ID (multipart: documentType, expiresOn, then file)",
        consumes: ["multipart/form-data"],
        response: { 201: applicationAttachmentSchema, ...uploadErrors },
      },
    },
    async (request, reply) => {
      // Before a byte of the body is read: a browser without an application costs no disk.
      const application = await heldApplication(deps, request);
      const part = await readFilePart(request);
      const fields = idCopyFieldsSchema.safeParse(formFields(part));
      if (!fields.success) {
        part.file.resume();
        throw validationFailed("body", fields.error.issues);
      }
      const upload = await saveFilePart(
        part,
        path.join(deps.uploadDir, "eherkenning"),
        deps.uploadRefusals,
      );
      // addIdCopy removes the waiting file whatever the outcome.
      const attachment = await addIdCopy(
        deps,
        application,
        fields.data,
        upload,
        applicantRequest(request),
      );
      return reply.code(201).send(attachment);
    },
  );

  app.delete(
    "/api/eherkenning/applications/current/attachments/:attachmentId",
    {
      schema: {
        tags,
        summary: "Step 3: takes an attachment off the draft",
        params: attachmentParams,
        response: { 200: applicationViewSchema, ...errors },
      },
    },
    async (request) =>
      removeAttachment(
        deps,
        await heldApplication(deps, request),
        request.params.attachmentId,
        applicantRequest(request),
      ),
  );

  app.post(
    "/api/eherkenning/applications/current/submission",
    {
      schema: {
        tags,
        summary: "Step 4: the user submits; the chosen representatives are asked to sign",
        response: { 200: applicationViewSchema, ...errors },
      },
    },
    async (request) =>
      submitApplication(deps, await heldApplication(deps, request), applicantRequest(request)),
  );

  app.post(
    "/api/eherkenning/applications/current/signers/:signerId/resend",
    {
      schema: {
        tags,
        summary: "Step 5: mails a representative their link to sign again",
        params: signerParams,
        response: { 200: applicationViewSchema, ...errors },
      },
    },
    async (request) =>
      resendSignerLink(
        deps,
        await heldApplication(deps, request),
        request.params.signerId,
        applicantRequest(request),
      ),
  );

  app.post(
    "/api/eherkenning/applications/current/signers/:signerId/replacement",
    {
      schema: {
        tags,
        summary: "Step 5: another representative signs instead; the old link stops working",
        params: signerParams,
        body: replaceSignerSchema,
        response: { 200: applicationViewSchema, ...errors },
      },
    },
    async (request) =>
      replaceSigner(
        deps,
        await heldApplication(deps, request),
        request.params.signerId,
        request.body,
        applicantRequest(request),
      ),
  );
};
