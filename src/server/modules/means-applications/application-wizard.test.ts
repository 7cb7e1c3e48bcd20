import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { EICAR, EICAR_SIGNATURE } from "#test/support/clamd.ts";
import { samplePdf } from "#test/support/dossiers.ts";
import {
  applicationUrl,
  codeIn,
  defaultUser,
  jointDirectors,
  seedCatalogue,
  sendJson,
  signAs,
  signingToken,
  soleOwner,
  startApplicant,
  uploadIdCopy,
  verifyContacts,
} from "#test/support/eherkenning-apply.ts";
import { lastMailTo, lastSmsTo, linkToken } from "#test/support/outbox.ts";
import { createSupplierStaff } from "#test/support/supplier-staff.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { waitingOnDisk } from "../documents/receive-upload.ts";
import { eherkenningDeps } from "./deps.ts";
import { addIdCopy } from "./id-copies.ts";
import { applicationSigners, meansApplications } from "./schema.ts";

const anna = { email: "anna@notarielezaken.example", mobile: "+31611111111" };
const pieter = { email: "pieter@notarielezaken.example" };
const johan = { email: "johan@bakkerij.example" };

describe.each(testDatabaseKinds)("the eHerkenning application wizard, on %s", (kind) => {
  let subject: TestApp;
  let catalogue: Awaited<ReturnType<typeof seedCatalogue>>;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    catalogue = await seedCatalogue(subject);
  });
  afterAll(async () => {
    await subject.close();
  });

  const db = () => subject.services.database.db;

  async function stateOf(reference: string) {
    const [row] = await db()
      .select()
      .from(meansApplications)
      .where(eq(meansApplications.reference, reference));
    return row;
  }

  /** An EH3 application for the jointly directed BV, user not employed there: ready to submit. */
  async function completeJointApplication(ip: string) {
    const applicant = await startApplicant(subject, ip);
    const scope = await sendJson(applicant, "PUT", `${applicationUrl}/scope`, {
      scope: { kind: "services", serviceIds: [catalogue.eh3Service] },
    });
    expect(scope.statusCode).toBe(200);
    expect(scope.json()).toMatchObject({ level: "EH3", demandedLevel: "EH3", resumeStep: 2 });
    await verifyContacts(subject, applicant);
    const company = await sendJson(applicant, "PUT", `${applicationUrl}/company`, {
      kvkNumber: jointDirectors.kvkNumber,
      userWorksForCompany: false,
      signers: [
        { representativeId: "90000001-1", ...anna },
        { representativeId: "90000001-2", ...pieter, mobile: "" },
      ],
    });
    expect(company.statusCode).toBe(200);
    expect(company.json()).toMatchObject({
      idCopyRequired: true,
      missing: ["idCopy"],
      resumeStep: 3,
      signaturesNeeded: { kind: "joint", count: 2, of: 2 },
    });
    const upload = await uploadIdCopy(applicant, { expiresOn: "2030-01-31" });
    expect(upload.statusCode).toBe(201);
    return applicant;
  }

  it("takes an EH3 application for two jointly authorized directors all the way to review", async () => {
    const applicant = await completeJointApplication("203.0.113.11");
    const ready = (await applicant.get(applicationUrl)).json();
    expect(ready).toMatchObject({ state: "draft", missing: [], resumeStep: 4 });

    const submitted = await applicant.post(`${applicationUrl}/submission`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().state).toBe("signing");
    expect(submitted.json().signers.map((s: { status: string }) => s.status)).toEqual([
      "waiting",
      "waiting",
    ]);

    const annaToken = await signingToken(subject, anna.email);
    const page = await new ApiClient(subject.app).get(`/api/eherkenning/signatures/${annaToken}`);
    expect(page.json()).toMatchObject({
      status: "open",
      level: "EH3",
      userWorksForCompany: false,
      codeChannel: "sms",
      user: { name: defaultUser.name },
      company: { name: jointDirectors.name },
    });

    const first = await signAs(subject, annaToken, anna);
    expect(first.statusCode).toBe(200);
    expect(first.json().status).toBe("signed");
    expect((await stateOf(ready.reference))?.state).toBe("signing");

    const second = await signAs(subject, await signingToken(subject, pieter.email), pieter);
    expect(second.statusCode).toBe(200);
    const row = await stateOf(ready.reference);
    expect(row?.state).toBe("review");
    expect(row?.signedAt).not.toBeNull();
    const mail = await lastMailTo(subject, defaultUser.email);
    expect(mail.subject).toContain("is ondertekend");

    // Signing twice: refused, nothing changed.
    const again = await signAs(subject, annaToken, anna);
    expect(again.statusCode).toBe(409);
    expect((await stateOf(ready.reference))?.state).toBe("review");
  });

  it("takes an EH2+ application signed by a sole owner to review, in English", async () => {
    const applicant = await startApplicant(subject, "203.0.113.12");
    const scope = await sendJson(applicant, "PUT", `${applicationUrl}/scope`, {
      scope: { kind: "services", serviceIds: [catalogue.eh2Service] },
    });
    expect(scope.json().level).toBe("EH2+");
    await verifyContacts(subject, applicant, {
      name: "Sam Visser",
      email: "sam@example.nl",
      mobile: "+31622222222",
    });
    await sendJson(applicant, "PUT", `${applicationUrl}/company`, {
      kvkNumber: soleOwner.kvkNumber,
      branchNumber: "9900 0000 0021",
      userWorksForCompany: true,
      signers: [{ representativeId: "90000002-1", ...johan }],
    });
    // At EH2+ the ID copy is needed even for an employee.
    const before = (await applicant.get(applicationUrl)).json();
    expect(before).toMatchObject({ idCopyRequired: true, missing: ["idCopy"] });
    await uploadIdCopy(applicant, { documentType: "identity-card", expiresOn: "2029-05-01" });
    const submitted = await applicant.post(`${applicationUrl}/submission`, undefined, {
      "accept-language": "en",
    });
    expect(submitted.statusCode).toBe(200);
    const signed = await signAs(subject, await signingToken(subject, johan.email), johan);
    expect(signed.statusCode).toBe(200);
    expect((await stateOf(before.reference))?.state).toBe("review");
  });

  it("refuses a level lower than the services demand, and accepts a higher one", async () => {
    const applicant = await startApplicant(subject, "203.0.113.13");
    const lower = await sendJson(applicant, "PUT", `${applicationUrl}/scope`, {
      scope: { kind: "services", serviceIds: [catalogue.eh2Service, catalogue.eh3Service] },
      level: "EH2+",
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.code).toBe("level_below_demanded");
    const higher = await sendJson(applicant, "PUT", `${applicationUrl}/scope`, {
      scope: { kind: "provider", providerId: catalogue.providerId },
      level: "EH4",
    });
    expect(higher.json()).toMatchObject({ level: "EH4", demandedLevel: "EH3" });
    const all = await sendJson(applicant, "PUT", `${applicationUrl}/scope`, {
      scope: { kind: "all" },
    });
    expect(all.json()).toMatchObject({ level: "EH3", demandedLevel: null });
    const unknown = await sendJson(applicant, "PUT", `${applicationUrl}/scope`, {
      scope: { kind: "services", serviceIds: ["00000000-0000-4000-8000-000000000000"] },
    });
    expect(unknown.json().error.code).toBe("unknown_service");
  });

  it("refuses a wrong code, an expired one, and any code after five wrong attempts", async () => {
    const applicant = await startApplicant(subject, "203.0.113.14");
    const user = { name: "Kim de Wit", email: "kim@example.nl", mobile: "+31633333333" };
    await sendJson(applicant, "PUT", `${applicationUrl}/user`, user);
    await applicant.post(`${applicationUrl}/contact-codes`, { contact: "mobile" });
    const code = codeIn(await lastSmsTo(subject, user.mobile));
    const wrongCode = code === "000000" ? "111111" : "000000";

    const wrong = await applicant.post(`${applicationUrl}/contact-verification`, {
      contact: "mobile",
      code: wrongCode,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("code_invalid");
    for (let i = 0; i < 4; i += 1) {
      await applicant.post(`${applicationUrl}/contact-verification`, {
        contact: "mobile",
        code: wrongCode,
      });
    }
    const tooMany = await applicant.post(`${applicationUrl}/contact-verification`, {
      contact: "mobile",
      code,
    });
    expect(tooMany.json().error.code).toBe("code_invalid");

    await applicant.post(`${applicationUrl}/contact-codes`, { contact: "email" });
    const mailed = codeIn((await lastMailTo(subject, user.email)).text);
    subject.clock.advance(16 * 60_000);
    const expired = await applicant.post(`${applicationUrl}/contact-verification`, {
      contact: "email",
      code: mailed,
    });
    expect(expired.json().error.code).toBe("code_invalid");
    expect((await applicant.get(applicationUrl)).json().user).toMatchObject({
      emailVerified: false,
      mobileVerified: false,
    });

    // A code for an address since changed proves nothing.
    await applicant.post(`${applicationUrl}/contact-codes`, { contact: "email" });
    const forOld = codeIn((await lastMailTo(subject, user.email)).text);
    await sendJson(applicant, "PUT", `${applicationUrl}/user`, {
      ...user,
      email: "kim2@example.nl",
    });
    const stale = await applicant.post(`${applicationUrl}/contact-verification`, {
      contact: "email",
      code: forOld,
    });
    expect(stale.json().error.code).toBe("code_invalid");
  });

  it("mails a link that lets another browser continue the application", async () => {
    const applicant = await startApplicant(subject, "203.0.113.15");
    const user = { name: "Noor Smit", email: "noor@example.nl", mobile: "+31644444444" };
    await verifyContacts(subject, applicant, user);
    const token = linkToken(await lastMailTo(subject, user.email), "aanvragen/link");
    const other = new ApiClient(subject.app, "203.0.113.16");
    const restored = await other.post("/api/eherkenning/applications/link", { token });
    expect(restored.statusCode).toBe(200);
    expect((await other.get(applicationUrl)).json().user.name).toBe("Noor Smit");
    const bad = await other.post("/api/eherkenning/applications/link", { token: "x".repeat(43) });
    expect(bad.statusCode).toBe(410);
  });

  it("shows the company and refuses an unknown KvK number and a choice that can never sign", async () => {
    const applicant = await startApplicant(subject, "203.0.113.17");
    await sendJson(applicant, "PUT", `${applicationUrl}/scope`, { scope: { kind: "all" } });
    const found = await applicant.post(`${applicationUrl}/company-lookup`, {
      kvkNumber: "9000 0005",
    });
    // At EH3 neither the director without authority nor the full proxy can sign.
    expect(found.json().company.name).toBe("Adviesbureau Smit Test B.V.");
    expect(found.json()).not.toHaveProperty("signaturesNeeded");
    const unknown = await applicant.post(`${applicationUrl}/company-lookup`, {
      kvkNumber: "12345678",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: "kvk_number_unknown",
      details: [expect.objectContaining({ path: "body.kvkNumber" })],
    });
    const withoutAuthority = await sendJson(applicant, "PUT", `${applicationUrl}/company`, {
      kvkNumber: "90000005",
      userWorksForCompany: true,
      signers: [{ representativeId: "90000005-1", email: "hans@smit.example" }],
    });
    expect(withoutAuthority.json().error.code).toBe("representative_unknown");
    const oneOfThree = await sendJson(applicant, "PUT", `${applicationUrl}/company`, {
      kvkNumber: "90000003",
      userWorksForCompany: true,
      signers: [{ representativeId: "90000003-1", email: "marco@hendriks.example" }],
    });
    expect(oneOfThree.json().error.code).toBe("signatures_unattainable");
  });

  it("needs the ID copy when the user does not work there, valid at least one more month", async () => {
    const applicant = await startApplicant(subject, "203.0.113.18");
    await sendJson(applicant, "PUT", `${applicationUrl}/scope`, {
      scope: { kind: "services", serviceIds: [catalogue.eh3Service] },
    });
    await verifyContacts(subject, applicant, {
      name: "Iris Kok",
      email: "iris@example.nl",
      mobile: "+31655555555",
    });
    await sendJson(applicant, "PUT", `${applicationUrl}/company`, {
      kvkNumber: jointDirectors.kvkNumber,
      userWorksForCompany: false,
      signers: [
        { representativeId: "90000001-1", ...anna },
        { representativeId: "90000001-2", ...pieter },
      ],
    });
    const missing = await applicant.post(`${applicationUrl}/submission`);
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error).toMatchObject({
      code: "application_incomplete",
      details: [expect.objectContaining({ code: "idCopy" })],
    });
    // The test clock stands at 23 November 2026: 22 December is less than a month on.
    const tooSoon = await uploadIdCopy(applicant, { expiresOn: "2026-12-22" });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json().error.code).toBe("id_document_expires_too_soon");
    const exe = await uploadIdCopy(
      applicant,
      { expiresOn: "2030-01-01" },
      { name: "paspoort.pdf", content: Buffer.from("MZ\u0090\u0000 not a scan at all") },
    );
    expect(exe.statusCode).toBe(415);
    const accepted = await uploadIdCopy(applicant, { expiresOn: "2026-12-23" });
    expect(accepted.statusCode).toBe(201);
    const view = (await applicant.get(applicationUrl)).json();
    expect(view.missing).toEqual([]);
    const removed = await sendJson(
      applicant,
      "DELETE",
      `${applicationUrl}/attachments/${accepted.json().id}`,
    );
    expect(removed.json().missing).toEqual(["idCopy"]);
    const refusals = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "application.attachment-refused"));
    expect(refusals.map((event) => (event.details as { reason: string }).reason)).toEqual(
      expect.arrayContaining(["id_document_expires_too_soon", "file_type_not_allowed"]),
    );
  });

  it("refuses an infected copy: nothing stored, the virus recorded", async () => {
    const applicant = await startApplicant(subject, "203.0.113.24");
    const reference = (await applicant.get(applicationUrl)).json().reference;
    const application = await stateOf(reference);
    if (!application) throw new Error("no application");
    // A scanner that finds the EICAR test string, as clamd does (see virus-scan.test.ts for the
    // real daemon): the refusal path is the same whatever the scanner.
    const deps = {
      ...eherkenningDeps(subject.services),
      scanner: {
        async scan(open: () => Readable) {
          const chunks: Buffer[] = [];
          for await (const chunk of open()) chunks.push(chunk as Buffer);
          return Buffer.concat(chunks).includes(EICAR)
            ? { status: "infected" as const, engine: "test", signature: EICAR_SIGNATURE }
            : { status: "clean" as const, engine: "test" };
        },
      },
    };
    const folder = await mkdtemp(path.join(os.tmpdir(), "poort-eh-"));
    const filePath = path.join(folder, "upload");
    await writeFile(filePath, Buffer.concat([samplePdf("besmet"), Buffer.from(`\n% ${EICAR}\n`)]));
    const refused = addIdCopy(
      deps,
      application,
      { documentType: "passport", expiresOn: "2030-01-01" },
      waitingOnDisk(filePath, "paspoort.pdf", (await stat(filePath)).size),
      { locale: "nl", ip: "203.0.113.24" },
    );
    await expect(refused).rejects.toMatchObject({ code: "file_infected" });
    expect((await applicant.get(applicationUrl)).json().attachments).toEqual([]);
    await expect(stat(filePath)).rejects.toThrow();
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, application.id))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({
      action: "application.attachment-refused",
      details: { reason: "file_infected", signature: EICAR_SIGNATURE },
    });
    await rm(folder, { recursive: true, force: true });
  });

  it("refuses a double submit, a replaced signer's link and signing after rejection", async () => {
    const applicant = await completeJointApplication("203.0.113.19");
    const submitted = await applicant.post(`${applicationUrl}/submission`);
    expect(submitted.statusCode).toBe(200);
    const reference = submitted.json().reference;
    const before = await stateOf(reference);
    const double = await applicant.post(`${applicationUrl}/submission`);
    expect(double.statusCode).toBe(409);
    expect(double.json().error.code).toBe("application_state");
    expect(await stateOf(reference)).toEqual(before);

    // Pieter is replaced by Pieter at another address: the first link stops working.
    const oldToken = await signingToken(subject, pieter.email);
    const pieterSigner = submitted
      .json()
      .signers.find((s: { representativeId: string }) => s.representativeId === "90000001-2");
    const replaced = await applicant.post(
      `${applicationUrl}/signers/${pieterSigner.id}/replacement`,
      { representativeId: "90000001-2", email: "pieter.jansen@example.nl" },
    );
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().signers.map((s: { status: string }) => s.status)).toEqual([
      "waiting",
      "replaced",
      "waiting",
    ]);
    const oldLink = await new ApiClient(subject.app).get(`/api/eherkenning/signatures/${oldToken}`);
    expect(oldLink.statusCode).toBe(410);
    const oldSign = await signAs(subject, oldToken, pieter);
    expect(oldSign.statusCode).toBe(410);

    // Resending makes a new link; the previous one stops working.
    const annaFirst = await signingToken(subject, anna.email);
    const annaSigner = submitted.json().signers[0];
    const resent = await applicant.post(`${applicationUrl}/signers/${annaSigner.id}/resend`);
    expect(resent.statusCode).toBe(200);
    const annaSecond = await signingToken(subject, anna.email);
    expect(annaSecond).not.toBe(annaFirst);

    // The reviewer rejects while it is being signed.
    await db()
      .update(meansApplications)
      .set({ state: "rejected", rejectionReason: "Onjuiste gegevens" })
      .where(eq(meansApplications.reference, reference));
    const page = await new ApiClient(subject.app).get(`/api/eherkenning/signatures/${annaSecond}`);
    expect(page.json().status).toBe("closed");
    const late = await new ApiClient(subject.app).post(
      `/api/eherkenning/signatures/${annaSecond}/code`,
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("application_state");
    const lateSign = await new ApiClient(subject.app).post(
      `/api/eherkenning/signatures/${annaSecond}/signature`,
      { code: "123456" },
    );
    expect(lateSign.json().error.code).toBe("application_state");
  });

  it("mails no link to a draft's signers: they have no linkSentAt until submission", async () => {
    const applicant = await completeJointApplication("203.0.113.25");
    const draft = (await applicant.get(applicationUrl)).json();
    expect(draft.state).toBe("draft");
    expect(draft.signers.map((s: { status: string }) => s.status)).toEqual(["chosen", "chosen"]);
    expect(draft.signers.map((s: { linkSentAt: string | null }) => s.linkSentAt)).toEqual([
      null,
      null,
    ]);
    const application = await stateOf(draft.reference);
    const rows = await db()
      .select()
      .from(applicationSigners)
      .where(eq(applicationSigners.applicationId, application?.id ?? ""));
    expect(rows.map((row) => row.linkSentAt)).toEqual([null, null]);
    expect(rows.every((row) => row.declinedAt === null && row.declineReason === null)).toBe(true);

    // Submitting mails each signer their link, and notes when.
    subject.clock.advance(60_000);
    const submitted = (await applicant.post(`${applicationUrl}/submission`)).json();
    const sentAt = subject.clock.now().toISOString();
    expect(submitted.signers.map((s: { linkSentAt: string | null }) => s.linkSentAt)).toEqual([
      sentAt,
      sentAt,
    ]);
    expect(await signingToken(subject, anna.email)).toBeTruthy();
  });

  it("stores a decline with its reason, shows it, and lets a replacement still reach review", async () => {
    const reason = "Ik ken deze gebruiker niet & teken dus niet.";
    const applicant = await completeJointApplication("203.0.113.20");
    const submitted = (await applicant.post(`${applicationUrl}/submission`)).json();
    const [annaSigner, pieterSigner] = submitted.signers;
    const token = await signingToken(subject, pieter.email);
    subject.clock.advance(60_000);
    const declinedAt = subject.clock.now().toISOString();
    const declined = await new ApiClient(subject.app).post(
      `/api/eherkenning/signatures/${token}/refusal`,
      { reason },
    );
    expect(declined.statusCode).toBe(200);
    expect(declined.json().status).toBe("declined");

    // Stored on the signer's row, audited (without the reason) and mailed to the user.
    const [row] = await db()
      .select()
      .from(applicationSigners)
      .where(eq(applicationSigners.id, pieterSigner.id));
    expect(row?.declinedAt?.toISOString()).toBe(declinedAt);
    expect(row?.declineReason).toBe(reason);
    expect(row?.signedAt).toBeNull();
    expect(row?.replacedAt).toBeNull();
    const events = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, pieterSigner.id));
    const event = events.find((e) => e.action === "application.signature-declined");
    expect(event?.details).toEqual({ applicationId: expect.any(String) });
    expect(JSON.stringify(events)).not.toContain("Ik ken deze gebruiker niet");
    const mail = await lastMailTo(subject, defaultUser.email);
    expect(mail.text).toContain(reason);

    // The applicant's follow page: declined, when and why.
    const view = (await applicant.get(applicationUrl)).json();
    expect(view.signers.map((s: { status: string }) => s.status)).toEqual(["waiting", "declined"]);
    expect(view.signers[1]).toMatchObject({ declinedAt, declineReason: reason, signedAt: null });
    expect(view.signers[0]).toMatchObject({ declinedAt: null, declineReason: null });

    // The link still shows the request as declined, but can no longer sign or decline again.
    const page = await new ApiClient(subject.app).get(`/api/eherkenning/signatures/${token}`);
    expect(page.json().status).toBe("declined");
    const signAfter = await signAs(subject, token, pieter);
    expect(signAfter.statusCode).toBe(409);
    expect(signAfter.json().error.code).toBe("signature_declined");
    const signWithCode = await new ApiClient(subject.app).post(
      `/api/eherkenning/signatures/${token}/signature`,
      { code: "123456" },
    );
    expect(signWithCode.json().error.code).toBe("signature_declined");
    const declineAgain = await new ApiClient(subject.app).post(
      `/api/eherkenning/signatures/${token}/refusal`,
      { reason: "Nog een keer" },
    );
    expect(declineAgain.json().error.code).toBe("signature_declined");
    const [unchanged] = await db()
      .select()
      .from(applicationSigners)
      .where(eq(applicationSigners.id, pieterSigner.id));
    expect(unchanged).toEqual(row);
    // Who declined is asked again only through "vervangen", never by a resent link.
    const resend = await applicant.post(`${applicationUrl}/signers/${pieterSigner.id}/resend`);
    expect(resend.statusCode).toBe(409);

    // "Vervangen": Pieter at another address is mailed a new link; the declined row stays.
    const newPieter = { email: "p.jansen@example.nl" };
    subject.clock.advance(60_000);
    const replaced = await applicant.post(
      `${applicationUrl}/signers/${pieterSigner.id}/replacement`,
      { representativeId: "90000001-2", ...newPieter },
    );
    expect(replaced.statusCode).toBe(200);
    const afterReplacement = replaced.json().signers;
    expect(afterReplacement.map((s: { status: string }) => s.status)).toEqual([
      "waiting",
      "replaced",
      "waiting",
    ]);
    expect(afterReplacement[1]).toMatchObject({ declinedAt, declineReason: reason });
    expect(afterReplacement[2]).toMatchObject({
      email: newPieter.email,
      linkSentAt: subject.clock.now().toISOString(),
      declinedAt: null,
    });
    const newToken = await signingToken(subject, newPieter.email);
    expect(
      (await new ApiClient(subject.app).get(`/api/eherkenning/signatures/${token}`)).statusCode,
    ).toBe(410);

    // Both sign: the application reaches the review, the declined signer counting for nothing.
    expect((await signAs(subject, await signingToken(subject, anna.email), anna)).statusCode).toBe(
      200,
    );
    expect((await signAs(subject, newToken, newPieter)).statusCode).toBe(200);
    expect((await stateOf(submitted.reference))?.state).toBe("review");

    // The reviewer sees the refusal with its reason, and the replacement.
    const reviewer = await createSupplierStaff(
      subject,
      "rita.wizard@poort-eherkenning.nl",
      "reviewer",
    );
    const application = await stateOf(submitted.reference);
    const detail = (
      await reviewer.get(`/api/eherkenning/beheer/applications/${application?.id}`)
    ).json();
    expect(detail.signers).toHaveLength(3);
    expect(detail.signers[1]).toMatchObject({
      id: pieterSigner.id,
      signedAt: null,
      declinedAt,
      declineReason: reason,
      replacedAt: expect.any(String),
    });
    expect(detail.signers[0]).toMatchObject({ id: annaSigner.id, declinedAt: null });
    expect(detail.checklist.allMet).toBe(true);
  });

  it("lets no other browser read or change an application", async () => {
    const owner = await completeJointApplication("203.0.113.21");
    const ownView = (await owner.get(applicationUrl)).json();
    const attachmentId = ownView.attachments[0].id;
    const signerId = ownView.signers[0].id;
    const stranger = await startApplicant(subject, "203.0.113.22");
    const nobody = new ApiClient(subject.app, "203.0.113.23");

    for (const client of [stranger, nobody]) {
      const read = await client.get(applicationUrl);
      if (client === nobody) expect(read.json()).toBeNull();
      else expect(read.json().reference).not.toBe(ownView.reference);
      const removal = await sendJson(
        client,
        "DELETE",
        `${applicationUrl}/attachments/${attachmentId}`,
      );
      expect(removal.statusCode).toBe(404);
      const resend = await client.post(`${applicationUrl}/signers/${signerId}/resend`);
      expect([404, 409]).toContain(resend.statusCode);
      const replace = await client.post(`${applicationUrl}/signers/${signerId}/replacement`, {
        representativeId: "90000001-1",
        email: "someone@example.nl",
      });
      expect([404, 409]).toContain(replace.statusCode);
      for (const [method, url, body] of [
        ["PUT", `${applicationUrl}/scope`, { scope: { kind: "all" } }],
        ["PUT", `${applicationUrl}/user`, defaultUser],
        ["POST", `${applicationUrl}/contact-codes`, { contact: "email" }],
        ["POST", `${applicationUrl}/contact-verification`, { contact: "email", code: "123456" }],
        ["POST", `${applicationUrl}/company-lookup`, { kvkNumber: "90000001" }],
        ["POST", `${applicationUrl}/submission`, undefined],
      ] as const) {
        const answer = await sendJson(client, method, url, body);
        if (client === nobody) expect(answer.statusCode).toBe(404);
      }
      const upload = await uploadIdCopy(
        client,
        { expiresOn: "2030-01-01" },
        {
          name: "id.pdf",
          content: samplePdf(),
        },
      );
      if (client === nobody) expect(upload.statusCode).toBe(404);
    }
    // The owner's application is as it was.
    const after = (await owner.get(applicationUrl)).json();
    expect(after).toEqual(ownView);
  });
});
