import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notices } from "#src/server/modules/notifications/schema.ts";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import {
  activateByMail,
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
  logInToPortal,
} from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { addDocument, clientIdNamed, samplePdf, samplePng } from "#test/support/dossiers.ts";
import {
  sendWithCsrf,
  titlesOf,
  uploadMessageAttachment,
  uploadOfficeAttachment,
} from "#test/support/messages.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { sweepDraftAttachments } from "../documents/message-attachments.ts";

const MINUTE = 60_000;

describe.each(testDatabaseKinds)("messages in a dossier (B9), on %s", (kind) => {
  let subject: TestApp;
  let sara: ApiClient;
  let tom: ApiClient;
  let jan: ApiClient;
  let anna: ApiClient;
  let piet: ApiClient;
  let tomId: string;
  let janDossier: string;
  let bolDossier: string;
  let firstMessageId: string;
  let janReplyId: string;
  const letter = samplePdf("brief");
  const newFile = samplePdf("nieuw");

  const auditOf = (action: string, subjectId: string) =>
    subject.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)));

  /** The "new messages" notices (ADR 0013) a login was given about the dossier. */
  const messageNotices = async (browser: ApiClient, dossierId: string) => {
    const accountId = (await browser.get("/api/session")).json().account.id;
    const rows = await subject.services.database.db
      .select()
      .from(notices)
      .where(
        and(
          eq(notices.accountId, accountId),
          eq(notices.dossierId, dossierId),
          eq(notices.kind, "messages"),
        ),
      );
    return rows.length;
  };

  const countsOf = async (client: ApiClient, dossierId: string) => {
    const dossier = (await client.get(`/api/portal/dossiers/${dossierId}`)).json();
    const list = (await client.get("/api/portal/dossiers")).json();
    const home = (await client.get("/api/portal/overview")).json();
    return {
      tab: dossier.tabs.messages,
      list: list.dossiers.find((d: { id: string }) => d.id === dossierId)?.unread,
      home: home.unread,
    };
  };

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject, "Kantoor Amstel");
    sara = await createOfficeStaff(subject, office.id, "sara@amstel.nl", "admin");
    tom = await createOfficeStaff(subject, office.id, "tom@amstel.nl", "assistant");
    jan = await createActiveClient(subject, office.id, "jan@example.nl", "person", "Jan Jansen");
    anna = await createActiveClient(subject, office.id, "anna@bol.nl", "company", "Bakkerij Bol");
    const added = await anna.post("/api/me/extra-accounts", {
      name: "Piet Bol",
      email: "piet@bol.nl",
    });
    expect(added.statusCode).toBe(201);
    piet = await activateByMail(subject, "piet@bol.nl");
    await sendWithCsrf(tom, "PATCH", "/api/me/profile", { name: "Tom Visser" });
    tomId = (await tom.get("/api/session")).json().account.id;
    janDossier = (
      await sara.post("/api/office/dossiers", {
        number: "2026.0142",
        description: "Levering Kade 12",
        handlerId: tomId,
        clientIds: [await clientIdNamed(sara, "Jan Jansen")],
      })
    ).json().id;
    bolDossier = (
      await sara.post("/api/office/dossiers", {
        number: "2026.0300",
        description: "Statutenwijziging Bakkerij Bol",
        clientIds: [await clientIdNamed(sara, "Bakkerij Bol")],
      })
    ).json().id;
  });
  afterAll(() => subject.close());
  // Each step a minute later, so that messages have an order by time.
  beforeEach(() => subject.clock.advance(MINUTE));

  it("lets staff send a message with a document of the dossier and a new upload; the client reads it and its counts drop at once", async () => {
    const brief = await addDocument(sara, janDossier, {
      category: "correspondence",
      title: "Brief",
      name: "brief.pdf",
      content: letter,
    });
    const uploaded = await uploadOfficeAttachment(sara, janDossier, "toelichting.pdf", newFile);
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json()).toMatchObject({ category: "message", state: "draft" });
    // A new file for a message is not published by itself.
    const refused = await sara.post(`/api/office/documents/${uploaded.json().id}/publish`);
    expect(refused.statusCode).toBe(409);

    const sent = await sara.post(`/api/office/dossiers/${janDossier}/messages`, {
      subject: "Uw levering",
      body: "Beste heer Jansen,\n\nBijgaand de stukken.",
      attachmentIds: [brief.json().id, uploaded.json().id],
    });
    expect(sent.statusCode).toBe(201);
    firstMessageId = sent.json().id;
    expect(sent.json()).toMatchObject({
      sender: "office",
      authorName: "Sara de Wit",
      client: null,
      read: true,
      handled: null,
      withdrawn: null,
      dossier: { id: janDossier, number: "2026.0142" },
      attachments: [
        { id: brief.json().id, fileName: "brief.pdf" },
        { id: uploaded.json().id, fileName: "toelichting.pdf", size: newFile.length },
      ],
    });
    const officeDocuments = (await sara.get(`/api/office/dossiers/${janDossier}`)).json().documents;
    expect(officeDocuments.find((d: { id: string }) => d.id === uploaded.json().id)).toMatchObject({
      category: "message",
      state: "published",
    });
    const audited = await auditOf("message.sent", firstMessageId);
    expect(audited[0]?.details).toMatchObject({ dossierId: janDossier, sender: "office" });
    // The clients are told, in the message's transaction (ADR 0013).
    expect(await messageNotices(jan, janDossier)).toBe(1);

    expect(await countsOf(jan, janDossier)).toEqual({
      tab: { total: 1, unread: 1 },
      list: 2,
      home: { documents: 1, messages: 1 },
    });
    const list = (await jan.get(`/api/portal/dossiers/${janDossier}/messages`)).json().messages;
    expect(list).toEqual([
      expect.objectContaining({
        id: firstMessageId,
        sender: "office",
        authorName: "Sara de Wit",
        subject: "Uw levering",
        body: "Beste heer Jansen,\n\nBijgaand de stukken.",
        read: false,
        replyTo: null,
      }),
    ]);
    expect(list[0].attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      "brief.pdf",
      "toelichting.pdf",
    ]);

    const read = await jan.post(`/api/portal/messages/${firstMessageId}/read`);
    expect(read.statusCode).toBe(204);
    expect(await countsOf(jan, janDossier)).toEqual({
      tab: { total: 1, unread: 0 },
      list: 1,
      home: { documents: 1, messages: 0 },
    });

    // The files come through the message; the new one is in no tab of its own.
    const content = await jan.get(
      `/api/portal/messages/${firstMessageId}/attachments/${uploaded.json().id}/content`,
    );
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(newFile)).toBe(true);
    expect((await jan.get(`/api/portal/documents/${uploaded.json().id}/content`)).statusCode).toBe(
      404,
    );
    const tabs = (await jan.get(`/api/portal/dossiers/${janDossier}`)).json().tabs;
    expect(tabs.correspondence.total + tabs.documents.total).toBe(1);
  });

  it("lets a client answer with two files uploaded by tus: drafts only it sees, removable, then under Door mij aangeleverd", async () => {
    const uploads = [];
    for (const [name, content] of [
      ["paspoort.pdf", samplePdf("paspoort")],
      ["foto.png", samplePng()],
      ["verkeerd.pdf", samplePdf("verkeerd")],
    ] as const) {
      subject.clock.advance(1000);
      const uploaded = await uploadMessageAttachment(jan, janDossier, name, content);
      expect(uploaded.statusCode).toBe(200);
      uploads.push(uploaded.json());
    }
    const drafts = (await jan.get(`/api/portal/dossiers/${janDossier}/message-attachments`)).json()
      .attachments;
    expect(drafts.map((d: { fileName: string }) => d.fileName)).toEqual([
      "paspoort.pdf",
      "foto.png",
      "verkeerd.pdf",
    ]);
    // Until sent, nobody else sees them: not the supplied tab, not the office.
    const supplied = () =>
      jan.get(`/api/portal/dossiers/${janDossier}/documents?category=supplied`);
    expect((await supplied()).json().documents).toEqual([]);
    const officeView = (await sara.get(`/api/office/dossiers/${janDossier}`)).json();
    expect(officeView.documents.map((d: { fileName: string }) => d.fileName)).not.toContain(
      "paspoort.pdf",
    );

    const removed = await sendWithCsrf(
      jan,
      "DELETE",
      `/api/portal/message-attachments/${uploads[2].id}`,
    );
    expect(removed.statusCode).toBe(204);
    expect(
      (await jan.get(`/api/portal/dossiers/${janDossier}/message-attachments`)).json().attachments,
    ).toHaveLength(2);

    const replied = await jan.post(`/api/portal/messages/${firstMessageId}/replies`, {
      subject: "Re: Uw levering",
      body: "Hierbij mijn paspoort en een foto.",
      attachmentIds: [uploads[0].id, uploads[1].id],
    });
    expect(replied.statusCode).toBe(201);
    janReplyId = replied.json().id;
    expect(replied.json()).toMatchObject({
      sender: "client",
      authorName: "Jan Jansen",
      read: true,
      replyTo: { id: firstMessageId, subject: "Uw levering" },
      attachments: [{ fileName: "paspoort.pdf" }, { fileName: "foto.png" }],
    });
    expect(
      (await supplied())
        .json()
        .documents.map((d: { fileName: string }) => d.fileName)
        .sort(),
    ).toEqual(["foto.png", "paspoort.pdf"]);
    expect(
      (await jan.get(`/api/portal/dossiers/${janDossier}/message-attachments`)).json().attachments,
    ).toEqual([]);
    const officeDocuments = (await sara.get(`/api/office/dossiers/${janDossier}`)).json().documents;
    expect(
      officeDocuments
        .filter((d: { category: string }) => d.category === "supplied")
        .map((d: { fileName: string; state: string }) => [d.fileName, d.state])
        .sort(),
    ).toEqual([
      ["foto.png", "published"],
      ["paspoort.pdf", "published"],
    ]);
    // Sent is sent: the attachments can no longer be removed, nor sent again.
    const late = await sendWithCsrf(
      jan,
      "DELETE",
      `/api/portal/message-attachments/${uploads[0].id}`,
    );
    expect(late.statusCode).toBe(404);
    const again = await jan.post(`/api/portal/dossiers/${janDossier}/messages`, {
      subject: "Nogmaals",
      body: "Nogmaals het paspoort.",
      attachmentIds: [uploads[0].id],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({
      code: "unknown_attachment",
      details: [{ path: "body.attachmentIds.0", code: "unknown" }],
    });
    // The dossier's handler was told of the answer; the refused message told nobody.
    expect(await messageNotices(tom, janDossier)).toBe(1);
    expect(await messageNotices(sara, janDossier)).toBe(0);

    // The office sees the answer, with who wrote it, as the handler's and everyone's unread.
    const inbox = (await tom.get("/api/office/messages")).json();
    expect(inbox.messages[0]).toMatchObject({
      id: janReplyId,
      authorName: "Jan Jansen",
      client: { name: "Jan Jansen", kind: "person" },
      handler: { id: tomId },
      read: false,
      attachmentCount: 2,
    });
    const staffView = (await tom.get(`/api/office/messages/${janReplyId}`)).json();
    const attachment = await tom.get(
      `/api/office/documents/${staffView.attachments[0].id}/content`,
    );
    expect(attachment.statusCode).toBe(200);
  });

  it("refuses an empty or blank subject or body with a 400 that names the field", async () => {
    const cases: Array<[unknown, string[]]> = [
      [{ subject: "", body: "Tekst" }, ["body.subject"]],
      [{ subject: "   ", body: "Tekst" }, ["body.subject"]],
      [{ subject: "Vraag", body: " \n " }, ["body.body"]],
      [{ body: "Tekst" }, ["body.subject"]],
      [{}, ["body.body", "body.subject"]],
      [{ subject: "Twee\nregels", body: "Tekst" }, ["body.subject"]],
      [{ subject: "x".repeat(201), body: "Tekst" }, ["body.subject"]],
      [{ subject: "Vraag", body: "x".repeat(10_001) }, ["body.body"]],
    ];
    for (const [body, paths] of cases) {
      for (const [who, url] of [
        [jan, `/api/portal/dossiers/${janDossier}/messages`],
        [jan, `/api/portal/messages/${firstMessageId}/replies`],
        [sara, `/api/office/dossiers/${janDossier}/messages`],
        [sara, `/api/office/messages/${janReplyId}/replies`],
      ] as const) {
        const response = await who.post(url, body);
        expect(response.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
        const error = response.json().error;
        expect(error.code).toBe("validation_failed");
        expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(paths);
      }
    }
    const messages = (await jan.get(`/api/portal/dossiers/${janDossier}/messages`)).json();
    expect(messages.messages).toHaveLength(2);
  });

  it("gives the client no way to change or delete a sent message", async () => {
    for (const id of [janReplyId, firstMessageId]) {
      for (const method of ["PUT", "PATCH", "DELETE"] as const) {
        const response = await sendWithCsrf(jan, method, `/api/portal/messages/${id}`, {
          subject: "Anders",
          body: "Anders",
        });
        expect(response.statusCode).toBe(404);
      }
      for (const action of ["withdraw", "handled"]) {
        expect((await jan.post(`/api/office/messages/${id}/${action}`)).statusCode).toBe(403);
      }
    }
    const own = (await jan.get(`/api/portal/messages/${janReplyId}`)).json();
    expect(own).toMatchObject({
      subject: "Re: Uw levering",
      body: "Hierbij mijn paspoort en een foto.",
    });
  });

  it("shows every account of a company the company's messages, each with who wrote it and its own read state", async () => {
    const fromPiet = await piet.post(`/api/portal/dossiers/${bolDossier}/messages`, {
      subject: "Statuten",
      body: "Wanneer tekenen wij?",
    });
    expect(fromPiet.statusCode).toBe(201);
    expect(fromPiet.json()).toMatchObject({ authorName: "Piet Bol", read: true });
    const seenByAnna = (await anna.get(`/api/portal/dossiers/${bolDossier}/messages`)).json();
    expect(seenByAnna.messages).toEqual([
      expect.objectContaining({ id: fromPiet.json().id, authorName: "Piet Bol", read: false }),
    ]);
    const answer = await sara.post(`/api/office/messages/${fromPiet.json().id}/replies`, {
      subject: "Re: Statuten",
      body: "Volgende week dinsdag.",
    });
    expect(answer.json().client).toMatchObject({ name: "Bakkerij Bol", kind: "company" });
    for (const account of [anna, piet]) {
      const counts = await countsOf(account, bolDossier);
      expect(counts.tab.total).toBe(2);
    }
    expect((await countsOf(piet, bolDossier)).tab.unread).toBe(1);
    expect((await countsOf(anna, bolDossier)).tab.unread).toBe(2);
    await anna.post(`/api/portal/messages/${answer.json().id}/read`);
    expect((await countsOf(anna, bolDossier)).tab.unread).toBe(1);
    expect((await countsOf(piet, bolDossier)).tab.unread).toBe(1);
    // Jan, a client of the same office, sees none of it.
    expect((await jan.get(`/api/portal/dossiers/${bolDossier}/messages`)).statusCode).toBe(404);
    // A login that comes back sees what it read.
    const again = await logInToPortal(subject, "anna@bol.nl");
    expect((await countsOf(again, bolDossier)).tab.unread).toBe(1);
  });

  it("lets staff withdraw a message sent in error: gone for the client, kept and audited for the office", async () => {
    const uploaded = await uploadOfficeAttachment(sara, janDossier, "fout.pdf", samplePdf("fout"));
    const wrong = await sara.post(`/api/office/dossiers/${janDossier}/messages`, {
      subject: "Verkeerd dossier",
      body: "Dit bericht was niet voor u.",
      attachmentIds: [uploaded.json().id],
    });
    const wrongId = wrong.json().id;
    expect((await countsOf(jan, janDossier)).tab).toEqual({ total: 3, unread: 1 });
    const attachmentUrl = `/api/portal/messages/${wrongId}/attachments/${uploaded.json().id}/content`;
    expect((await jan.get(attachmentUrl)).statusCode).toBe(200);

    subject.clock.advance(MINUTE);
    const withdrawn = await tom.post(`/api/office/messages/${wrongId}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().withdrawn).toEqual({
      at: subject.clock.now().toISOString(),
      byName: "Tom Visser",
    });
    expect(await countsOf(jan, janDossier)).toMatchObject({ tab: { total: 2, unread: 0 } });
    const list = (await jan.get(`/api/portal/dossiers/${janDossier}/messages`)).json().messages;
    expect(titlesOf(list)).not.toContain("Verkeerd dossier");
    expect((await jan.get(`/api/portal/messages/${wrongId}`)).statusCode).toBe(404);
    expect((await jan.post(`/api/portal/messages/${wrongId}/read`)).statusCode).toBe(404);
    expect((await jan.get(attachmentUrl)).statusCode).toBe(404);
    const reply = await jan.post(`/api/portal/messages/${wrongId}/replies`, {
      subject: "Re",
      body: "?",
    });
    expect(reply.statusCode).toBe(404);

    const office = (await sara.get(`/api/office/dossiers/${janDossier}/messages`)).json().messages;
    expect(office.find((m: { id: string }) => m.id === wrongId)).toMatchObject({
      subject: "Verkeerd dossier",
      withdrawn: { byName: "Tom Visser" },
    });
    const audited = await auditOf("message.withdrawn", wrongId);
    expect(audited).toHaveLength(1);
    expect(audited[0]?.details).toMatchObject({
      dossierId: janDossier,
      subject: "Verkeerd dossier",
      authorName: "Sara de Wit",
    });
    // Only the office's own messages are withdrawn; a client's stays the client's.
    expect((await sara.post(`/api/office/messages/${janReplyId}/withdraw`)).statusCode).toBe(409);
  });

  it("keeps one inbox over the dossiers: unread first, filtered, read per staff member, handled for the office", async () => {
    // Oldest first: Jan's answer (before), then Piet's (before), then three more.
    subject.clock.advance(MINUTE);
    const send = async (client: ApiClient, dossierId: string, title: string) => {
      subject.clock.advance(MINUTE);
      const response = await client.post(`/api/portal/dossiers/${dossierId}/messages`, {
        subject: title,
        body: "Tekst",
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    const a = await send(jan, janDossier, "A");
    const b = await send(anna, bolDossier, "B");
    const c = await send(jan, janDossier, "C");

    const inbox = async (browser: ApiClient, query = "") =>
      (await browser.get(`/api/office/messages${query}`)).json();
    // Sara answered Piet's "Statuten", which read it for her.
    let sarasInbox = await inbox(sara);
    expect(titlesOf(sarasInbox.messages)).toEqual(["C", "B", "A", "Re: Uw levering", "Statuten"]);
    expect(sarasInbox).toMatchObject({ total: 5, unread: 4, page: 1, pageSize: 25 });

    // Read state is each staff member's own.
    await sara.post(`/api/office/messages/${c}/read`);
    await sara.post(`/api/office/messages/${a}/read`);
    sarasInbox = await inbox(sara);
    expect(titlesOf(sarasInbox.messages)).toEqual(["B", "Re: Uw levering", "C", "A", "Statuten"]);
    expect(sarasInbox.messages.map((m: { read: boolean }) => m.read)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    const tomsInbox = await inbox(tom);
    // Tom opened Jan's answer without reading it out (a GET reads nothing): all five are new.
    expect(titlesOf(tomsInbox.messages)).toEqual(["C", "B", "A", "Statuten", "Re: Uw levering"]);
    expect(tomsInbox.unread).toBe(5);
    await sendWithCsrf(sara, "DELETE", `/api/office/messages/${a}/read`);
    expect(titlesOf((await inbox(sara)).messages)).toEqual([
      "B",
      "A",
      "Re: Uw levering",
      "C",
      "Statuten",
    ]);

    // Pages run on across the unread and the read.
    const page2 = await inbox(sara, "?pageSize=2&page=2");
    expect(titlesOf(page2.messages)).toEqual(["Re: Uw levering", "C"]);
    expect(page2).toMatchObject({ total: 5, unread: 3, page: 2, pageSize: 2 });
    expect(titlesOf((await inbox(sara, "?pageSize=2&page=3")).messages)).toEqual(["Statuten"]);

    // Filters: handler, dossier, read state.
    expect(titlesOf((await inbox(sara, `?handler=${tomId}`)).messages)).toEqual([
      "A",
      "Re: Uw levering",
      "C",
    ]);
    expect(titlesOf((await inbox(sara, "?handler=none")).messages)).toEqual(["B", "Statuten"]);
    expect(titlesOf((await inbox(sara, `?dossierId=${bolDossier}`)).messages)).toEqual([
      "B",
      "Statuten",
    ]);
    const unreadOnly = await inbox(sara, "?read=unread");
    expect(titlesOf(unreadOnly.messages)).toEqual(["B", "A", "Re: Uw levering"]);
    expect(unreadOnly).toMatchObject({ total: 3, unread: 3 });
    const readOnly = await inbox(sara, "?read=read");
    expect(titlesOf(readOnly.messages)).toEqual(["C", "Statuten"]);
    expect(readOnly).toMatchObject({ total: 2, unread: 3 });

    // Handled is one mark for the office, by whom; open and handled filter on it.
    subject.clock.advance(MINUTE);
    const handled = await tom.post(`/api/office/messages/${b}/handled`);
    expect(handled.json().handled).toEqual({
      at: subject.clock.now().toISOString(),
      byName: "Tom Visser",
    });
    const seenBySara = (await sara.get(`/api/office/messages/${b}`)).json();
    expect(seenBySara.handled).toEqual(handled.json().handled);
    expect(seenBySara.read).toBe(false);
    expect(titlesOf((await inbox(sara, "?state=open")).messages)).toEqual([
      "A",
      "Re: Uw levering",
      "C",
      "Statuten",
    ]);
    expect(titlesOf((await inbox(sara, "?state=handled")).messages)).toEqual(["B"]);
    expect((await auditOf("message.handled", b)).length).toBe(1);
    const reopened = await sendWithCsrf(sara, "DELETE", `/api/office/messages/${b}/handled`);
    expect(reopened.json().handled).toBeNull();
    expect((await inbox(sara, "?state=handled")).total).toBe(0);
    // Only clients' messages are handled.
    expect((await sara.post(`/api/office/messages/${firstMessageId}/handled`)).statusCode).toBe(
      409,
    );
    // The inbox holds clients' messages only; a dossier's list holds both ways.
    const all = (await sara.get(`/api/office/dossiers/${janDossier}/messages`)).json().messages;
    expect(all.map((m: { sender: string }) => m.sender)).toContain("office");
  });

  it("lets staff write to one client of a dossier, and remove a new file before sending", async () => {
    const uploaded = await uploadOfficeAttachment(sara, bolDossier, "los.pdf", samplePdf());
    const removed = await sendWithCsrf(
      sara,
      "DELETE",
      `/api/office/message-attachments/${uploaded.json().id}`,
    );
    expect(removed.statusCode).toBe(204);
    const documents = (await sara.get(`/api/office/dossiers/${bolDossier}`)).json().documents;
    expect(documents).toEqual([]);
    const toBol = await sara.post(`/api/office/dossiers/${bolDossier}/messages`, {
      subject: "Alleen voor Bol",
      body: "Tekst",
      clientId: await clientIdNamed(sara, "Bakkerij Bol"),
    });
    expect(toBol.statusCode).toBe(201);
    const notLinked = await sara.post(`/api/office/dossiers/${bolDossier}/messages`, {
      subject: "Verkeerd",
      body: "Tekst",
      clientId: await clientIdNamed(sara, "Jan Jansen"),
    });
    expect(notLinked.statusCode).toBe(400);
    expect(notLinked.json().error.details).toEqual([
      expect.objectContaining({ path: "body.clientId" }),
    ]);
    // A published document is no draft to remove.
    const published = await sendWithCsrf(
      sara,
      "DELETE",
      `/api/office/message-attachments/${(await sara.get(`/api/office/dossiers/${janDossier}`)).json().documents[0].id}`,
    );
    expect(published.statusCode).toBe(404);
  });

  it("sweeps draft attachments nobody sent after a day, content and all", async () => {
    const fromClient = await uploadMessageAttachment(jan, janDossier, "vergeten.pdf", samplePdf());
    const fromOffice = await uploadOfficeAttachment(sara, janDossier, "vergeten.pdf", samplePdf());
    const deps = {
      db: subject.services.database.db,
      clock: subject.clock,
      blobs: subject.services.blobs,
    };
    const storedBlobs = async () => {
      let stored = 0;
      for await (const _ of subject.services.blobs.list()) stored += 1;
      return stored;
    };
    const blobsBefore = await storedBlobs();
    expect(await sweepDraftAttachments(deps, subject.clock.now())).toBe(0);
    // As the nightly job would a day later (the sessions here stay at today).
    const dayLater = new Date(subject.clock.now().getTime() + 24 * 60 * MINUTE + MINUTE);
    expect(await sweepDraftAttachments(deps, dayLater)).toBe(2);
    expect(await storedBlobs()).toBe(blobsBefore - 2);
    expect(
      (await jan.get(`/api/portal/dossiers/${janDossier}/message-attachments`)).json().attachments,
    ).toEqual([]);
    const late = await jan.post(`/api/portal/dossiers/${janDossier}/messages`, {
      subject: "Te laat",
      body: "Tekst",
      attachmentIds: [fromClient.json().id],
    });
    expect(late.json().error.code).toBe("unknown_attachment");
    const officeLate = await sara.post(`/api/office/dossiers/${janDossier}/messages`, {
      subject: "Te laat",
      body: "Tekst",
      attachmentIds: [fromOffice.json().id],
    });
    expect(officeLate.json().error.code).toBe("unknown_attachment");
    expect((await auditOf("document.attachment-swept", fromClient.json().id)).length).toBe(1);
    // Sent attachments stay.
    const supplied = (
      await jan.get(`/api/portal/dossiers/${janDossier}/documents?category=supplied`)
    ).json().documents;
    expect(supplied).toHaveLength(2);
  });
});
