import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import {
  activateByMail,
  createOfficeStaff,
  logInToPortal,
  TEST_PASSWORD,
} from "#test/support/accounts.ts";
import { createQuestionnaire, savePage } from "#test/support/actions.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import {
  createServicedeskStaff,
  type MtlsListener,
  startMtlsListener,
} from "#test/support/certificates.ts";
import { type Clamd, clamdRequired, EICAR, startClamd } from "#test/support/clamd.ts";
import { samplePdf } from "#test/support/dossiers.ts";
import { titlesOf } from "#test/support/messages.ts";
import {
  type OfficeApi,
  type OfficeWithCertificate,
  officeApi,
  officeWithCertificate,
} from "#test/support/office-api.ts";
import { downloadByOfficeApi, uploadByOfficeApi } from "#test/support/office-api-files.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

const both = (nl: string, en: string) => ({ nl, en });

/** A questionnaire of one page and one question: enough to complete it in one step. */
const intake: QuestionnaireDefinition = {
  title: both("Intake levering", "Transfer intake"),
  pages: [
    {
      id: "gegevens",
      title: both("Uw gegevens", "Your details"),
      items: [
        { kind: "question", id: "naam", type: "text", label: both("Naam", "Name"), required: true },
      ],
    },
  ],
};

/**
 * The office API's documents, messages and actions (issue 16), with a real TLS client holding
 * the office certificate, and the client in the portal on the other side: what the practice
 * software publishes, sends and asks reaches the client, what the client does comes back to it,
 * and another office's certificate reaches none of it. Uploads are scanned by a real clamd where
 * one is installed (as the staff uploads' tests do), and go unscanned in embedded mode elsewhere.
 */
describe.each(testDatabaseKinds)(
  "the office API's documents, messages and actions, on %s",
  (kind) => {
    let clamd: Clamd | undefined;
    let subject: TestApp;
    let listener: MtlsListener;
    let officeA: OfficeWithCertificate;
    let officeB: OfficeWithCertificate;
    let apiA: OfficeApi;
    let apiB: OfficeApi;
    let jan: ApiClient;
    let janId: string;
    let dossierId: string;
    let templateId: string;

    const upload = (document: Parameters<typeof uploadByOfficeApi>[3]) =>
      uploadByOfficeApi(listener, officeA.identity, dossierId, document);
    const download = (path: string) => downloadByOfficeApi(listener, officeA.identity, path);
    const portalDocuments = async () =>
      (await jan.get(`/api/portal/dossiers/${dossierId}/documents?category=documents`)).json()
        .documents as Array<{ id: string; title: string }>;

    beforeAll(async () => {
      clamd = clamdRequired ? await startClamd() : undefined;
      subject = await createTestApp(kind, clamd ? { CLAMAV_URL: clamd.url } : {});
      const servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
      officeA = await officeWithCertificate(subject, servicedesk, "Notariskantoor Van Dam");
      officeB = await officeWithCertificate(subject, servicedesk, "Notariaat Elders");
      listener = await startMtlsListener(subject);
      apiA = officeApi(listener, officeA.identity);
      apiB = officeApi(listener, officeB.identity);

      // The client is invited by the office's software, activates by mail and logs in.
      const invited = await apiA.post("/api/office/v1/clients", {
        kind: "person",
        name: "Jan Jansen",
        email: "jan@example.nl",
      });
      janId = invited.json().client.id;
      await activateByMail(subject, "jan@example.nl");
      jan = await logInToPortal(subject, "jan@example.nl", TEST_PASSWORD);

      const created = await apiA.post("/api/office/v1/dossiers", {
        number: "2026.0701",
        description: "Levering Kerkstraat 8",
      });
      dossierId = created.json().id;
      const linked = await apiA.patch(`/api/office/v1/dossiers/${dossierId}`, {
        clientIds: [janId],
      });
      expect(linked.status).toBe(200);

      // Templates are made in the back office by the office's admins; the software sends them.
      const admin = await createOfficeStaff(subject, officeA.officeId, "sara@vandam.nl");
      templateId = await createQuestionnaire(admin, intake);
    });
    afterAll(async () => {
      await listener.close();
      await subject.close();
      await clamd?.stop();
    });

    it("uploads a PDF as a draft, publishes it to the client's portal, and withdraws it again", async () => {
      const content = samplePdf("koopakte");
      const uploaded = await upload({
        category: "documents",
        title: "Koopakte",
        name: "koopakte.pdf",
        content,
      });
      expect(uploaded.status).toBe(201);
      const document = uploaded.json();
      expect(document).toMatchObject({
        state: "draft",
        contentType: "application/pdf",
        addedBy: { kind: "staff" },
        scan: clamd ? "clean" : "not-scanned",
      });
      expect(await portalDocuments()).toEqual([]);

      const published = await apiA.post(`/api/office/v1/documents/${document.id}/publish`);
      expect(published.status).toBe(200);
      expect(published.json().state).toBe("published");
      expect((await portalDocuments()).map((seen) => seen.title)).toEqual(["Koopakte"]);
      const fromPortal = await jan.get(`/api/portal/documents/${document.id}/content`);
      expect(fromPortal.rawPayload.equals(content)).toBe(true);

      const listed = await apiA.get(`/api/office/v1/dossiers/${dossierId}/documents`);
      expect(listed.json().documents).toEqual([
        expect.objectContaining({ id: document.id, state: "published" }),
      ]);
      const downloaded = await download(`/api/office/v1/documents/${document.id}/content`);
      expect(downloaded.status).toBe(200);
      expect(downloaded.headers["content-type"]).toBe("application/pdf");
      expect(downloaded.body.equals(content)).toBe(true);

      const withdrawn = await apiA.post(`/api/office/v1/documents/${document.id}/unpublish`);
      expect(withdrawn.json().state).toBe("unpublished");
      expect(await portalDocuments()).toEqual([]);
    });

    it("refuses an upload as the staff upload form does: by the type of its content", async () => {
      const text = await upload({
        category: "documents",
        title: "Notitie",
        name: "notitie.pdf",
        content: Buffer.from("geen pdf, maar tekst"),
      });
      expect(text.status).toBe(415);
    });

    it.skipIf(!clamdRequired)("refuses an infected upload, found by the virus scan", async () => {
      const infected = await upload({
        category: "documents",
        title: "Besmet",
        name: "besmet.pdf",
        content: Buffer.concat([samplePdf("besmet"), Buffer.from(`\n% ${EICAR}\n`)]),
      });
      expect(infected.status).toBe(422);
      expect(infected.json().error.code).toBe("file_infected");
    });

    it("sends a message with an attachment to the client's Berichten, once per Idempotency-Key", async () => {
      const attachment = await upload({
        category: "message",
        title: "Concept akte",
        name: "concept.pdf",
        content: samplePdf("concept"),
        publish: true,
      });
      expect(attachment.status).toBe(201);
      expect(attachment.json().state).toBe("draft");
      const message = {
        subject: "Concept akte",
        body: "Hierbij het concept van de akte.",
        attachmentIds: [attachment.json().id],
      };
      const key = { "idempotency-key": "praktijk-2026.0701-concept" };
      const sent = await apiA.post(`/api/office/v1/dossiers/${dossierId}/messages`, message, key);
      expect(sent.status).toBe(201);
      expect(sent.json().attachments.map((file: { fileName: string }) => file.fileName)).toEqual([
        "concept.pdf",
      ]);
      const replayed = await apiA.post(
        `/api/office/v1/dossiers/${dossierId}/messages`,
        message,
        key,
      );
      expect(replayed.status).toBe(201);
      expect(replayed.json().id).toBe(sent.json().id);

      const berichten = (await jan.get(`/api/portal/dossiers/${dossierId}/messages`)).json();
      expect(titlesOf(berichten.messages)).toEqual(["Concept akte"]);
      expect(berichten.messages[0].attachments).toHaveLength(1);
      const listed = (await apiA.get(`/api/office/v1/dossiers/${dossierId}/messages`)).json();
      expect(titlesOf(listed.messages)).toEqual(["Concept akte"]);
      const one = await apiA.get(`/api/office/v1/messages/${sent.json().id}`);
      expect(one.json()).toMatchObject({ sender: "office", client: null });
    });

    it("reads the client's answer, replies to it, marks it handled, and withdraws a message sent in error", async () => {
      const asked = await jan.post(`/api/portal/dossiers/${dossierId}/messages`, {
        subject: "Vraag over de akte",
        body: "Klopt de datum van levering?",
      });
      expect(asked.statusCode).toBe(201);
      const inbox = (await apiA.get(`/api/office/v1/messages?dossierId=${dossierId}`)).json();
      expect(titlesOf(inbox.messages)).toEqual(["Vraag over de akte"]);
      const questionId = inbox.messages[0].id;

      const reply = await apiA.post(`/api/office/v1/messages/${questionId}/replies`, {
        subject: "Re: Vraag over de akte",
        body: "Ja, 1 december.",
      });
      expect(reply.status).toBe(201);
      expect(reply.json()).toMatchObject({ replyTo: { id: questionId }, client: { id: janId } });
      const handled = await apiA.post(`/api/office/v1/messages/${questionId}/handled`);
      expect(handled.json().handled).not.toBeNull();
      const reopened = await apiA.delete(`/api/office/v1/messages/${questionId}/handled`);
      expect(reopened.json().handled).toBeNull();

      const withdrawn = await apiA.post(`/api/office/v1/messages/${reply.json().id}/withdraw`);
      expect(withdrawn.json().withdrawn).not.toBeNull();
      const berichten = (await jan.get(`/api/portal/dossiers/${dossierId}/messages`)).json();
      expect(titlesOf(berichten.messages)).not.toContain("Re: Vraag over de akte");
    });

    it("removes a file uploaded for a message that is not sent", async () => {
      const attachment = await upload({
        category: "message",
        title: "Verkeerd bestand",
        name: "verkeerd.pdf",
        content: samplePdf("verkeerd"),
      });
      const removed = await apiA.delete(
        `/api/office/v1/message-attachments/${attachment.json().id}`,
      );
      expect(removed.status).toBe(204);
      const listed = (await apiA.get(`/api/office/v1/dossiers/${dossierId}/documents`)).json();
      expect(listed.documents.map((document: { id: string }) => document.id)).not.toContain(
        attachment.json().id,
      );
    });

    it("sends a questionnaire the client completes in Acties, and reads back its answers and PDF", async () => {
      const templates = (await apiA.get("/api/office/v1/questionnaire-templates")).json().templates;
      expect(templates).toContainEqual(
        expect.objectContaining({ id: templateId, library: false, title: intake.title }),
      );
      const template = await apiA.get(`/api/office/v1/questionnaire-templates/${templateId}`);
      expect(template.json().definition).toEqual(intake);

      const sent = await apiA.post(`/api/office/v1/dossiers/${dossierId}/actions`, {
        kind: "questionnaire",
        templateId,
        clientIds: [janId],
        dueDate: "2026-12-01",
      });
      expect(sent.status).toBe(201);
      const actionId = sent.json().actions[0].id;
      const acties = (await jan.get("/api/portal/actions")).json().actions;
      expect(acties.map((action: { id: string }) => action.id)).toEqual([actionId]);
      const early = await download(`/api/office/v1/actions/${actionId}/answers.pdf`);
      expect(early.status).toBe(404);

      expect((await savePage(jan, actionId, "gegevens", { naam: "Jan Jansen" })).statusCode).toBe(
        200,
      );
      expect((await jan.post(`/api/portal/actions/${actionId}/completion`)).statusCode).toBe(200);

      const action = (await apiA.get(`/api/office/v1/actions/${actionId}`)).json();
      expect(action).toMatchObject({ state: "completed", completedByName: "Jan Jansen" });
      const listed = (await apiA.get(`/api/office/v1/dossiers/${dossierId}/actions`)).json();
      expect(listed.actions.map((item: { id: string }) => item.id)).toEqual([actionId]);
      const answers = (await apiA.get(`/api/office/v1/actions/${actionId}/answers`)).json();
      expect(answers).toMatchObject({ answers: { naam: "Jan Jansen" }, definition: intake });

      const json = await download(`/api/office/v1/actions/${actionId}/answers.json`);
      expect(json.headers["content-disposition"]).toMatch(/^attachment; /);
      expect(json.json().answers).toEqual({ naam: "Jan Jansen" });
      const csv = await download(`/api/office/v1/actions/${actionId}/answers.csv`);
      expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(csv.body.toString("utf8")).toContain("Jan Jansen");
      const pdf = await download(`/api/office/v1/actions/${actionId}/answers.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(action.documentId).toEqual(expect.any(String));
    });

    it("sends an upload request, reminds the client of it, and withdraws it from Acties", async () => {
      const sent = await apiA.post(`/api/office/v1/dossiers/${dossierId}/actions`, {
        kind: "upload-request",
        title: "Kopie paspoort",
        items: [{ label: "Paspoort" }],
        clientIds: [janId],
      });
      expect(sent.status).toBe(201);
      const action = sent.json().actions[0];
      expect(action.items).toEqual([
        expect.objectContaining({ label: "Paspoort", delivered: null }),
      ]);
      const reminded = await apiA.post(`/api/office/v1/actions/${action.id}/reminder`);
      expect(reminded.status).toBe(200);
      expect(reminded.json().remindedAt).not.toBeNull();
      const withdrawn = await apiA.post(`/api/office/v1/actions/${action.id}/withdrawal`);
      expect(withdrawn.json().state).toBe("withdrawn");
      const acties = (await jan.get("/api/portal/actions")).json().actions;
      expect(acties.map((item: { id: string }) => item.id)).not.toContain(action.id);
    });

    it("lets another office's certificate read or change none of this office's documents, messages or actions", async () => {
      const document = (
        await upload({
          category: "documents",
          title: "Akte",
          name: "akte.pdf",
          content: samplePdf(),
        })
      ).json();
      const draft = (
        await upload({
          category: "message",
          title: "Bijlage",
          name: "bijlage.pdf",
          content: samplePdf(),
        })
      ).json();
      const message = (
        await apiA.post(`/api/office/v1/dossiers/${dossierId}/messages`, {
          subject: "Alleen voor Jan",
          body: "Vertrouwelijk.",
        })
      ).json();
      const action = (
        await apiA.post(`/api/office/v1/dossiers/${dossierId}/actions`, {
          kind: "questionnaire",
          templateId,
          clientIds: [janId],
        })
      ).json().actions[0];
      const completed = (await apiA.get(`/api/office/v1/dossiers/${dossierId}/actions`))
        .json()
        .actions.find((item: { state: string }) => item.state === "completed");

      const pdf = samplePdf("overgenomen");
      const attempts = [
        uploadByOfficeApi(listener, officeB.identity, dossierId, {
          category: "documents",
          title: "Overgenomen",
          name: "overgenomen.pdf",
          content: pdf,
        }),
        apiB.get(`/api/office/v1/dossiers/${dossierId}/documents`),
        apiB.post(`/api/office/v1/documents/${document.id}/publish`),
        apiB.post(`/api/office/v1/documents/${document.id}/unpublish`),
        apiB.get(`/api/office/v1/documents/${document.id}/content`),
        apiB.get(`/api/office/v1/dossiers/${dossierId}/messages`),
        apiB.get(`/api/office/v1/messages/${message.id}`),
        apiB.post(`/api/office/v1/dossiers/${dossierId}/messages`, { subject: "X", body: "Y" }),
        apiB.post(`/api/office/v1/messages/${message.id}/replies`, { subject: "X", body: "Y" }),
        apiB.post(`/api/office/v1/messages/${message.id}/handled`),
        apiB.delete(`/api/office/v1/messages/${message.id}/handled`),
        apiB.post(`/api/office/v1/messages/${message.id}/withdraw`),
        apiB.delete(`/api/office/v1/message-attachments/${draft.id}`),
        apiB.get(`/api/office/v1/questionnaire-templates/${templateId}`),
        apiB.get(`/api/office/v1/dossiers/${dossierId}/actions`),
        apiB.post(`/api/office/v1/dossiers/${dossierId}/actions`, {
          kind: "questionnaire",
          templateId,
          clientIds: [janId],
        }),
        apiB.get(`/api/office/v1/actions/${action.id}`),
        apiB.get(`/api/office/v1/actions/${completed.id}/answers`),
        apiB.get(`/api/office/v1/actions/${completed.id}/answers.json`),
        apiB.get(`/api/office/v1/actions/${completed.id}/answers.csv`),
        apiB.get(`/api/office/v1/actions/${completed.id}/answers.pdf`),
        apiB.post(`/api/office/v1/actions/${action.id}/reminder`),
        apiB.post(`/api/office/v1/actions/${action.id}/withdrawal`),
      ];
      for (const answer of await Promise.all(attempts)) {
        expect(answer.status, answer.body.toString()).toBe(404);
      }
      // The lists of office B have nothing of office A's.
      const inbox = (await apiB.get("/api/office/v1/messages")).json();
      expect(inbox.messages).toEqual([]);
      const templates = (await apiB.get("/api/office/v1/questionnaire-templates")).json().templates;
      expect(templates.map((template: { id: string }) => template.id)).not.toContain(templateId);
      // And nothing changed for office A.
      const after = (await apiA.get(`/api/office/v1/actions/${action.id}`)).json();
      expect(after).toMatchObject({ state: "open", remindedAt: null, withdrawn: null });
      expect((await apiA.get(`/api/office/v1/messages/${message.id}`)).json().withdrawn).toBeNull();
      const documents = (await apiA.get(`/api/office/v1/dossiers/${dossierId}/documents`)).json();
      expect(documents.documents).toContainEqual(expect.objectContaining({ id: draft.id }));
      expect(documents.documents).toContainEqual(
        expect.objectContaining({ id: document.id, state: "draft" }),
      );
    });
  },
);
