import { z } from "zod";
import {
  acceptedSchema,
  accountListItemSchema,
  accountListSchema,
  inviteClientSchema,
  inviteStaffSchema,
  officeClientAccountListSchema,
  officeClientAccountSchema,
  officeClientSchema,
  setClientKvkNumberSchema,
  updateStaffSchema,
} from "../accounts.ts";
import {
  officeActionAnswersSchema,
  officeActionListSchema,
  officeActionSchema,
  sendActionSchema,
} from "../actions.ts";
import {
  createDossierSchema,
  createDossierStatusSchema,
  documentContentQuerySchema,
  dossierOptionsSchema,
  dossierStatusSchema,
  officeDocumentSchema,
  officeDossierListSchema,
  officeDossierQuerySchema,
  officeDossierSchema,
  progressSchema,
  replaceProgressSchema,
  updateDossierSchema,
} from "../dossiers.ts";
import {
  officeInboxQuerySchema,
  officeInboxSchema,
  officeMessageListSchema,
  officeMessageSchema,
  sendMessageSchema,
  sendOfficeMessageSchema,
} from "../messages.ts";
import { defineEndpoint } from "./endpoint.ts";

/** The back office (`/office`): the office's accounts, dossiers and documents. */
export const officeApi = {
  clients: defineEndpoint({
    method: "GET",
    path: "/api/office/clients",
    response: officeClientAccountListSchema,
  }),
  inviteClient: defineEndpoint({
    method: "POST",
    path: "/api/office/clients",
    body: inviteClientSchema,
    response: officeClientAccountSchema,
  }),
  /** A company's KvK number, by which an eHerkenning login finds it; null clears it. */
  setClientKvkNumber: defineEndpoint({
    method: "PUT",
    path: "/api/office/clients/:clientId/kvk-number",
    body: setClientKvkNumberSchema,
    response: officeClientSchema,
  }),
  resendInvitation: defineEndpoint({
    method: "POST",
    path: "/api/office/accounts/:accountId/invitation",
    response: acceptedSchema,
  }),
  revokeInvitation: defineEndpoint({
    method: "DELETE",
    path: "/api/office/accounts/:accountId/invitation",
    response: z.null(),
  }),
  staff: defineEndpoint({ method: "GET", path: "/api/office/staff", response: accountListSchema }),
  inviteStaff: defineEndpoint({
    method: "POST",
    path: "/api/office/staff",
    body: inviteStaffSchema,
    response: accountListItemSchema,
  }),
  updateStaff: defineEndpoint({
    method: "PATCH",
    path: "/api/office/staff/:accountId",
    body: updateStaffSchema,
    response: z.null(),
  }),

  dossiers: defineEndpoint({
    method: "GET",
    path: "/api/office/dossiers",
    query: officeDossierQuerySchema,
    response: officeDossierListSchema,
  }),
  dossierOptions: defineEndpoint({
    method: "GET",
    path: "/api/office/dossier-options",
    response: dossierOptionsSchema,
  }),
  createDossier: defineEndpoint({
    method: "POST",
    path: "/api/office/dossiers",
    body: createDossierSchema,
    response: officeDossierSchema,
  }),
  dossier: defineEndpoint({
    method: "GET",
    path: "/api/office/dossiers/:dossierId",
    response: officeDossierSchema,
  }),
  updateDossier: defineEndpoint({
    method: "PATCH",
    path: "/api/office/dossiers/:dossierId",
    body: updateDossierSchema,
    response: officeDossierSchema,
  }),
  replaceProgress: defineEndpoint({
    method: "PUT",
    path: "/api/office/dossiers/:dossierId/progress",
    body: replaceProgressSchema,
    response: progressSchema,
  }),
  createDossierStatus: defineEndpoint({
    method: "POST",
    path: "/api/office/dossier-statuses",
    body: createDossierStatusSchema,
    response: dossierStatusSchema,
  }),

  /**
   * A letter or document for the dossier, sent as multipart/form-data: the fields of
   * `publishDocumentFieldsSchema`, then the file. Not JSON, so it has no `body` contract here.
   */
  addDocument: defineEndpoint({
    method: "POST",
    path: "/api/office/dossiers/:dossierId/documents",
    response: officeDocumentSchema,
  }),
  publishDocument: defineEndpoint({
    method: "POST",
    path: "/api/office/documents/:documentId/publish",
    response: officeDocumentSchema,
  }),
  unpublishDocument: defineEndpoint({
    method: "POST",
    path: "/api/office/documents/:documentId/unpublish",
    response: officeDocumentSchema,
  }),
  /** The file itself, downloaded by the browser through a link. */
  documentContent: defineEndpoint({
    method: "GET",
    path: "/api/office/documents/:documentId/content",
    query: documentContentQuerySchema,
  }),

  // ── Messages (ADR 0012) ──
  /** The inbox over all the office's dossiers: clients' messages, unread first. */
  inbox: defineEndpoint({
    method: "GET",
    path: "/api/office/messages",
    query: officeInboxQuerySchema,
    response: officeInboxSchema,
  }),
  dossierMessages: defineEndpoint({
    method: "GET",
    path: "/api/office/dossiers/:dossierId/messages",
    response: officeMessageListSchema,
  }),
  message: defineEndpoint({
    method: "GET",
    path: "/api/office/messages/:messageId",
    response: officeMessageSchema,
  }),
  markMessageRead: defineEndpoint({
    method: "POST",
    path: "/api/office/messages/:messageId/read",
    response: z.null(),
  }),
  markMessageUnread: defineEndpoint({
    method: "DELETE",
    path: "/api/office/messages/:messageId/read",
    response: z.null(),
  }),
  markMessageHandled: defineEndpoint({
    method: "POST",
    path: "/api/office/messages/:messageId/handled",
    response: officeMessageSchema,
  }),
  reopenMessage: defineEndpoint({
    method: "DELETE",
    path: "/api/office/messages/:messageId/handled",
    response: officeMessageSchema,
  }),
  withdrawMessage: defineEndpoint({
    method: "POST",
    path: "/api/office/messages/:messageId/withdraw",
    response: officeMessageSchema,
  }),
  /**
   * A message to the dossier's clients (or, with `clientId`, one of them). Attachments are
   * document ids of the dossier; a new file is first uploaded with `addDocument` and category
   * "message", which keeps it a draft until the message is sent.
   */
  sendMessage: defineEndpoint({
    method: "POST",
    path: "/api/office/dossiers/:dossierId/messages",
    body: sendOfficeMessageSchema,
    response: officeMessageSchema,
  }),
  replyToMessage: defineEndpoint({
    method: "POST",
    path: "/api/office/messages/:messageId/replies",
    body: sendMessageSchema,
    response: officeMessageSchema,
  }),
  /** Removes a new file (category "message") of a message not yet sent. */
  removeDraftAttachment: defineEndpoint({
    method: "DELETE",
    path: "/api/office/message-attachments/:documentId",
    response: z.null(),
  }),

  // ── Acties (issue 13, ADR 0014) ──
  dossierActions: defineEndpoint({
    method: "GET",
    path: "/api/office/dossiers/:dossierId/actions",
    response: officeActionListSchema,
  }),
  /** A questionnaire (its template's newest version) or an upload request, one per client. */
  sendAction: defineEndpoint({
    method: "POST",
    path: "/api/office/dossiers/:dossierId/actions",
    body: sendActionSchema,
    response: officeActionListSchema,
  }),
  action: defineEndpoint({
    method: "GET",
    path: "/api/office/actions/:actionId",
    response: officeActionSchema,
  }),
  actionAnswers: defineEndpoint({
    method: "GET",
    path: "/api/office/actions/:actionId/answers",
    response: officeActionAnswersSchema,
  }),
  /** A download (semicolon CSV for a spreadsheet). */
  actionAnswersCsv: defineEndpoint({
    method: "GET",
    path: "/api/office/actions/:actionId/answers.csv",
  }),
  /** A download (the stored values, texts and who answered). */
  actionAnswersJson: defineEndpoint({
    method: "GET",
    path: "/api/office/actions/:actionId/answers.json",
  }),
  remindAction: defineEndpoint({
    method: "POST",
    path: "/api/office/actions/:actionId/reminder",
    response: officeActionSchema,
  }),
  /** Takes back an action sent in error (not once completed); repeating it changes nothing. */
  withdrawAction: defineEndpoint({
    method: "POST",
    path: "/api/office/actions/:actionId/withdrawal",
    response: officeActionSchema,
  }),
};
