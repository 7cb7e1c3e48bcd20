import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents } from "#src/server/modules/documents/schema.ts";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import {
  type Clamd,
  clamdRequired,
  EICAR,
  EICAR_SIGNATURE,
  startClamd,
} from "#test/support/clamd.ts";
import {
  addDocument,
  clientIdNamed,
  samplePdf,
  sendUploadPart,
  startUpload,
  supplyFile,
} from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/** A PDF that carries the EICAR test string: it passes the type check, so the scan decides. */
const infectedPdf = () => Buffer.concat([samplePdf("besmet"), Buffer.from(`\n% ${EICAR}\n`)]);

describe.skipIf(!clamdRequired).each(testDatabaseKinds)(
  "uploads scanned by a real clamd, on %s",
  (kind) => {
    let clamd: Clamd;
    let subject: TestApp;
    let staff: ApiClient;
    let client: ApiClient;
    let dossierId: string;

    beforeAll(async () => {
      clamd = await startClamd();
      subject = await createTestApp(kind, { CLAMAV_URL: clamd.url });
      const office = await createTestOffice(subject, "Kantoor Amstel");
      staff = await createOfficeStaff(subject, office.id, "sara@amstel.nl");
      client = await createActiveClient(
        subject,
        office.id,
        "jan@example.nl",
        "person",
        "Jan Jansen",
      );
      const created = await staff.post("/api/office/dossiers", {
        number: "2026.0142",
        description: "Levering",
        clientIds: [await clientIdNamed(staff, "Jan Jansen")],
      });
      dossierId = created.json().id;
    });
    afterAll(async () => {
      await subject.close();
      await clamd.stop();
    });

    async function refusals() {
      return subject.services.database.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, "document.refused"), eq(auditEvents.subjectId, dossierId)),
        );
    }

    it("stores a clean file with the scan recorded", async () => {
      const supplied = await supplyFile(client, dossierId, "schoon.pdf", samplePdf());
      expect(supplied.statusCode).toBe(200);
      const office = (await staff.get(`/api/office/dossiers/${dossierId}`)).json();
      expect(office.documents).toEqual([
        expect.objectContaining({ fileName: "schoon.pdf", scan: "clean" }),
      ]);
    });

    async function storedBlobs(): Promise<number> {
      let count = 0;
      for await (const _ of subject.services.blobs.list()) count += 1;
      return count;
    }

    it("refuses an infected file from a client or staff: it never reaches anyone, and the virus is recorded", async () => {
      const blobsBefore = await storedBlobs();
      const fromClient = await supplyFile(client, dossierId, "besmet.pdf", infectedPdf());
      expect(fromClient.statusCode).toBe(422);
      expect(fromClient.json().error).toMatchObject({
        code: "file_infected",
        message: "In dit bestand is een virus gevonden. Het is niet opgeslagen.",
      });
      const fromStaff = await addDocument(staff, dossierId, {
        category: "documents",
        title: "Besmet",
        name: "besmet.pdf",
        content: infectedPdf(),
      });
      expect(fromStaff.statusCode).toBe(422);
      // Not even an unreadable object is left of either in the store.
      expect(await storedBlobs()).toBe(blobsBefore);

      const office = (await staff.get(`/api/office/dossiers/${dossierId}`)).json();
      expect(office.documents.map((d: { fileName: string }) => d.fileName)).toEqual(["schoon.pdf"]);
      const supplied = (
        await client.get(`/api/portal/dossiers/${dossierId}/documents?category=supplied`)
      ).json();
      expect(supplied.documents).toHaveLength(1);
      expect((await refusals()).map((event) => event.details)).toEqual([
        { reason: "file_infected", fileName: "besmet.pdf", signature: EICAR_SIGNATURE },
        { reason: "file_infected", fileName: "besmet.pdf", signature: EICAR_SIGNATURE },
      ]);
    });

    describe("a file whose digest its transport took while writing it (tus parts, a staff form)", () => {
      let partsDossierId: string;
      beforeAll(async () => {
        const created = await staff.post("/api/office/dossiers", {
          number: "2026.0143",
          description: "Hypotheek",
          clientIds: [await clientIdNamed(staff, "Jan Jansen")],
        });
        partsDossierId = created.json().id;
      });

      async function inTwoParts(name: string, content: Buffer) {
        const started = await startUpload(client, partsDossierId, name, content.length);
        const location = String(started.headers.location);
        expect(
          (await sendUploadPart(client, location, 0, content.subarray(0, 60))).statusCode,
        ).toBe(204);
        return sendUploadPart(client, location, 60, content.subarray(60));
      }

      it("is stored scanned, with the SHA-256 of its bytes, from a client or staff", async () => {
        const fromClient = samplePdf("in delen");
        const supplied = await inTwoParts("delen.pdf", fromClient);
        expect(supplied.statusCode).toBe(200);
        const fromStaff = samplePdf("akte");
        const added = await addDocument(staff, partsDossierId, {
          category: "documents",
          title: "Akte",
          name: "akte.pdf",
          content: fromStaff,
        });
        expect(added.statusCode).toBe(201);

        const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
        for (const [id, content] of [
          [supplied.json().id, fromClient],
          [added.json().id, fromStaff],
        ] as const) {
          const [row] = await subject.services.database.db
            .select({ size: documents.size, sha256: documents.sha256, scan: documents.scanStatus })
            .from(documents)
            .where(eq(documents.id, id));
          expect(row).toEqual({ size: content.length, sha256: sha256(content), scan: "clean" });
        }
      });

      it("is refused when infected, and never stored", async () => {
        const refused = await inTwoParts("besmet.pdf", infectedPdf());
        expect(refused.statusCode).toBe(422);
        expect(refused.json().error.code).toBe("file_infected");
        const office = (await staff.get(`/api/office/dossiers/${partsDossierId}`)).json();
        expect(office.documents.map((d: { fileName: string }) => d.fileName).sort()).toEqual([
          "akte.pdf",
          "delen.pdf",
        ]);
      });
    });

    it("refuses uploads while clamd is unreachable, rather than storing them unscanned", async () => {
      await clamd.stop();
      const blobsBefore = await storedBlobs();
      const response = await supplyFile(client, dossierId, "later.pdf", samplePdf());
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe("virus_scan_unavailable");
      expect(await storedBlobs()).toBe(blobsBefore);
      const office = (await staff.get(`/api/office/dossiers/${dossierId}`)).json();
      expect(office.documents).toHaveLength(1);
    });
  },
);
