import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "#src/contracts/error.ts";
import {
  questionnaireTemplateListSchema,
  questionnaireTemplateQuerySchema,
  questionnaireTemplateSchema,
  questionnaireVersionSchema,
  saveQuestionnaireTemplateSchema,
} from "#src/contracts/questionnaire-templates.ts";
import { requireOfficeAdmin, requireStaff } from "../accounts/request-actors.ts";
import {
  copyQuestionnaireTemplate,
  createQuestionnaireTemplate,
  listQuestionnaireTemplates,
  type QuestionnairesDeps,
  questionnaireTemplate,
  questionnaireTemplateVersion,
  saveQuestionnaireTemplate,
  setQuestionnaireTemplateArchived,
} from "../questionnaires/templates.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const templateParams = z.object({ templateId: z.uuid() });
const versionParams = templateParams.extend({
  version: z.coerce.number().int().min(1).max(1_000_000),
});

/**
 * The back office's questionnaire templates (issue 13): every staff member reads the office's
 * and the starter library's; the office's admins create them, save changes (each a new
 * version), copy them (from the library, or their own) and archive them. The library's are
 * read-only: changing one is forbidden, copying it is how an office makes it its own.
 */
export const officeQuestionnaireRoutes: FastifyPluginAsyncZod<{
  deps: QuestionnairesDeps;
}> = async (app, { deps }) => {
  const tags = ["office: questionnaire templates"];
  const { db } = deps;
  const path = "/api/office/questionnaire-templates";

  app.get(
    path,
    {
      schema: {
        tags,
        summary:
          "The office's templates (archived ones on request) and the starter library's, each with its newest version",
        querystring: questionnaireTemplateQuerySchema,
        response: { 200: questionnaireTemplateListSchema, ...errors },
      },
    },
    async (request) => ({
      templates: await listQuestionnaireTemplates(db, requireStaff(request), request.query),
    }),
  );

  app.post(
    path,
    {
      schema: {
        tags,
        summary: "Create a template of the office from a definition: its version 1 (admins)",
        body: saveQuestionnaireTemplateSchema,
        response: { 201: questionnaireTemplateSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createQuestionnaireTemplate(
        deps,
        requireOfficeAdmin(request),
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    `${path}/:templateId`,
    {
      schema: {
        tags,
        summary: "One template: its newest definition and its versions",
        params: templateParams,
        response: { 200: questionnaireTemplateSchema, ...errors },
      },
    },
    async (request) => questionnaireTemplate(db, requireStaff(request), request.params.templateId),
  );

  app.put(
    `${path}/:templateId`,
    {
      schema: {
        tags,
        summary:
          "Save the whole definition: a new version when it differs from the newest (admins; not the library's)",
        params: templateParams,
        body: saveQuestionnaireTemplateSchema,
        response: { 200: questionnaireTemplateSchema, ...errors },
      },
    },
    async (request) =>
      saveQuestionnaireTemplate(
        deps,
        requireOfficeAdmin(request),
        request.params.templateId,
        request.body,
      ),
  );

  app.get(
    `${path}/:templateId/versions/:version`,
    {
      schema: {
        tags,
        summary: "One version of a template, as it was saved",
        params: versionParams,
        response: { 200: questionnaireVersionSchema, ...errors },
      },
    },
    async (request) =>
      questionnaireTemplateVersion(
        db,
        requireStaff(request),
        request.params.templateId,
        request.params.version,
      ),
  );

  app.post(
    `${path}/:templateId/copy`,
    {
      schema: {
        tags,
        summary:
          "Copy a template (the library's or the office's own) into a new template of the office, version 1 (admins)",
        params: templateParams,
        response: { 201: questionnaireTemplateSchema, ...errors },
      },
    },
    async (request, reply) => {
      const copy = await copyQuestionnaireTemplate(
        deps,
        requireOfficeAdmin(request),
        request.params.templateId,
      );
      return reply.status(201).send(copy);
    },
  );

  for (const [method, archived] of [
    ["POST", true],
    ["DELETE", false],
  ] as const) {
    app.route({
      method,
      url: `${path}/:templateId/archived`,
      schema: {
        tags,
        summary: archived
          ? "Archive a template of the office: no longer offered to send (admins)"
          : "Take an archived template back (admins)",
        params: templateParams,
        response: { 200: questionnaireTemplateSchema, ...errors },
      },
      handler: async (request) =>
        setQuestionnaireTemplateArchived(
          deps,
          requireOfficeAdmin(request),
          request.params.templateId,
          archived,
        ),
    });
  }
};
