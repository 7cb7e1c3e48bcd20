import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notices } from "#src/server/modules/notifications/schema.ts";
import {
  activateByMail,
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
} from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { addDocument, clientIdNamed, samplePdf } from "#test/support/dossiers.ts";
import {
  sendWithCsrf,
  titlesOf,
  uploadMessageAttachment,
  uploadOfficeAttachment,
} from "#test/support/messages.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * Nobody reaches a message, its files or a draft attachment that is not theirs, through any
 * endpoint of the messages, whether they know its id or guess one: a co-client of the same
 * dossier (for another client's conversation with the office), another client of the same
 * office, another office's clients and staff. A company's extra account sees the company's.
 * Every refusal is "not found", never "forbidden", so an id reveals nothing.
 */
describe.each(testDatabaseKinds)("message isolation, on %s", (kind) => {
  let subject: TestApp;
  let staffA: ApiClient;
  let staffB: ApiClient;
  let jan: ApiClient;
  let anna: ApiClient;
  let piet: ApiClient;
  let pieters: ApiClient;
  let kees: ApiClient;
  let dossierId: string;
  let otherDossierId: string;
  let dossierB: string;
  let toAll: string;
  let fromJan: string;
  let toJan: string;
  let fromBol: string;
  let janAttachment: string;
  let janDraft: string;
  let officeDraft: string;
  let officeAttachment: string;
  let documentId: string;

  const message = (subjectLine: string, extra: Record<string, unknown> = {}) => ({
    subject: subjectLine,
    body: "Tekst",
    ...extra,
  });

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const officeA = await createTestOffice(subject, "Kantoor Amstel");
    const officeB = await createTestOffice(subject, "Kantoor Berkel");
    staffA = await createOfficeStaff(subject, officeA.id, "sara@amstel.nl", "handler");
    staffB = await createOfficeStaff(subject, officeB.id, "admin@berkel.nl");
    jan = await createActiveClient(subject, officeA.id, "jan@example.nl", "person", "Jan Jansen");
    anna = await createActiveClient(subject, officeA.id, "anna@bol.nl", "company", "Bakkerij Bol");
    await anna.post("/api/me/extra-accounts", { name: "Piet Bol", email: "piet@bol.nl" });
    piet = await activateByMail(subject, "piet@bol.nl");
    pieters = await createActiveClient(
      subject,
      officeA.id,
      "pieters@example.nl",
      "person",
      "Piet Pieters",
    );
    kees = await createActiveClient(subject, officeB.id, "kees@example.nl", "person", "Kees");

    dossierId = (
      await staffA.post("/api/office/dossiers", {
        number: "A-1",
        description: "Levering met twee kopers",
        clientIds: [
          await clientIdNamed(staffA, "Jan Jansen"),
          await clientIdNamed(staffA, "Bakkerij Bol"),
        ],
      })
    ).json().id;
    otherDossierId = (
      await staffA.post("/api/office/dossiers", {
        number: "A-2",
        description: "Dossier van Piet Pieters",
        clientIds: [await clientIdNamed(staffA, "Piet Pieters")],
      })
    ).json().id;
    dossierB = (
      await staffB.post("/api/office/dossiers", {
        number: "B-1",
        description: "Dossier van Kees",
        clientIds: [await clientIdNamed(staffB, "Kees")],
      })
    ).json().id;

    documentId = (
      await addDocument(staffA, dossierId, {
        category: "documents",
        title: "Concept",
        name: "concept.pdf",
        content: samplePdf(),
        publish: false,
      })
    ).json().id;
    officeAttachment = (
      await uploadOfficeAttachment(staffA, dossierId, "a.pdf", samplePdf())
    ).json().id;
    toAll = (
      await staffA.post(
        `/api/office/dossiers/${dossierId}/messages`,
        message("Aan beide kopers", { attachmentIds: [officeAttachment] }),
      )
    ).json().id;
    janAttachment = (await uploadMessageAttachment(jan, dossierId, "jan.pdf", samplePdf())).json()
      .id;
    fromJan = (
      await jan.post(
        `/api/portal/messages/${toAll}/replies`,
        message("Vraag van Jan", { attachmentIds: [janAttachment] }),
      )
    ).json().id;
    toJan = (
      await staffA.post(`/api/office/messages/${fromJan}/replies`, message("Antwoord aan Jan"))
    ).json().id;
    fromBol = (
      await piet.post(`/api/portal/dossiers/${dossierId}/messages`, message("Vraag van Bol"))
    ).json().id;
    janDraft = (
      await uploadMessageAttachment(jan, dossierId, "concept-jan.pdf", samplePdf())
    ).json().id;
    officeDraft = (await uploadOfficeAttachment(staffA, dossierId, "nog.pdf", samplePdf())).json()
      .id;
    for (const id of [toAll, fromJan, toJan, fromBol, janAttachment, janDraft, officeDraft]) {
      expect(id, "set-up").toEqual(expect.any(String));
    }
  });
  afterAll(() => subject.close());

  const listed = async (client: ApiClient, dossier = dossierId) =>
    titlesOf((await client.get(`/api/portal/dossiers/${dossier}/messages`)).json().messages).sort();

  /** Every client route about one message (and one of its files), by what it answers. */
  const clientMessageRoutes = (client: ApiClient, messageId: string, documentId: string) => [
    () => client.get(`/api/portal/messages/${messageId}`),
    () => client.post(`/api/portal/messages/${messageId}/read`),
    () => client.post(`/api/portal/messages/${messageId}/replies`, message("Indringer")),
    () => client.get(`/api/portal/messages/${messageId}/attachments/${documentId}/content`),
  ];

  it("shows a co-client the messages to all, and each client only its own conversation with the office", async () => {
    expect(await listed(jan)).toEqual(["Aan beide kopers", "Antwoord aan Jan", "Vraag van Jan"]);
    for (const account of [anna, piet]) {
      expect(await listed(account)).toEqual(["Aan beide kopers", "Vraag van Bol"]);
      for (const route of clientMessageRoutes(account, fromJan, janAttachment)) {
        expect((await route()).statusCode).toBe(404);
      }
      for (const route of clientMessageRoutes(account, toJan, janAttachment)) {
        expect((await route()).statusCode).toBe(404);
      }
      // Jan's file is under Jan's "Door mij aangeleverd", not the company's.
      const supplied = await account.get(
        `/api/portal/dossiers/${dossierId}/documents?category=supplied`,
      );
      expect(supplied.json().documents).toEqual([]);
    }
    for (const route of clientMessageRoutes(jan, fromBol, officeAttachment)) {
      expect((await route()).statusCode).toBe(404);
    }
    // The tab and Home count what each sees.
    const tabOf = async (client: ApiClient) =>
      (await client.get(`/api/portal/dossiers/${dossierId}`)).json().tabs.messages.total;
    expect(await tabOf(jan)).toBe(3);
    expect(await tabOf(anna)).toBe(2);
    // Nothing attached to a message leaks through another message's address.
    const crossed = await anna.get(
      `/api/portal/messages/${toAll}/attachments/${janAttachment}/content`,
    );
    expect(crossed.statusCode).toBe(404);
    const allowed = await anna.get(
      `/api/portal/messages/${toAll}/attachments/${officeAttachment}/content`,
    );
    expect(allowed.statusCode).toBe(200);
    // A document the message does not carry (a draft of the office) is not reachable through it.
    const notAttached = await jan.get(
      `/api/portal/messages/${toAll}/attachments/${documentId}/content`,
    );
    expect(notAttached.statusCode).toBe(404);
  });

  it("shows a company's extra account the company's messages, and the office's answer to either account", async () => {
    const answer = await staffA.post(
      `/api/office/messages/${fromBol}/replies`,
      message("Antwoord aan Bol"),
    );
    expect(answer.statusCode).toBe(201);
    for (const account of [anna, piet]) {
      expect(await listed(account)).toContain("Antwoord aan Bol");
      const own = await account.get(`/api/portal/messages/${fromBol}`);
      expect(own.json()).toMatchObject({ authorName: "Piet Bol" });
    }
    expect(await listed(jan)).not.toContain("Antwoord aan Bol");
    expect(await listed(jan)).not.toContain("Vraag van Bol");
  });

  it("keeps a login's draft attachments its own: not the company's other account, not a co-client, not the office", async () => {
    const drafts = (client: ApiClient) =>
      client.get(`/api/portal/dossiers/${dossierId}/message-attachments`);
    expect((await drafts(jan)).json().attachments.map((d: { id: string }) => d.id)).toEqual([
      janDraft,
    ]);
    for (const other of [anna, piet]) {
      expect((await drafts(other)).json().attachments).toEqual([]);
      const removed = await sendWithCsrf(
        other,
        "DELETE",
        `/api/portal/message-attachments/${janDraft}`,
      );
      expect(removed.statusCode).toBe(404);
      const stolen = await other.post(
        `/api/portal/dossiers/${dossierId}/messages`,
        message("Met andermans bijlage", { attachmentIds: [janDraft] }),
      );
      expect(stolen.statusCode).toBe(400);
      expect(stolen.json().error.code).toBe("unknown_attachment");
      expect((await other.get(`/api/portal/documents/${janDraft}/content`)).statusCode).toBe(404);
    }
    // The office neither sees nor sends a client's draft.
    const office = (await staffA.get(`/api/office/dossiers/${dossierId}`)).json();
    expect(office.documents.map((d: { id: string }) => d.id)).not.toContain(janDraft);
    expect((await staffA.get(`/api/office/documents/${janDraft}/content`)).statusCode).toBe(404);
    const forwarded = await staffA.post(
      `/api/office/dossiers/${dossierId}/messages`,
      message("Doorsturen", { attachmentIds: [janDraft] }),
    );
    expect(forwarded.statusCode).toBe(400);
    const removedByOffice = await sendWithCsrf(
      staffA,
      "DELETE",
      `/api/office/message-attachments/${janDraft}`,
    );
    expect(removedByOffice.statusCode).toBe(404);
    // A client cannot remove the office's draft, nor send an office document as its own.
    expect(
      (await sendWithCsrf(jan, "DELETE", `/api/portal/message-attachments/${officeDraft}`))
        .statusCode,
    ).toBe(404);
    const posing = await jan.post(
      `/api/portal/dossiers/${dossierId}/messages`,
      message("Met een kantoordocument", { attachmentIds: [documentId] }),
    );
    expect(posing.statusCode).toBe(400);
    expect((await drafts(jan)).json().attachments).toHaveLength(1);
  });

  it("answers not found to a client of the same office, another office's client and guessed ids", async () => {
    const guessed = randomUUID();
    for (const outsider of [pieters, kees]) {
      for (const [messageId, documentId] of [
        [toAll, officeAttachment],
        [fromJan, janAttachment],
        [fromBol, officeAttachment],
        [guessed, guessed],
      ] as const) {
        for (const route of clientMessageRoutes(outsider, messageId, documentId)) {
          expect((await route()).statusCode).toBe(404);
        }
      }
      for (const dossier of [dossierId, guessed]) {
        expect((await outsider.get(`/api/portal/dossiers/${dossier}/messages`)).statusCode).toBe(
          404,
        );
        expect(
          (await outsider.get(`/api/portal/dossiers/${dossier}/message-attachments`)).statusCode,
        ).toBe(404);
        const sent = await outsider.post(
          `/api/portal/dossiers/${dossier}/messages`,
          message("Indringer"),
        );
        expect(sent.statusCode).toBe(404);
      }
      const upload = await uploadMessageAttachment(outsider, dossierId, "x.pdf", samplePdf());
      expect(upload.statusCode).toBe(404);
      for (const draft of [janDraft, officeDraft, guessed]) {
        const removed = await sendWithCsrf(
          outsider,
          "DELETE",
          `/api/portal/message-attachments/${draft}`,
        );
        expect(removed.statusCode).toBe(404);
      }
      const home = (await outsider.get("/api/portal/overview")).json();
      expect(home.unread.messages).toBe(0);
    }
    // Their own dossiers work as usual.
    expect(await listed(pieters, otherDossierId)).toEqual([]);
    expect(await listed(kees, dossierB)).toEqual([]);
  });

  it("keeps another office's staff out of every back-office endpoint of the messages", async () => {
    const guessed = randomUUID();
    for (const messageId of [toAll, fromJan, fromBol, guessed]) {
      const attempts = [
        await staffB.get(`/api/office/messages/${messageId}`),
        await staffB.post(`/api/office/messages/${messageId}/read`),
        await sendWithCsrf(staffB, "DELETE", `/api/office/messages/${messageId}/read`),
        await staffB.post(`/api/office/messages/${messageId}/handled`),
        await sendWithCsrf(staffB, "DELETE", `/api/office/messages/${messageId}/handled`),
        await staffB.post(`/api/office/messages/${messageId}/withdraw`),
        await staffB.post(`/api/office/messages/${messageId}/replies`, message("Indringer")),
      ];
      expect(attempts.map((response) => response.statusCode)).toEqual(Array(7).fill(404));
    }
    for (const dossier of [dossierId, guessed]) {
      expect((await staffB.get(`/api/office/dossiers/${dossier}/messages`)).statusCode).toBe(404);
      const sent = await staffB.post(`/api/office/dossiers/${dossier}/messages`, message("X"));
      expect(sent.statusCode).toBe(404);
    }
    for (const draft of [officeDraft, janDraft]) {
      const removed = await sendWithCsrf(
        staffB,
        "DELETE",
        `/api/office/message-attachments/${draft}`,
      );
      expect(removed.statusCode).toBe(404);
    }
    // Its own inbox holds none of A's; A's documents cannot be attached in its own dossier.
    const inbox = (await staffB.get("/api/office/messages")).json();
    expect(inbox).toMatchObject({ messages: [], total: 0, unread: 0 });
    expect((await staffB.get(`/api/office/messages?dossierId=${dossierId}`)).json().total).toBe(0);
    const borrowed = await staffB.post(
      `/api/office/dossiers/${dossierB}/messages`,
      message("Met A's document", { attachmentIds: [documentId, officeAttachment] }),
    );
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.attachmentIds.0",
      "body.attachmentIds.1",
    ]);
    // Nothing changed at office A.
    const own = (await staffA.get(`/api/office/messages/${fromJan}`)).json();
    expect(own).toMatchObject({ handled: null, withdrawn: null });
    expect((await staffA.get(`/api/office/messages/${toAll}`)).json().withdrawn).toBeNull();
    expect(await listed(jan)).toContain("Aan beide kopers");
    // Nor can office A attach a document of its other dossier to this one.
    const otherDocument = (
      await addDocument(staffA, otherDossierId, {
        category: "documents",
        title: "Ander dossier",
        name: "ander.pdf",
        content: samplePdf(),
      })
    ).json().id;
    const wrongDossier = await staffA.post(
      `/api/office/dossiers/${dossierId}/messages`,
      message("Verkeerd dossier", { attachmentIds: [otherDocument] }),
    );
    expect(wrongDossier.statusCode).toBe(400);
  });

  it("keeps clients out of the back office's messages and staff out of the portal's", async () => {
    expect((await jan.get("/api/office/messages")).statusCode).toBe(403);
    expect((await jan.get(`/api/office/messages/${fromJan}`)).statusCode).toBe(403);
    expect((await jan.post(`/api/office/messages/${toAll}/withdraw`)).statusCode).toBe(403);
    expect((await staffA.get(`/api/portal/dossiers/${dossierId}/messages`)).statusCode).toBe(403);
    expect((await staffA.get(`/api/portal/messages/${toAll}`)).statusCode).toBe(403);
    const anonymous = await subject.app.inject({ method: "GET", url: "/api/office/messages" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("tells only the client a message is written to, not the dossier's other client", async () => {
    const noticesOf = async (browser: ApiClient) => {
      const accountId = (await browser.get("/api/session")).json().account.id;
      return (
        await subject.services.database.db
          .select()
          .from(notices)
          .where(and(eq(notices.accountId, accountId), eq(notices.dossierId, dossierId)))
      ).length;
    };
    const before = { jan: await noticesOf(jan), anna: await noticesOf(anna) };
    const toJanOnly = await staffA.post(`/api/office/dossiers/${dossierId}/messages`, {
      ...message("Alleen voor Jan"),
      clientId: await clientIdNamed(staffA, "Jan Jansen"),
    });
    expect(toJanOnly.statusCode).toBe(201);
    expect({ jan: await noticesOf(jan), anna: await noticesOf(anna) }).toEqual({
      jan: before.jan + 1,
      anna: before.anna,
    });
  });
});
