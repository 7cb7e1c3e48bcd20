import {
  questionnaireTemplateListSchema,
  questionnaireTemplateQuerySchema,
  questionnaireTemplateSchema,
  questionnaireVersionSchema,
  saveQuestionnaireTemplateSchema,
} from "../questionnaire-templates.ts";
import { defineEndpoint } from "./endpoint.ts";

/**
 * The back office's questionnaire templates (issue 13): every staff member reads them, the
 * office's admins build, copy and archive them.
 */
export const officeQuestionnaireApi = {
  templates: defineEndpoint({
    method: "GET",
    path: "/api/office/questionnaire-templates",
    query: questionnaireTemplateQuerySchema,
    response: questionnaireTemplateListSchema,
  }),
  createTemplate: defineEndpoint({
    method: "POST",
    path: "/api/office/questionnaire-templates",
    body: saveQuestionnaireTemplateSchema,
    response: questionnaireTemplateSchema,
  }),
  template: defineEndpoint({
    method: "GET",
    path: "/api/office/questionnaire-templates/:templateId",
    response: questionnaireTemplateSchema,
  }),
  /** Saves the whole definition: a new version when it differs from the newest. */
  saveTemplate: defineEndpoint({
    method: "PUT",
    path: "/api/office/questionnaire-templates/:templateId",
    body: saveQuestionnaireTemplateSchema,
    response: questionnaireTemplateSchema,
  }),
  templateVersion: defineEndpoint({
    method: "GET",
    path: "/api/office/questionnaire-templates/:templateId/versions/:version",
    response: questionnaireVersionSchema,
  }),
  /** A new template of the office, version 1, from the library's or the office's own. */
  copyTemplate: defineEndpoint({
    method: "POST",
    path: "/api/office/questionnaire-templates/:templateId/copy",
    response: questionnaireTemplateSchema,
  }),
  archiveTemplate: defineEndpoint({
    method: "POST",
    path: "/api/office/questionnaire-templates/:templateId/archived",
    response: questionnaireTemplateSchema,
  }),
  unarchiveTemplate: defineEndpoint({
    method: "DELETE",
    path: "/api/office/questionnaire-templates/:templateId/archived",
    response: questionnaireTemplateSchema,
  }),
};
