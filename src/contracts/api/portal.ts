import { z } from "zod";
import {
  deliverItemSchema,
  portalActionListSchema,
  portalActionSchema,
  portalQuestionnaireSchema,
  savePageSchema,
} from "../actions.ts";
import {
  documentCategoryQuerySchema,
  documentContentQuerySchema,
  portalDocumentListSchema,
  portalDossierListSchema,
  portalDossierQuerySchema,
  portalDossierSchema,
  portalOverviewSchema,
} from "../dossiers.ts";
import {
  draftAttachmentListSchema,
  portalMessageListSchema,
  portalMessageSchema,
  sendMessageSchema,
} from "../messages.ts";
import { defineEndpoint } from "./endpoint.ts";

/** The client portal (`/portal`): the client's own dossiers and documents. */
export const portalApi = {
  overview: defineEndpoint({
    method: "GET",
    path: "/api/portal/overview",
    response: portalOverviewSchema,
  }),
  dossiers: defineEndpoint({
    method: "GET",
    path: "/api/portal/dossiers",
    query: portalDossierQuerySchema,
    response: portalDossierListSchema,
  }),
  dossier: defineEndpoint({
    method: "GET",
    path: "/api/portal/dossiers/:dossierId",
    response: portalDossierSchema,
  }),
  documents: defineEndpoint({
    method: "GET",
    path: "/api/portal/dossiers/:dossierId/documents",
    query: documentCategoryQuerySchema,
    response: portalDocumentListSchema,
  }),
  markDocumentRead: defineEndpoint({
    method: "POST",
    path: "/api/portal/documents/:documentId/read",
    response: z.null(),
  }),
  /** The file itself, downloaded or opened by the browser through a link. */
  documentContent: defineEndpoint({
    method: "GET",
    path: "/api/portal/documents/:documentId/content",
    query: documentContentQuerySchema,
  }),
  /**
   * The tus endpoint for "Door mij aangeleverd": tus-js-client creates an upload here and then
   * speaks the tus protocol with the address it is given, so there is no JSON contract. Its
   * Upload-Metadata: `dossierId`, `filename`, and `purpose`: `supplied` (the default) or
   * `message-attachment`, a file for the message being written (see `draftAttachments`); the
   * last PATCH answers with the document (`portalDocumentSchema`).
   */
  uploads: defineEndpoint({ method: "POST", path: "/api/portal/uploads" }),

  // ── Berichten (ADR 0012) ──
  messages: defineEndpoint({
    method: "GET",
    path: "/api/portal/dossiers/:dossierId/messages",
    response: portalMessageListSchema,
  }),
  message: defineEndpoint({
    method: "GET",
    path: "/api/portal/messages/:messageId",
    response: portalMessageSchema,
  }),
  markMessageRead: defineEndpoint({
    method: "POST",
    path: "/api/portal/messages/:messageId/read",
    response: z.null(),
  }),
  /** "Nieuw bericht", with the ids of this login's draft attachments in the dossier. */
  sendMessage: defineEndpoint({
    method: "POST",
    path: "/api/portal/dossiers/:dossierId/messages",
    body: sendMessageSchema,
    response: portalMessageSchema,
  }),
  /** "Beantwoorden": an answer in the message's dossier, with draft attachments. */
  replyToMessage: defineEndpoint({
    method: "POST",
    path: "/api/portal/messages/:messageId/replies",
    body: sendMessageSchema,
    response: portalMessageSchema,
  }),
  /** An attachment's file, downloaded or opened through a link; the message counts as read. */
  messageAttachmentContent: defineEndpoint({
    method: "GET",
    path: "/api/portal/messages/:messageId/attachments/:documentId/content",
    query: documentContentQuerySchema,
  }),
  /** The files this login uploaded for a message in the dossier and has not sent yet. */
  draftAttachments: defineEndpoint({
    method: "GET",
    path: "/api/portal/dossiers/:dossierId/message-attachments",
    response: draftAttachmentListSchema,
  }),
  /** The trash can of a draft attachment ("prullenbak"), until the message is sent. */
  removeDraftAttachment: defineEndpoint({
    method: "DELETE",
    path: "/api/portal/message-attachments/:documentId",
    response: z.null(),
  }),

  // ── Acties (issue 13, ADR 0014) ──
  actions: defineEndpoint({
    method: "GET",
    path: "/api/portal/actions",
    response: portalActionListSchema,
  }),
  action: defineEndpoint({
    method: "GET",
    path: "/api/portal/actions/:actionId",
    response: portalActionSchema,
  }),
  /** "Invullen": the questionnaire as sent, the answers so far and the page to resume on. */
  questionnaire: defineEndpoint({
    method: "GET",
    path: "/api/portal/actions/:actionId/questionnaire",
    response: portalQuestionnaireSchema,
  }),
  /** "Volgende" / "Vorige": saves the page (a 400 names each refused answer). */
  saveQuestionnairePage: defineEndpoint({
    method: "PUT",
    path: "/api/portal/actions/:actionId/pages/:pageId",
    body: savePageSchema,
    response: portalQuestionnaireSchema,
  }),
  /** "Bevestigen": completes it; the PDF lands under "Door mij aangeleverd". */
  completeQuestionnaire: defineEndpoint({
    method: "POST",
    path: "/api/portal/actions/:actionId/completion",
    response: portalActionSchema,
  }),
  /** An upload request's item, answered with a file uploaded first (`uploads`, a draft). */
  deliverItem: defineEndpoint({
    method: "PUT",
    path: "/api/portal/actions/:actionId/items/:itemId",
    body: deliverItemSchema,
    response: portalActionSchema,
  }),
};
